// Projects, users and role assignments over real gRPC on loopback with a real
// SQLite store, behind the conductor's policy hook: what the cloud admin
// manages, what each role may then do, and every way a token stops working
// (revoked, tampered with, its user disabled, deleted or given a new password,
// its role taken away).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallOpts } from '../../../common/grpc/client.ts';
import { bearer } from '../../harness/auth.ts';
import { isCode, rejection } from '../../harness/errors.ts';
import { type ApiFixture, startApi } from './api-fixture.ts';

describe('identity API: projects, users, roles and tokens', () => {
  let f: ApiFixture;
  let admin: CallOpts & { token: string };

  before(async () => {
    f = await startApi();
    admin = await f.login('admin', f.adminPassword);
  });
  after(() => f?.close());

  const user = async (name: string, project: string, role: string) => {
    await f.id.CreateUser({ name, password: `${name}-password`, project, role }, admin);
    return f.login(name, `${name}-password`);
  };
  const loginTo = async (name: string, project: string) =>
    bearer((await f.id.Login({ username: name, password: `${name}-password`, project })).token);

  it('projects: create with a description, show to those with a role, rename, describe', async () => {
    const p = await f.id.CreateProject({ name: 'apollo', description: 'moon shots' }, admin);
    assert.equal(p.description, 'moon shots');
    const ann = await user('ann', 'apollo', 'reader');
    assert.equal((await f.id.GetProject({ project: 'apollo' }, ann)).id, p.id);
    await f.id.CreateProject({ name: 'gemini' }, admin);
    await assert.rejects(f.id.GetProject({ project: 'gemini' }, ann), isCode('NOT_FOUND', 'PROJECT_NOT_FOUND'));
    await assert.rejects(f.id.GetProject({ project: 'no-such' }, ann), isCode('NOT_FOUND', 'PROJECT_NOT_FOUND'));
    const renamed = await f.id.UpdateProject({ project: 'gemini', name: 'mercury', description: 'renamed' }, admin);
    assert.deepEqual([renamed.name, renamed.description], ['mercury', 'renamed']);
    assert.notEqual(renamed.updatedAt, '');
    await assert.rejects(f.id.UpdateProject({ project: 'mercury', name: 'apollo' }, admin), isCode('ALREADY_EXISTS'));
    await assert.rejects(f.id.UpdateProject({ project: 'admin', name: 'root' }, admin), isCode('FAILED_PRECONDITION'));
    await assert.rejects(
      f.id.UpdateProject({ project: 'mercury', name: 'x' }, ann),
      isCode('PERMISSION_DENIED', 'ADMIN_REQUIRED'),
    );
  });

  it('a user holds roles in several projects; ListProjects shows those, each token is scoped to one', async () => {
    await f.id.CreateProject({ name: 'multi-a' }, admin);
    await f.id.CreateProject({ name: 'multi-b' }, admin);
    const mo = await user('mo', 'multi-a', 'member');
    const a = await f.id.AddRoleAssignment({ user: 'mo', project: 'multi-b', role: 'reader' }, admin);
    assert.deepEqual([a.userName, a.projectName, a.role], ['mo', 'multi-b', 'reader']);
    const mine = await f.id.ListProjects({}, mo);
    assert.deepEqual(mine.projects.map((p) => p.name).sort(), ['multi-a', 'multi-b']);
    const inB = await loginTo('mo', 'multi-b');
    const who = await f.id.WhoAmI({}, inB);
    assert.deepEqual([who.project?.name, who.user?.role], ['multi-b', 'reader']);
    const listed = await f.id.ListRoleAssignments({ user: 'mo' }, admin);
    assert.deepEqual(listed.assignments.map((x) => `${x.projectName}:${x.role}`).sort(), [
      'multi-a:member',
      'multi-b:reader',
    ]);
    const byProject = await f.id.ListRoleAssignments({ project: 'multi-b' }, admin);
    assert.deepEqual(
      byProject.assignments.map((x) => x.userName),
      ['mo'],
    );
    await assert.rejects(f.id.ListRoleAssignments({}, mo), isCode('PERMISSION_DENIED', 'ADMIN_REQUIRED'));
  });

  it('a reader reads, a member writes, in their own project', async () => {
    await f.id.CreateProject({ name: 'roles' }, admin);
    const reader = await user('rita', 'roles', 'reader');
    const member = await user('max', 'roles', 'member');
    assert.deepEqual((await f.img.ListImages({}, reader)).images, []);
    const denied = await rejection(f.img.CreateImage({ name: 'nope', diskFormat: 'raw', public: false }, reader));
    assert.equal(`${denied.code}/${denied.reason}`, 'PERMISSION_DENIED/ROLE_REQUIRED');
    assert.equal(denied.details.role, 'member');
    const img = await f.img.CreateImage({ name: 'yes', diskFormat: 'raw', public: false }, member);
    assert.equal((await f.img.GetImage({ image: img.id }, reader)).name, 'yes');
    await assert.rejects(f.img.DeleteImage({ image: img.id }, reader), isCode('PERMISSION_DENIED', 'ROLE_REQUIRED'));
    // Promoted, the same token may write at once.
    await f.id.AddRoleAssignment({ user: 'rita', project: 'roles', role: 'member' }, admin);
    await f.img.DeleteImage({ image: img.id }, reader);
    // Demoted, it may not.
    await f.id.RemoveRoleAssignment({ user: 'rita', project: 'roles', role: 'member' }, admin);
    await assert.rejects(
      f.img.CreateImage({ name: 'n', diskFormat: 'raw', public: false }, reader),
      isCode('PERMISSION_DENIED'),
    );
    // Without any role left there, the token is no longer valid.
    await f.id.RemoveRoleAssignment({ user: 'rita', project: 'roles', role: 'reader' }, admin);
    await assert.rejects(f.img.ListImages({}, reader), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    const again = await rejection(f.id.RemoveRoleAssignment({ user: 'rita', project: 'roles', role: 'reader' }, admin));
    assert.equal(`${again.code}/${again.reason}`, 'NOT_FOUND/ROLE_ASSIGNMENT_NOT_FOUND');
    const noRole = await rejection(f.id.AddRoleAssignment({ user: 'rita', project: 'roles', role: '' }, admin));
    assert.equal(noRole.details.field, 'role');
  });

  it('users: show, list by project, disable (tokens end), enable, new password (tokens end), delete (tokens end)', async () => {
    await f.id.CreateProject({ name: 'people' }, admin);
    const una = await user('una', 'people', 'member');
    const shown = await f.id.GetUser({ user: 'una' }, admin);
    assert.deepEqual([shown.role, shown.enabled], ['member', true]);
    const inPeople = await f.id.ListUsers({ project: 'people' }, admin);
    assert.deepEqual(
      inPeople.users.map((u) => u.name),
      ['una'],
    );
    await assert.rejects(f.id.GetUser({ user: 'una' }, una), isCode('PERMISSION_DENIED'));

    const disabled = await f.id.UpdateUser({ user: 'una', enabled: false }, admin);
    assert.equal(disabled.enabled, false);
    await assert.rejects(f.id.WhoAmI({}, una), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    await assert.rejects(f.login('una', 'una-password'), isCode('UNAUTHENTICATED', 'BAD_CREDENTIALS'));
    await f.id.UpdateUser({ user: 'una', enabled: true }, admin);
    await assert.rejects(f.id.WhoAmI({}, una), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'), 'ended for good');

    const fresh = await f.login('una', 'una-password');
    await f.id.UpdateUser({ user: 'una', password: 'una-new-password' }, admin);
    await assert.rejects(f.id.WhoAmI({}, fresh), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    const wrong = await rejection(f.id.Login({ username: 'una', password: 'una-password', project: '' }));
    assert.equal(`${wrong.code}/${wrong.reason}`, 'UNAUTHENTICATED/BAD_CREDENTIALS');
    const last = await f.login('una', 'una-new-password');

    await f.id.DeleteUser({ user: 'una' }, admin);
    await assert.rejects(f.id.WhoAmI({}, last), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    await assert.rejects(f.id.GetUser({ user: 'una' }, admin), isCode('NOT_FOUND', 'USER_NOT_FOUND'));
    await assert.rejects(f.id.DeleteUser({ user: 'admin' }, admin), isCode('FAILED_PRECONDITION', 'LAST_CLOUD_ADMIN'));
  });

  it('tokens: a tampered, unknown or malformed one is refused; RevokeToken ends one held, and says nothing of others', async () => {
    const t = (await f.login('admin', f.adminPassword)).token;
    const flip = t.slice(0, 10) + (t[10] === 'A' ? 'B' : 'A') + t.slice(11);
    for (const bad of [flip, `${t}x`, t.slice(1), 'A'.repeat(43)]) {
      await assert.rejects(f.id.WhoAmI({}, bearer(bad)), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'), bad);
    }
    const other = (await f.login('admin', f.adminPassword)).token;
    await f.id.RevokeToken({ token: other }, bearer(t));
    await assert.rejects(f.id.WhoAmI({}, bearer(other)), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    assert.ok(await f.id.WhoAmI({}, bearer(t)), 'the caller’s own token is untouched');
    await assert.rejects(
      f.id.RevokeToken({ token: 'not-a-token' }, bearer(t)),
      isCode('INVALID_ARGUMENT', 'TOKEN_MALFORMED'),
    );
    await f.id.RevokeToken({ token: 'A'.repeat(43) }, bearer(t));
    await f.id.RevokeToken({ token: other }, bearer(t));
    await assert.rejects(f.id.RevokeToken({ token: t }), isCode('UNAUTHENTICATED', 'TOKEN_MISSING'));
    await f.id.RevokeToken({ token: t }, bearer(t));
    await assert.rejects(f.id.WhoAmI({}, bearer(t)), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
  });

  it('deletes a project only once it owns nothing, and its members’ tokens there end', async () => {
    await f.id.CreateProject({ name: 'short' }, admin);
    const sam = await user('sam', 'short', 'member');
    const img = await f.img.CreateImage({ name: 'left-over', diskFormat: 'raw', public: false }, sam);
    const err = await rejection(f.id.DeleteProject({ project: 'short' }, admin));
    assert.equal(`${err.code}/${err.reason}`, 'FAILED_PRECONDITION/PROJECT_NOT_EMPTY');
    assert.deepEqual(err.details, { images: '1' });
    assert.match(err.message, /images \(1\)/);
    await assert.rejects(f.id.DeleteProject({ project: 'short' }, sam), isCode('PERMISSION_DENIED', 'ADMIN_REQUIRED'));
    await f.img.DeleteImage({ image: img.id }, sam);
    await f.id.DeleteProject({ project: 'short' }, admin);
    await assert.rejects(f.id.WhoAmI({}, sam), isCode('UNAUTHENTICATED', 'TOKEN_INVALID'));
    await assert.rejects(f.id.GetProject({ project: 'short' }, admin), isCode('NOT_FOUND'));
    assert.deepEqual((await f.id.ListRoleAssignments({ user: 'sam' }, admin)).assignments, []);
    await assert.rejects(
      f.id.DeleteProject({ project: 'admin' }, admin),
      isCode('FAILED_PRECONDITION', 'PROJECT_PROTECTED'),
    );
  });
});

describe('identity API: login limits', () => {
  let f: ApiFixture;
  before(async () => {
    // The shipped limits: 5 failures per user and source, 20 per source.
    f = await startApi();
    await f.member('limits', 'lim');
    await f.member('limits-2', 'lim2');
  });
  after(() => f?.close());

  const attempt = (username: string, password: string) => f.id.Login({ username, password, project: '' });

  it('after 5 wrong passwords for a user, the 6th attempt waits (even with the right password), then succeeds', async () => {
    for (let i = 0; i < 5; i++) {
      await assert.rejects(attempt('lim', 'wrong-password'), isCode('UNAUTHENTICATED', 'BAD_CREDENTIALS'));
    }
    const held = await rejection(attempt('lim', 'lim-password'));
    assert.equal(`${held.code}/${held.reason}`, 'RESOURCE_EXHAUSTED/LOGIN_THROTTLED');
    const wait = Number(held.details.retryAfterS);
    assert.ok(wait >= 1 && wait <= 2, `retry after ${held.details.retryAfterS} s`);
    assert.ok(await attempt('lim2', 'lim2-password'), 'another user from the same address is not held back');
    await new Promise((r) => setTimeout(r, wait * 1000));
    assert.ok(await attempt('lim', 'lim-password'), 'the right password after the wait');
    assert.ok(await attempt('lim', 'lim-password'), 'and the record is clear again');
  });

  it('the right password with a project the user holds no role in is refused, but never throttles the user', async () => {
    for (let i = 0; i < 8; i++) {
      await assert.rejects(
        f.id.Login({ username: 'lim2', password: 'lim2-password', project: 'limits' }),
        isCode('UNAUTHENTICATED', 'BAD_CREDENTIALS'),
      );
    }
    assert.ok(await attempt('lim2', 'lim2-password'), 'no wait: a mistyped project is no guess');
  });
});

describe('identity API: login limits per address', () => {
  let f: ApiFixture;
  before(async () => {
    f = await startApi();
    await f.member('limits', 'lim');
  });
  after(() => f?.close());

  it('an address failing for many users is held back for every user', async () => {
    // 20 failures from this address, each for another (unknown) name: none reaches its per-user limit.
    for (let i = 0; i < 20; i++) {
      await assert.rejects(
        f.id.Login({ username: `nobody-${i}`, password: 'whatever-pw', project: '' }),
        isCode('UNAUTHENTICATED', 'BAD_CREDENTIALS'),
      );
    }
    const held = await rejection(f.id.Login({ username: 'lim', password: 'lim-password', project: '' }));
    assert.equal(`${held.code}/${held.reason}`, 'RESOURCE_EXHAUSTED/LOGIN_THROTTLED');
    assert.ok(Number(held.details.retryAfterS) >= 1);
  });
});
