// Role assignments, users and projects of conductor/identity over an in-memory
// SQLite store with an injected clock: what a token may do follows the roles
// its user holds in its project at every call, and every way of taking access
// away ends the token at once.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import pino from 'pino';
import { createIdentity, type Identity } from '../../../conductor/identity/identity.ts';
import { hashPassword } from '../../../conductor/identity/password.ts';
import type { ProjectHoldings } from '../../../conductor/identity/project-holdings.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { isCode } from '../../harness/errors.ts';

const quiet = pino({ level: 'silent' });

describe('identity: roles, users and projects', () => {
  let store: SqliteStore;
  let identity: Identity;
  let now = 1_000_000;

  before(async () => {
    store = new SqliteStore({ path: ':memory:' });
    identity = createIdentity({ store, clock: () => now, log: quiet });
    await identity.createProject('admin');
    await identity.createProject('red');
    await identity.createProject('blue');
    await identity.createUser({ name: 'root', password: 'root-password', project: 'admin', role: 'admin' });
  });
  after(() => store?.close());
  beforeEach(() => {
    now += 1000;
  });

  const login = (username: string, project = '') =>
    identity.login({ username, password: `${username}-password`, project, source: `10.9.${username.length}.1:1` });
  const who = async (username: string, project = '') => identity.authenticate((await login(username, project)).token);

  it('a new user holds its role in its project; more roles in more projects, each token scoped to one', async () => {
    await identity.createUser({ name: 'ann', password: 'ann-password', project: 'red', role: 'reader' });
    assert.equal((await who('ann')).role, 'reader');
    await identity.grantRole('ann', 'blue', 'member');
    await identity.grantRole('ann', 'blue', 'member'); // idempotent
    const blue = await who('ann', 'blue');
    assert.deepEqual([blue.projectName, blue.role], ['blue', 'member']);
    assert.equal((await who('ann', 'red')).role, 'reader', 'roles do not leak between projects');
    await assert.rejects(login('ann', 'admin'), isCode('UNAUTHENTICATED', 'BAD_CREDENTIALS'));
    await identity.grantRole('ann', 'red', 'member');
    assert.equal((await who('ann', 'red')).role, 'member', 'the strongest role counts');
    const page = await identity.assignments.list({ userId: (await identity.findUserByName('ann'))!.id }, {});
    assert.deepEqual(page.items.map((a) => a.roles.join('+')).sort(), ['member', 'reader+member']);
  });

  it('admin counts as the cloud admin only in project admin', async () => {
    await identity.createUser({ name: 'pam', password: 'pam-password', project: 'red', role: 'admin' });
    assert.equal((await who('pam')).role, 'member');
    assert.equal((await who('root')).role, 'admin');
  });

  it('a role taken away ends the tokens that relied on it at once', async () => {
    await identity.createUser({ name: 'rob', password: 'rob-password', project: 'red', role: 'member' });
    await identity.grantRole('rob', 'red', 'reader');
    const token = (await login('rob')).token;
    await identity.revokeRole('rob', 'red', 'member');
    assert.equal((await identity.authenticate(token)).role, 'reader', 'the same token, the weaker role');
    await identity.revokeRole('rob', 'red', 'reader');
    await assert.rejects(identity.authenticate(token), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    await assert.rejects(identity.revokeRole('rob', 'red', 'reader'), isCode('NOT_FOUND', 'ROLE_ASSIGNMENT_NOT_FOUND'));
    await assert.rejects(identity.grantRole('rob', 'red', 'owner'), isCode('INVALID_ARGUMENT', 'ROLE_INVALID'));
    await assert.rejects(identity.grantRole('rob', 'red', ''), isCode('INVALID_ARGUMENT', 'ROLE_INVALID'));
    await assert.rejects(identity.grantRole('nobody', 'red', 'reader'), isCode('NOT_FOUND', 'USER_NOT_FOUND'));
  });

  it('disabling a user ends its tokens and its logins; enabling again does not revive old tokens', async () => {
    await identity.createUser({ name: 'dan', password: 'dan-password', project: 'red', role: 'member' });
    const token = (await login('dan')).token;
    await identity.users.update('dan', { enabled: false });
    await assert.rejects(identity.authenticate(token), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    await assert.rejects(login('dan'), isCode('UNAUTHENTICATED', 'BAD_CREDENTIALS'));
    await identity.users.update('dan', { enabled: true });
    await assert.rejects(identity.authenticate(token), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    assert.ok(await who('dan'), 'a new login works');
  });

  it('a new password ends the old tokens; the old password no longer logs in', async () => {
    await identity.createUser({ name: 'pat', password: 'pat-password', project: 'red', role: 'member' });
    const token = (await login('pat')).token;
    await identity.users.update('pat', { password: 'brand-new-password' });
    await assert.rejects(identity.authenticate(token), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    await assert.rejects(login('pat'), isCode('UNAUTHENTICATED', 'BAD_CREDENTIALS'));
    assert.ok(await identity.login({ username: 'pat', password: 'brand-new-password', source: '10.0.0.1:1' }));
    await assert.rejects(
      identity.users.update('pat', { password: 'short' }),
      isCode('INVALID_ARGUMENT', 'PASSWORD_INVALID'),
    );
  });

  it('a deleted user is gone with its roles and tokens; its name can be taken again', async () => {
    await identity.createUser({ name: 'del', password: 'del-password', project: 'red', role: 'member' });
    const id = (await identity.findUserByName('del'))!.id;
    const token = (await login('del')).token;
    await identity.users.delete('del');
    await assert.rejects(identity.authenticate(token), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    assert.deepEqual(await identity.assignments.ofUser(id), []);
    await identity.createUser({ name: 'del', password: 'del-password', project: 'blue', role: 'reader' });
    await assert.rejects(identity.authenticate(token), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'), 'not the new user');
  });

  it('renames users; names stay unique', async () => {
    await identity.createUser({ name: 'old-name', password: 'x-password', project: 'red', role: 'member' });
    await identity.users.update('old-name', { name: 'new-name' });
    assert.equal(await identity.findUserByName('old-name'), undefined);
    assert.ok(await identity.findUserByName('new-name'));
    await assert.rejects(identity.users.update('new-name', { name: 'root' }), isCode('ALREADY_EXISTS', 'USER_EXISTS'));
  });

  it('keeps the last cloud admin: neither revoked, disabled nor deleted', async () => {
    await assert.rejects(
      identity.revokeRole('root', 'admin', 'admin'),
      isCode('FAILED_PRECONDITION', 'LAST_CLOUD_ADMIN'),
    );
    await assert.rejects(
      identity.users.update('root', { enabled: false }),
      isCode('FAILED_PRECONDITION', 'LAST_CLOUD_ADMIN'),
    );
    await assert.rejects(identity.users.delete('root'), isCode('FAILED_PRECONDITION', 'LAST_CLOUD_ADMIN'));
    // A disabled second admin does not count.
    await identity.createUser({ name: 'root2', password: 'root2-password', project: 'admin', role: 'admin' });
    await identity.users.update('root2', { enabled: false });
    await assert.rejects(identity.users.delete('root'), isCode('FAILED_PRECONDITION', 'LAST_CLOUD_ADMIN'));
    await identity.users.update('root2', { enabled: true });
    await identity.revokeRole('root', 'admin', 'admin');
    assert.equal((await who('root2')).role, 'admin');
    await assert.rejects(identity.users.delete('root2'), isCode('FAILED_PRECONDITION', 'LAST_CLOUD_ADMIN'));
    await identity.grantRole('root', 'admin', 'admin');
  });

  it('deletes a project only when no domain holds anything of it, with its assignments and tokens', async () => {
    const p = await identity.createProject('doomed', 'short-lived');
    await identity.createUser({ name: 'dee', password: 'dee-password', project: 'blue', role: 'member' });
    await identity.grantRole('dee', 'doomed', 'member');
    const token = (await login('dee', 'doomed')).token;
    let held: Record<string, number> = { servers: 2, networks: 1 };
    const holdings: ProjectHoldings[] = [
      { heldBy: async (id) => (id === p.id ? held : {}) },
      { heldBy: async () => ({ volumes: 0 }) },
    ];
    const err = await identity.projects.delete('doomed', holdings).catch((e: unknown) => e);
    assert.ok(isCode('FAILED_PRECONDITION', 'PROJECT_NOT_EMPTY')(err), String(err));
    assert.deepEqual((err as { details: unknown }).details, { servers: '2', networks: '1' });
    assert.match((err as Error).message, /servers \(2\), networks \(1\)/);
    assert.ok(await identity.authenticate(token), 'nothing changed');
    held = {};
    await identity.projects.delete('doomed', holdings);
    await assert.rejects(identity.authenticate(token), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    assert.deepEqual(await identity.assignments.ofProject(p.id), []);
    assert.equal((await who('dee')).projectName, 'blue', 'the user stays, with its other roles');
    await identity.createProject('doomed');
    await assert.rejects(
      login('dee', 'doomed'),
      isCode('UNAUTHENTICATED', 'BAD_CREDENTIALS'),
      'a new project, no roles',
    );
  });

  it('project admin keeps its name and cannot be deleted; other projects are renamed and described', async () => {
    await assert.rejects(identity.projects.delete('admin', []), isCode('FAILED_PRECONDITION', 'PROJECT_PROTECTED'));
    await assert.rejects(
      identity.projects.update('admin', { name: 'root' }),
      isCode('FAILED_PRECONDITION', 'PROJECT_PROTECTED'),
    );
    assert.equal(
      (await identity.projects.update('admin', { description: 'the cloud admins' })).description,
      'the cloud admins',
    );
    await identity.createProject('green');
    const renamed = await identity.projects.update('green', { name: 'teal', description: 'was green' });
    assert.deepEqual([renamed.name, renamed.description], ['teal', 'was green']);
    assert.equal(await identity.findProjectByName('green'), undefined);
    await assert.rejects(identity.projects.update('teal', { name: 'red' }), isCode('ALREADY_EXISTS', 'PROJECT_EXISTS'));
    await assert.rejects(
      identity.projects.update('teal', { description: 'x'.repeat(256) }),
      isCode('INVALID_ARGUMENT'),
    );
  });
});

describe('identity: stores from before role assignments', () => {
  it('gives each user of an older store its role as an assignment, once, and its logins keep working', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    try {
      const identity = createIdentity({ store, log: quiet });
      const admin = await identity.createProject('admin');
      const red = await identity.createProject('red');
      // Written as the conductor of the previous release wrote users: one role on the record.
      const legacy = [
        { id: '6f1c2d3e-0000-4000-8000-000000000001', name: 'old-admin', projectId: admin.id, role: 'admin' },
        { id: '6f1c2d3e-0000-4000-8000-000000000002', name: 'old-member', projectId: red.id, role: 'member' },
      ];
      for (const u of legacy) {
        await store.create(`/identity/users/${u.id}`, {
          ...u,
          passwordHash: await hashPassword(`${u.name}-password`),
          createdAt: '2026-01-01T00:00:00.000Z',
        });
        await store.create(`/identity/user-names/${u.name}`, { id: u.id });
      }
      assert.equal(await identity.migrate(), 2);
      assert.equal(await identity.migrate(), 0, 'idempotent');
      const revision = (await store.status()).revision;
      assert.equal(await createIdentity({ store, log: quiet }).migrate(), 0);
      assert.equal((await store.status()).revision, revision, 'a second run writes nothing');
      for (const [name, role] of [
        ['old-admin', 'admin'],
        ['old-member', 'member'],
      ] as const) {
        const r = await identity.login({ username: name, password: `${name}-password` });
        assert.equal((await identity.authenticate(r.token)).role, role);
        const rec = (await store.get<Record<string, unknown>>(`/identity/users/${r.user.id}`)).value;
        assert.equal(rec['role'], undefined, 'the record has the new shape');
        assert.equal(rec['enabled'], true);
      }
    } finally {
      await store.close();
    }
  });
});
