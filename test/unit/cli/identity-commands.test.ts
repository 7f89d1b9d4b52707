// The identity commands in-process against a fake session: what each sends,
// where passwords come from (never the command line), and the usage errors
// caught before any call.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SessionFactory } from '../../../cli/context.ts';
import { EXIT } from '../../../cli/errors.ts';
import type { Session } from '../../../cli/session.ts';
import { assertUsageError, cli, fakeSession } from './helpers.ts';

const project = { id: 'p-1', name: 'demo', description: 'd', createdAt: 't', updatedAt: '' };
const user = {
  id: 'u-1',
  name: 'alice',
  projectId: 'p-1',
  role: 'member',
  enabled: true,
  createdAt: 't',
  updatedAt: '',
};
const assignment = { userId: 'u-1', userName: 'alice', projectId: 'p-1', projectName: 'demo', role: 'reader' };

/** An identity API recording every request it gets. */
function recorder() {
  const calls: Array<[string, unknown]> = [];
  const rec =
    (name: string, reply: unknown) =>
    async (req: unknown): Promise<unknown> => {
      calls.push([name, req]);
      return reply;
    };
  const api = {
    CreateProject: rec('CreateProject', project),
    GetProject: rec('GetProject', project),
    ListProjects: rec('ListProjects', { projects: [project], nextPageToken: '' }),
    UpdateProject: rec('UpdateProject', project),
    DeleteProject: rec('DeleteProject', {}),
    CreateUser: rec('CreateUser', user),
    GetUser: rec('GetUser', user),
    ListUsers: rec('ListUsers', { users: [user], nextPageToken: '' }),
    UpdateUser: rec('UpdateUser', user),
    DeleteUser: rec('DeleteUser', {}),
    AddRoleAssignment: rec('AddRoleAssignment', assignment),
    RemoveRoleAssignment: rec('RemoveRoleAssignment', {}),
    ListRoleAssignments: rec('ListRoleAssignments', { assignments: [assignment], nextPageToken: '' }),
    RevokeToken: rec('RevokeToken', {}),
    Logout: rec('Logout', {}),
  };
  return { api, calls };
}

describe('project commands', () => {
  it('create, show, list, set, delete send what was typed', async () => {
    const { api, calls } = recorder();
    const f = fakeSession({ identity: api });
    for (const argv of [
      ['project', 'create', 'demo', '--description', 'the demo'],
      ['project', 'show', 'demo'],
      ['project', 'list'],
      ['project', 'set', 'demo', '--name', 'demo2'],
      ['project', 'set', 'demo', '--description', ''],
      ['project', 'delete', 'a', 'b'],
    ]) {
      const r = await cli(argv, f);
      assert.equal(r.code, EXIT.OK, `${argv.join(' ')}: ${r.stderr}`);
    }
    assert.deepEqual(calls, [
      ['CreateProject', { name: 'demo', description: 'the demo' }],
      ['GetProject', { project: 'demo' }],
      ['ListProjects', { pageToken: '' }],
      ['UpdateProject', { project: 'demo', name: 'demo2' }],
      ['UpdateProject', { project: 'demo', description: '' }],
      ['DeleteProject', { project: 'a' }],
      ['DeleteProject', { project: 'b' }],
    ]);
  });

  it('project set without anything to set is a usage error', () =>
    assertUsageError(['project', 'set', 'x'], /nothing to set/));
});

describe('user commands', () => {
  it('create takes the password from stdin, a prompt (asked twice) or a file, never the command line', async () => {
    const { api, calls } = recorder();
    const f = fakeSession({ identity: api });
    const r1 = await cli(['user', 'create', 'alice', '--project', 'demo', '--password-stdin'], f, {
      stdin: 'from-stdin-pw\nignored\n',
    });
    assert.equal(r1.code, EXIT.OK, r1.stderr);
    const r2 = await cli(['user', 'create', 'bob', '--project', 'demo', '--role', 'reader'], f, {
      prompts: ['prompted-pw', 'prompted-pw'],
    });
    assert.equal(r2.code, EXIT.OK, r2.stderr);
    assert.deepEqual(calls, [
      ['CreateUser', { name: 'alice', password: 'from-stdin-pw', project: 'demo', role: 'member' }],
      ['CreateUser', { name: 'bob', password: 'prompted-pw', project: 'demo', role: 'reader' }],
    ]);
    const differ = await cli(['user', 'create', 'c', '--project', 'demo', '--password-prompt'], f, {
      prompts: ['one-password', 'another-one'],
    });
    assert.equal(differ.code, EXIT.USAGE);
    assert.match(differ.stderr, /the passwords differ/);
    assert.equal(calls.length, 2, 'nothing sent');
  });

  it('create without a terminal or a password option is a usage error', () =>
    assertUsageError(['user', 'create', 'u', '--project', 'p'], /--password-stdin or --password-prompt/));

  it('set: enable, disable, rename, default project, a new password', async () => {
    const { api, calls } = recorder();
    const f = fakeSession({ identity: api });
    for (const [argv, stdin] of [
      [['user', 'set', 'alice', '--disable'], undefined],
      [['user', 'set', 'alice', '--enable', '--name', 'alice2', '--project', 'blue'], undefined],
      [['user', 'set', 'alice', '--password-stdin'], 'new-password\n'],
    ] as const) {
      const r = await cli([...argv], f, stdin === undefined ? {} : { stdin });
      assert.equal(r.code, EXIT.OK, r.stderr);
    }
    assert.deepEqual(calls, [
      ['UpdateUser', { user: 'alice', enabled: false }],
      ['UpdateUser', { user: 'alice', name: 'alice2', enabled: true, project: 'blue' }],
      ['UpdateUser', { user: 'alice', password: 'new-password' }],
    ]);
  });

  it('set refuses contradictions and empty changes', async () => {
    await assertUsageError(['user', 'set', 'u', '--enable', '--disable'], /not both/);
    await assertUsageError(['user', 'set', 'u'], /nothing to set/);
    await assertUsageError(['user', 'set', 'u', '--password-stdin', '--password-file', '/dev/null'], /give one of/);
  });

  it('list filters by project; delete deletes each', async () => {
    const { api, calls } = recorder();
    const f = fakeSession({ identity: api });
    const list = await cli(['user', 'list', '--project', 'demo', '-f', 'value', '-c', 'Name', '-c', 'Enabled'], f);
    assert.equal(list.stdout, 'alice true\n');
    await cli(['user', 'delete', 'a', 'b'], f);
    assert.deepEqual(calls, [
      ['ListUsers', { pageToken: '', project: 'demo' }],
      ['DeleteUser', { user: 'a' }],
      ['DeleteUser', { user: 'b' }],
    ]);
  });
});

