// The decision for one call (conductor/policy/decide.ts), table-driven over
// every kind of rule and every effective role: PERMISSION_DENIED only for what
// the caller's own token lacks, with ADMIN_REQUIRED or ROLE_REQUIRED.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { effectiveRole, type Principal, type Role } from '../../../conductor/identity/model.ts';
import { authorize } from '../../../conductor/policy/decide.ts';
import { adminRead, adminWrite, cloudRead, type Rule, read, write } from '../../../conductor/policy/rule.ts';

const principal = (role: Role, projectName = 'red'): Principal => ({
  userId: 'u',
  userName: 'user',
  projectId: 'p',
  projectName,
  role,
  tokenHash: 'h',
  expiresAtMs: 0,
});

function outcome(rule: Rule, p: Principal): string {
  try {
    authorize(rule, p, '/strato.test.v1.X/Do');
    return 'ok';
  } catch (err) {
    assert.ok(isStratoError(err, 'PERMISSION_DENIED'), String(err));
    return err.reason;
  }
}

describe('authorize', () => {
  const rules: Array<[string, Rule]> = [
    ['public', { allow: 'public', projectScoped: false, mutates: true }],
    ['any token', { allow: 'authenticated', projectScoped: false, mutates: false }],
    ['read', read()],
    ['cloud read', cloudRead],
    ['member read', read('member')],
    ['write', write()],
    ['admin read', adminRead],
    ['admin write', adminWrite],
  ];
  // reader, member, cloud admin
  const expected: Record<string, [string, string, string]> = {
    public: ['ok', 'ok', 'ok'],
    'any token': ['ok', 'ok', 'ok'],
    read: ['ok', 'ok', 'ok'],
    'cloud read': ['ok', 'ok', 'ok'],
    'member read': ['ROLE_REQUIRED', 'ok', 'ok'],
    write: ['ROLE_REQUIRED', 'ok', 'ok'],
    'admin read': ['ADMIN_REQUIRED', 'ADMIN_REQUIRED', 'ok'],
    'admin write': ['ADMIN_REQUIRED', 'ADMIN_REQUIRED', 'ok'],
  };
  for (const [name, rule] of rules) {
    it(`${name}: reader, member, cloud admin`, () => {
      const got = [principal('reader'), principal('member'), principal('admin', 'admin')].map((p) => outcome(rule, p));
      assert.deepEqual(got, expected[name]);
    });
  }

  it('names the role needed and the one held', () => {
    try {
      authorize(write(), principal('reader'), '/strato.compute.v1.Servers/DeleteServer');
      assert.fail('authorized');
    } catch (err) {
      assert.ok(isStratoError(err, 'PERMISSION_DENIED'));
      assert.equal(err.details.role, 'member');
      assert.match(err.message, /DeleteServer needs the member role in project red; this token has reader/);
    }
  });
});

describe('effective roles', () => {
  it('the strongest role held counts; admin only in project admin', () => {
    assert.equal(effectiveRole(['reader'], 'red'), 'reader');
    assert.equal(effectiveRole(['reader', 'member'], 'red'), 'member');
    assert.equal(effectiveRole(['admin'], 'red'), 'member', 'an ordinary project has no cloud admins');
    assert.equal(effectiveRole(['admin', 'reader'], 'admin'), 'admin');
    assert.equal(effectiveRole(['reader'], 'admin'), 'reader');
    assert.equal(effectiveRole([], 'red'), undefined);
  });
});
