// Identity over real gRPC on loopback with a real SQLite store: bootstrap admin,
// login, tokens (missing, wrong, expired, revoked), projects and users.
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bootstrapAdmin } from '../../../conductor/identity/bootstrap.ts';
import { bearer } from '../../harness/auth.ts';
import { rejection } from '../../harness/errors.ts';
import { type ApiFixture, startApi } from './api-fixture.ts';

describe('identity API', () => {
  let f: ApiFixture;
  before(async () => {
    f = await startApi();
  });
  after(() => f?.close());

  it('bootstraps the admin with a 0600 password file in a 0700 dir, idempotently', async () => {
    assert.equal(f.bootstrap.created, true);
    assert.deepEqual(await f.identity.assignments.rolesOf(f.bootstrap.user.id, f.bootstrap.project.id), ['admin']);
    assert.equal(f.bootstrap.project.name, 'admin');
    assert.equal((await stat(f.passwordFile)).mode & 0o777, 0o600);
    assert.equal((await stat(dirname(f.passwordFile))).mode & 0o777, 0o700);
    assert.ok(f.adminPassword.length >= 24, 'a long random password');
    const again = await bootstrapAdmin(f.identity, { passwordFile: f.passwordFile });
    assert.equal(again.created, false);
    assert.equal(again.user.id, f.bootstrap.user.id);
    assert.equal(again.project.id, f.bootstrap.project.id);
    const admin = await f.login('admin', f.adminPassword);
    const who = await f.id.WhoAmI({}, admin);
    assert.equal(who.user?.name, 'admin');
    assert.equal(who.user?.role, 'admin');
    assert.equal(who.project?.name, 'admin');
  });

  it('logs in with a password and reports who the token belongs to', async () => {
    const res = await f.id.Login({ username: 'admin', password: f.adminPassword, project: 'admin' });
    assert.match(res.token, /^[A-Za-z0-9_-]{43}$/);
    const ttl = Date.parse(res.expiresAt) - Date.now();
    assert.ok(ttl > 3590_000 && ttl <= 3600_000, `default TTL is 1 h, got ${ttl} ms`);
    assert.equal(res.user?.name, 'admin');
    const who = await f.id.WhoAmI({}, bearer(res.token));
    assert.equal(who.expiresAt, res.expiresAt);
  });

  it('refuses a bad password, an unknown user and a foreign project with one reason', async () => {
    for (const req of [
      { username: 'admin', password: 'wrong-password', project: '' },
      { username: 'nobody', password: 'whatever-pw', project: '' },
      { username: 'admin', password: f.adminPassword, project: 'other' },
    ]) {
      const err = await rejection(f.id.Login(req));
      assert.equal(err.code, 'UNAUTHENTICATED');
      assert.equal(err.reason, 'BAD_CREDENTIALS');
    }
    const empty = await rejection(f.id.Login({ username: '', password: 'x', project: '' }));
    assert.equal(empty.code, 'INVALID_ARGUMENT');
  });

  it('refuses calls without, with a malformed or with an unknown token', async () => {
    const none = await rejection(f.id.WhoAmI({}));
    assert.equal(none.code, 'UNAUTHENTICATED');
    assert.equal(none.reason, 'TOKEN_MISSING');
    const garbage = await rejection(f.id.WhoAmI({}, bearer('not-a-token')));
    assert.equal(garbage.reason, 'TOKEN_INVALID');
    const unknown = await rejection(f.id.WhoAmI({}, bearer('A'.repeat(43))));
    assert.equal(unknown.reason, 'TOKEN_INVALID');
    const listing = await rejection(f.img.ListImages({ pageSize: 0, pageToken: '', allProjects: false }));
    assert.equal(listing.reason, 'TOKEN_MISSING', 'every service checks the token');
  });

  it('revokes a token on logout, idempotently for the revoked token', async () => {
    const t = await f.login('admin', f.adminPassword);
    await f.id.Logout({}, t);
    const err = await rejection(f.id.WhoAmI({}, t));
    assert.equal(err.reason, 'TOKEN_INVALID');
    const other = await f.login('admin', f.adminPassword);
    assert.ok(await f.id.WhoAmI({}, other), 'other tokens stay valid');
  });

  it('creates projects and users as admin only; members see only their project', async () => {
    const admin = await f.login('admin', f.adminPassword);
    const alice = await f.member('proj-a', 'alice');
    const denied = await rejection(f.id.CreateProject({ name: 'sneaky' }, alice));
    assert.equal(denied.code, 'PERMISSION_DENIED');
    const deniedUser = await rejection(
      f.id.CreateUser({ name: 'mallory', password: 'password123', project: 'proj-a', role: 'admin' }, alice),
    );
    assert.equal(deniedUser.code, 'PERMISSION_DENIED');
    const dup = await rejection(f.id.CreateProject({ name: 'proj-a' }, admin));
    assert.equal(dup.code, 'ALREADY_EXISTS');
    const bad = await rejection(f.id.CreateProject({ name: '-bad name' }, admin));
    assert.equal(bad.code, 'INVALID_ARGUMENT');
    assert.equal(bad.reason, 'NAME_INVALID');
    const noProject = await rejection(
      f.id.CreateUser({ name: 'bob', password: 'password123', project: 'missing', role: '' }, admin),
    );
    assert.equal(noProject.code, 'NOT_FOUND');
    const own = await f.id.ListProjects({ pageSize: 0, pageToken: '' }, alice);
    assert.deepEqual(
      own.projects.map((p) => p.name),
      ['proj-a'],
    );
    const all = await f.id.ListProjects({ pageSize: 0, pageToken: '' }, admin);
    assert.deepEqual(all.projects.map((p) => p.name).sort(), ['admin', 'proj-a']);
    const who = await f.id.WhoAmI({}, alice);
    assert.equal(who.user?.role, 'member');
  });

  it('an admin-role user outside project admin is no cloud admin', async () => {
    const admin = await f.login('admin', f.adminPassword);
    await f.id.CreateProject({ name: 'proj-c' }, admin);
    await f.id.CreateUser({ name: 'carol', password: 'carol-password', project: 'proj-c', role: 'admin' }, admin);
    const carol = await f.login('carol', 'carol-password');
    const err = await rejection(f.id.CreateProject({ name: 'x1' }, carol));
    assert.equal(err.code, 'PERMISSION_DENIED');
  });

  it('paginates projects', async () => {
    const admin = await f.login('admin', f.adminPassword);
    for (let i = 0; i < 5; i++) await f.id.CreateProject({ name: `page-${i}` }, admin);
    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const res = await f.id.ListProjects({ pageSize: 2, pageToken }, admin);
      assert.ok(res.projects.length <= 2);
      seen.push(...res.projects.map((p) => p.id));
      pageToken = res.nextPageToken;
      pages++;
    } while (pageToken !== '');
    const all = await f.id.ListProjects({ pageSize: 1000, pageToken: '' }, admin);
    assert.deepEqual(
      seen,
      all.projects.map((p) => p.id),
    );
    assert.ok(pages >= 4);
    const bad = await rejection(f.id.ListProjects({ pageSize: 2, pageToken: 'garbage!' }, admin));
    assert.equal(bad.code, 'INVALID_ARGUMENT');
  });
});

describe('identity API with a short token lifetime', () => {
  let f: ApiFixture;
  before(async () => {
    f = await startApi({ tokenTtlMs: 300 });
  });
  after(() => f?.close());

  it('expires tokens, deletes them on sight and sweeps the rest', async () => {
    const a = await f.login('admin', f.adminPassword);
    const b = await f.login('admin', f.adminPassword);
    assert.ok(await f.id.WhoAmI({}, a));
    await new Promise((r) => setTimeout(r, 400));
    const err = await rejection(f.id.WhoAmI({}, a));
    assert.equal(err.code, 'UNAUTHENTICATED');
    assert.equal(err.reason, 'TOKEN_EXPIRED');
    const again = await rejection(f.id.WhoAmI({}, a));
    assert.equal(again.reason, 'TOKEN_INVALID', 'the expired token was deleted');
    assert.equal(await f.identity.sweepExpiredTokens(), 1, 'the sweep removes the other expired token');
    const page = await f.store.list('/identity/tokens/');
    assert.equal(page.entries.length, 0);
    assert.equal((await rejection(f.id.WhoAmI({}, b))).reason, 'TOKEN_INVALID');
  });
});