describe('role commands', () => {
  it('add, remove and list assignments', async () => {
    const { api, calls } = recorder();
    const f = fakeSession({ identity: api });
    const add = await cli(['role', 'add', '--user', 'alice', '--project', 'demo', 'reader'], f);
    assert.equal(add.code, EXIT.OK, add.stderr);
    await cli(['role', 'remove', '--user', 'alice', '--project', 'demo', 'member'], f);
    const list = await cli(['role', 'assignment', 'list', '--project', 'demo', '-f', 'value'], f);
    assert.equal(list.stdout, 'alice u-1 demo p-1 reader\n');
    assert.deepEqual(calls, [
      ['AddRoleAssignment', { user: 'alice', project: 'demo', role: 'reader' }],
      ['RemoveRoleAssignment', { user: 'alice', project: 'demo', role: 'member' }],
      ['ListRoleAssignments', { pageToken: '', user: '', project: 'demo' }],
    ]);
  });

  it('an unknown role or a missing user is a usage error', async () => {
    await assertUsageError(
      ['role', 'add', '--user', 'u', '--project', 'p', 'owner'],
      /must be one of admin, member, reader/,
    );
    await assertUsageError(['role', 'add', '--project', 'p', 'reader'], /--user/);
  });
});

describe('login, logout and token revoke', () => {
  /** A session recording logins; its identity API records calls. */
  function loginSession(o: { existing?: string } = {}) {
    const { api, calls } = recorder();
    const logins: unknown[] = [];
    let forgotten = 0;
    const reply = { token: 'T0KEN', expiresAt: '2030-01-01T00:00:00Z', user, project };
    const session = {
      cloud: { endpoint: 'fake:1', name: 'default', auth: {} },
      close() {},
      identity: async () => api,
      login: async () => {
        logins.push('configured');
        return reply;
      },
      loginWith: async (creds: unknown, explicit: boolean) => {
        logins.push({ creds, explicit });
        return reply;
      },
      existingToken: async () => o.existing,
      currentToken: async () => o.existing ?? 'T0KEN',
      forgetToken: async () => {
        forgotten++;
      },
    } as unknown as Session;
    const factory: SessionFactory = async () => session;
    return { factory, calls, logins, forgotten: () => forgotten };
  }

  it('login --user reads the password from stdin and scopes the token; --print-token prints it alone', async () => {
    const s = loginSession();
    const r = await cli(
      ['login', '--user', 'alice', '--project', 'demo', '--password-stdin', '--print-token'],
      s.factory,
      {
        stdin: 'alice-password\n',
      },
    );
    assert.equal(r.code, EXIT.OK, r.stderr);
    assert.equal(r.stdout, 'T0KEN\n');
    assert.deepEqual(s.logins, [
      { creds: { username: 'alice', password: 'alice-password', project: 'demo' }, explicit: true },
    ]);
  });

  it('login without --user uses the configured credentials; --project alone is a usage error', async () => {
    const s = loginSession();
    const r = await cli(['login', '-f', 'value', '-c', 'User', '-c', 'Expires'], s.factory);
    assert.equal(r.stdout, 'alice\n2030-01-01T00:00:00Z\n');
    assert.deepEqual(s.logins, ['configured']);
    await assertUsageError(['login', '--project', 'demo'], /go with --user/);
  });

  it('logout revokes the token in use, or only forgets when there is none', async () => {
    const withToken = loginSession({ existing: 'CURRENT' });
    await cli(['logout'], withToken.factory);
    assert.deepEqual(withToken.calls, [['Logout', {}]]);
    assert.equal(withToken.forgotten(), 1);
    const without = loginSession();
    await cli(['logout'], without.factory);
    assert.deepEqual(without.calls, [], 'no login just to log out');
    assert.equal(without.forgotten(), 1);
  });

  it('token revoke ends a given token, or the one in use (then forgotten)', async () => {
    const s = loginSession({ existing: 'CURRENT' });
    await cli(['token', 'revoke', 'SOMEONE-ELSES'], s.factory);
    assert.equal(s.forgotten(), 0);
    await cli(['token', 'revoke'], s.factory);
    assert.deepEqual(s.calls, [
      ['RevokeToken', { token: 'SOMEONE-ELSES' }],
      ['RevokeToken', { token: 'CURRENT' }],
    ]);
    assert.equal(s.forgotten(), 1);
  });
});
