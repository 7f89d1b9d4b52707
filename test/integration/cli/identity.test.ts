// The identity commands of bin/strato against a real conductor over TLS:
// project create|list|show|set|delete (refused while the project owns
// something), user create --password-stdin|list|show|set|delete, role
// add|remove and role assignment list, login --user --password-stdin (cached
// with its expiry, or --print-token for scripts), token revoke and logout,
// each observed through what a user relies on: who a token acts as, and that
// a revoked, logged-out or disabled user's token stops working at once.
import assert from 'node:assert/strict';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type CliFixture, type CliResult, startCliFixture } from './fixture.ts';

const PASSWORD = 'bob-secret-pw-1';
const NEW_PASSWORD = 'bob-secret-pw-2';

function ok(r: CliResult, what: string): string {
  assert.equal(r.code, 0, `${what}: exit ${r.code}\n${r.stderr}`);
  return r.stdout;
}

describe('strato identity commands against the conductor', () => {
  let fx: CliFixture;
  let bobHome: string;
  /** As bob: his own HOME, so his cached login never replaces the admin's. */
  const asBob = (args: string[], stdin?: string) =>
    stdin === undefined ? fx.strato(args, { HOME: bobHome }) : fx.stratoIn(args, stdin, { HOME: bobHome });
  /** A command run with `token` alone (STRATO_TOKEN: used as is, never cached or replaced). */
  const withToken = (token: string, args: string[]) => fx.strato(args, { HOME: bobHome, STRATO_TOKEN: token });
  const printToken = async (password = PASSWORD) =>
    ok(
      await asBob(
        ['login', '--user', 'bob', '--project', 'demo', '--password-stdin', '--print-token'],
        `${password}\n`,
      ),
      'login --print-token',
    ).trim();

  before(async () => {
    fx = await startCliFixture();
    bobHome = join(fx.dir, 'bob-home');
    await mkdir(bobHome, { mode: 0o700 });
  });
  after(async () => {
    await fx?.close();
  });

  it('project create, show, set and list', async () => {
    ok(await fx.strato(['project', 'create', '--description', 'first', 'demo']), 'project create');
    ok(await fx.strato(['project', 'set', '--description', 'the demo', 'demo']), 'project set');
    const shown = JSON.parse(ok(await fx.strato(['project', 'show', 'demo', '-f', 'json']), 'project show'));
    assert.equal(shown.name, 'demo');
    assert.equal(shown.description, 'the demo');
    const names = ok(await fx.strato(['project', 'list', '-f', 'value', '-c', 'Name']), 'project list');
    assert.deepEqual(names.trim().split('\n').sort(), ['admin', 'demo']);
  });

  it('user create --password-stdin makes a member of its project; list and show find it', async () => {
    const made = JSON.parse(
      ok(
        await fx.stratoIn(
          ['user', 'create', '--project', 'demo', '--password-stdin', 'bob', '-f', 'json'],
          `${PASSWORD}\n`,
        ),
        'user create',
      ),
    );
    assert.equal(made.name, 'bob');
    assert.equal(made.role, 'member');
    assert.ok(!JSON.stringify(made).includes(PASSWORD), 'no password in the reply');
    const listed = ok(await fx.strato(['user', 'list', '--project', 'demo', '-f', 'value', '-c', 'Name']), 'user list');
    assert.equal(listed, 'bob\n');
    const shown = JSON.parse(ok(await fx.strato(['user', 'show', 'bob', '-f', 'json']), 'user show'));
    assert.equal(shown.id, made.id);
  });

  it('role add, role assignment list and role remove; the token acts with the role it was given', async () => {
    ok(await fx.strato(['project', 'create', 'audit']), 'project create audit');
    ok(await fx.strato(['role', 'add', '--user', 'bob', '--project', 'audit', 'reader']), 'role add');
    const list = (args: string[]) =>
      fx.strato(['role', 'assignment', 'list', ...args, '-f', 'value', '-c', 'Project', '-c', 'Role']);
    const mine = ok(await list(['--user', 'bob']), 'role assignment list --user');
    assert.deepEqual(mine.trim().split('\n').sort(), ['audit reader', 'demo member']);
    assert.equal(ok(await list(['--project', 'audit']), 'role assignment list --project'), 'audit reader\n');

    const token = ok(
      await asBob(
        ['login', '--user', 'bob', '--project', 'audit', '--password-stdin', '--print-token'],
        `${PASSWORD}\n`,
      ),
      'login to audit',
    ).trim();
    assert.equal(ok(await withToken(token, ['whoami', '-f', 'value', '-c', 'Role']), 'whoami'), 'reader\n');
    const denied = await withToken(token, ['network', 'create', 'not-for-readers']);
    assert.equal(denied.code, 4, denied.stderr);
    assert.match(denied.stderr, /code PERMISSION_DENIED/);

    ok(await fx.strato(['role', 'remove', '--user', 'bob', '--project', 'audit', 'reader']), 'role remove');
    assert.equal(ok(await list(['--user', 'bob']), 'after remove'), 'demo member\n');
    const gone = await withToken(token, ['whoami']);
    assert.equal(gone.code, 4, 'a token of a project where the user holds no role any more stops working');
    assert.match(gone.stderr, /code UNAUTHENTICATED/);
    ok(await fx.strato(['project', 'delete', 'audit']), 'project delete audit');
  });

  it('login --print-token prints the token alone; token revoke ends it at once', async () => {
    const r = await asBob(
      ['login', '--user', 'bob', '--project', 'demo', '--password-stdin', '--print-token'],
      `${PASSWORD}\n`,
    );
    const token = ok(r, 'login --print-token');
    assert.match(token, /^\S{20,}\n$/, 'one line: the token');
    assert.equal(ok(await withToken(token.trim(), ['whoami', '-f', 'value', '-c', 'User']), 'whoami'), 'bob\n');
    ok(await fx.strato(['token', 'revoke', token.trim()]), 'token revoke');
    const after = await withToken(token.trim(), ['whoami']);
    assert.equal(after.code, 4, after.stderr);
    assert.match(after.stderr, /code UNAUTHENTICATED/);
    const wrong = await asBob(['login', '--user', 'bob', '--project', 'demo', '--password-stdin'], 'not-it\n');
    assert.equal(wrong.code, 4, wrong.stderr);
    assert.match(wrong.stderr, /code UNAUTHENTICATED/);
  });

  it('login caches the token with its expiry (0600) for later commands; logout revokes and forgets it', async () => {
    const r = await asBob(
      ['login', '--user', 'bob', '--project', 'demo', '--password-stdin', '-f', 'json'],
      `${PASSWORD}\n`,
    );
    const info = JSON.parse(ok(r, 'login'));
    assert.equal(info.user.name, 'bob');
    const cacheFile = join(bobHome, '.cache', 'strato', 'tokens', 'default.json');
    const cached = JSON.parse(await readFile(cacheFile, 'utf8'));
    assert.ok(cached.token, 'the token is cached');
    assert.ok(Date.parse(cached.expiresAt) > Date.now(), 'with its expiry');
    assert.equal((await stat(cacheFile)).mode & 0o777, 0o600);
    // Later commands act as bob, though the cloud's configuration names the admin.
    assert.equal(ok(await asBob(['whoami', '-f', 'value', '-c', 'User']), 'whoami (cached)'), 'bob\n');

    ok(await asBob(['logout']), 'logout');
    await assert.rejects(stat(cacheFile), /ENOENT/, 'the cache is forgotten');
    const revoked = await withToken(cached.token, ['whoami']);
    assert.equal(revoked.code, 4, 'the logged-out token is revoked, not only forgotten');
    // Without a login of its own, the cloud's configured credentials (the admin) act again.
    assert.equal(ok(await asBob(['whoami', '-f', 'value', '-c', 'User']), 'whoami after logout'), 'admin\n');
  });

  it('user set --disable ends its tokens at once, --enable lets it log in again; --password-stdin changes the password', async () => {
    const token = await printToken();
    ok(await fx.strato(['user', 'set', '--disable', 'bob']), 'user set --disable');
    assert.equal((await withToken(token, ['whoami'])).code, 4, 'a disabled user token');
    const refused = await asBob(['login', '--user', 'bob', '--project', 'demo', '--password-stdin'], `${PASSWORD}\n`);
    assert.equal(refused.code, 4, 'a disabled user cannot log in');
    ok(await fx.strato(['user', 'set', '--enable', 'bob']), 'user set --enable');
    const again = await printToken();

    ok(await fx.stratoIn(['user', 'set', '--password-stdin', 'bob'], `${NEW_PASSWORD}\n`), 'user set --password-stdin');
    assert.equal((await withToken(again, ['whoami'])).code, 4, 'tokens from before the change end');
    const old = await asBob(['login', '--user', 'bob', '--project', 'demo', '--password-stdin'], `${PASSWORD}\n`);
    assert.equal(old.code, 4, 'the old password is refused');
    const fresh = await printToken(NEW_PASSWORD);
    assert.equal(ok(await withToken(fresh, ['whoami', '-f', 'value', '-c', 'User']), 'whoami'), 'bob\n');
  });

  it('project delete is refused while the project owns something, naming it; user delete ends its tokens', async () => {
    const token = await printToken(NEW_PASSWORD);
    ok(await withToken(token, ['network', 'create', 'bobnet']), 'network create');
    const refused = await fx.strato(['project', 'delete', 'demo']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /networks \(1\).*code FAILED_PRECONDITION, reason PROJECT_NOT_EMPTY/);
    assert.ok(ok(await fx.strato(['project', 'show', 'demo', '-f', 'value', '-c', 'Name']), 'still there'));
    ok(await withToken(token, ['network', 'delete', 'bobnet']), 'network delete');

    ok(await fx.strato(['user', 'delete', 'bob']), 'user delete');
    const gone = await withToken(token, ['whoami']);
    assert.equal(gone.code, 4, 'a deleted user token');
    ok(await fx.strato(['project', 'delete', 'demo']), 'project delete');
    const missing = await fx.strato(['project', 'show', 'demo']);
    assert.equal(missing.code, 5, missing.stderr);
  });
});
