// Identity on the real conductor (its own process, TLS on loopback): tokens
// that expire with a short --token-ttl-s, login limits, users of an older
// store migrated to role assignments at start, and the audit trail — one line
// `audit` per call that changes state (refused ones too), none for reads —
// with no password or token anywhere in the daemon's output.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Metadata } from '@grpc/grpc-js';
import type { CallOpts } from '../../../common/grpc/client.ts';
import { hashPassword } from '../../../conductor/identity/password.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { isCode, rejection } from '../../harness/errors.ts';
import { waitFor } from '../../harness/wait.ts';
import { type ChildEnv, startChildEnv } from './child-env.ts';
import type { Api } from './helpers.ts';

const TTL_S = 3;
const LEGACY = { id: '0b7c6a1e-5d0f-4c3e-9a51-000000000011', name: 'veteran' };

interface LogLine {
  msg?: string;
  requestId?: string;
  method?: string;
  code?: string;
  reason?: string;
  user?: string;
  userId?: string;
  project?: string;
  projectId?: string;
  source?: string;
}

describe('conductor: tokens, login limits, migration and audit', () => {
  let env: ChildEnv;
  const secrets: string[] = [];

  before(async () => {
    env = await startChildEnv({
      args: ['--token-ttl-s', String(TTL_S)],
      // A store from before role assignments: a member user with its role on the record.
      async seed(dataDir) {
        const store = new SqliteStore({ path: join(dataDir, 'state.db') });
        try {
          const projectId = randomUUID();
          await store.create(`/identity/projects/${projectId}`, {
            id: projectId,
            name: 'old-timers',
            createdAt: '2026-01-01T00:00:00.000Z',
          });
          await store.create('/identity/project-names/old-timers', { id: projectId });
          await store.create(`/identity/users/${LEGACY.id}`, {
            ...LEGACY,
            projectId,
            role: 'member',
            passwordHash: await hashPassword('veteran-password'),
            createdAt: '2026-01-01T00:00:00.000Z',
          });
          await store.create(`/identity/user-names/${LEGACY.name}`, { id: LEGACY.id });
        } finally {
          await store.close();
        }
      },
    });
    secrets.push(env.adminPassword, 'veteran-password');
  });
  after(() => env?.close());

  /** Logs in; the token is remembered as a secret the logs must not hold. */
  async function login(user: string, password: string): Promise<{ api: Api; token: string }> {
    const api = await env.login(user, password);
    const who = await api.identity.WhoAmI({});
    assert.ok(who.user);
    return { api, token: await tokenOf(user, password) };
  }
  /** A fresh token (the Api clients keep theirs inside their interceptor). */
  async function tokenOf(user: string, password: string): Promise<string> {
    const r = await env.admin.identity.Login({ username: user, password, project: '' });
    secrets.push(r.token);
    return r.token;
  }
  const withId = (requestId: string): CallOpts => {
    const metadata = new Metadata();
    metadata.set('x-request-id', requestId);
    return { metadata };
  };
  const lines = (): LogLine[] =>
    env.child
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
  const auditOf = (requestId: string) => lines().filter((l) => l.msg === 'audit' && l.requestId === requestId);

  it('a token lasts --token-ttl-s, then answers TOKEN_EXPIRED', async () => {
    const token = await tokenOf('admin', env.adminPassword);
    const r = await env.admin.identity.Login({ username: 'admin', password: env.adminPassword, project: '' });
    secrets.push(r.token);
    const ttl = Date.parse(r.expiresAt) - Date.now();
    assert.ok(ttl > 0 && ttl <= TTL_S * 1000, `expires in ${ttl} ms`);
    const api = await env.login('admin', env.adminPassword);
    assert.ok(await api.identity.WhoAmI({}));
    await new Promise((res) => setTimeout(res, TTL_S * 1000 + 200));
    const err = await rejection(api.identity.WhoAmI({}));
    assert.equal(`${err.code}/${err.reason}`, 'UNAUTHENTICATED/TOKEN_EXPIRED');
    assert.ok(token);
  });

  it('migrated a user of the older store: it logs in with its old password and role', async () => {
    const { api } = await login(LEGACY.name, 'veteran-password');
    const who = await api.identity.WhoAmI({});
    assert.deepEqual([who.user?.role, who.project?.name], ['member', 'old-timers']);
    const admin = await env.login('admin', env.adminPassword);
    const a = await admin.identity.ListRoleAssignments({ user: LEGACY.name });
    assert.deepEqual(
      a.assignments.map((x) => `${x.projectName}:${x.role}`),
      ['old-timers:member'],
    );
  });

  it('throttles a user’s logins from one address after 5 failures', async () => {
    const admin = await env.login('admin', env.adminPassword);
    await admin.identity.CreateUser({ name: 'target', password: 'target-password', project: 'admin', role: 'reader' });
    secrets.push('target-password');
    for (let i = 0; i < 5; i++) {
      await assert.rejects(
        admin.identity.Login({ username: 'target', password: `guess-${i}-pw`, project: '' }),
        isCode('UNAUTHENTICATED', 'BAD_CREDENTIALS'),
      );
      secrets.push(`guess-${i}-pw`);
    }
    const held = await rejection(
      admin.identity.Login({ username: 'target', password: 'target-password', project: '' }),
    );
    assert.equal(`${held.code}/${held.reason}`, 'RESOURCE_EXHAUSTED/LOGIN_THROTTLED');
    assert.ok(Number(held.details.retryAfterS) >= 1, JSON.stringify(held.details));
  });

  it('audits every call that changes state once, refused ones too, and no read', async () => {
    const admin = await env.login('admin', env.adminPassword);
    const adminWho = await admin.identity.WhoAmI({});
    await admin.identity.CreateProject({ name: 'audited' });
    await admin.identity.CreateUser({ name: 'aud', password: 'aud-password', project: 'audited', role: 'reader' });
    secrets.push('aud-password');
    const { api: reader } = await login('aud', 'aud-password');

    const created = randomUUID();
    await admin.identity.CreateProject({ name: 'audited-2', description: 'x' }, withId(created));
    const refused = randomUUID();
    await assert.rejects(reader.networks.CreateNetwork({ name: 'n1' }, withId(refused)), isCode('PERMISSION_DENIED'));
    const read = randomUUID();
    await admin.identity.ListProjects({}, withId(read));
    const loggedIn = randomUUID();
    const r = await admin.identity.Login({ username: 'aud', password: 'aud-password', project: '' }, withId(loggedIn));
    secrets.push(r.token);
    const failed = randomUUID();
    await assert.rejects(
      admin.identity.Login({ username: 'aud', password: 'not-it-at-all', project: '' }, withId(failed)),
    );
    secrets.push('not-it-at-all');

    const lineOf = async (id: string) => {
      await waitFor(
        async () => auditOf(id).length,
        (n) => n > 0,
        { what: `the audit line of ${id}`, timeoutMs: 5000 },
      );
      const found = auditOf(id);
      assert.equal(found.length, 1, `one audit line for ${id}`);
      return found[0]!;
    };
    const c = await lineOf(created);
    assert.equal(c.method, '/strato.identity.v1.Identity/CreateProject');
    assert.deepEqual([c.code, c.user, c.userId, c.project], ['OK', 'admin', adminWho.user?.id, 'admin']);
    assert.match(c.source ?? '', /^127\.0\.0\.1:\d+$/);
    const p = await lineOf(refused);
    assert.deepEqual(
      [p.method, p.code, p.reason, p.user, p.project],
      ['/strato.network.v1.Networks/CreateNetwork', 'PERMISSION_DENIED', 'ROLE_REQUIRED', 'aud', 'audited'],
    );
    const l = await lineOf(loggedIn);
    assert.deepEqual([l.code, l.user, l.project], ['OK', 'aud', 'audited']);
    const f = await lineOf(failed);
    assert.deepEqual([f.code, f.reason, f.user], ['UNAUTHENTICATED', 'BAD_CREDENTIALS', 'aud']);
    // The read was logged as a call, never audited.
    await waitFor(async () => lines().some((x) => x.requestId === read && x.msg === 'grpc call'), Boolean, {
      what: 'the read to be logged',
      timeoutMs: 5000,
    });
    assert.deepEqual(auditOf(read), []);
  });

  it('writes no password and no token anywhere in its output', () => {
    const out = env.child.output();
    assert.ok(out.includes('"audit"'), 'the output was read');
    for (const s of secrets) assert.ok(!out.includes(s), `the daemon's output holds a secret (${s.slice(0, 4)}…)`);
  });
});
