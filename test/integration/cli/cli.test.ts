// bin/strato against a conductor's real identity, image and flavor services
// over TLS: login and the token cache, flavors, images (a real qcow2 upload),
// JSON output, and the error line and exit code of each failure class.
import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageVersion } from '../../../common/version.ts';
import { makeCa } from '../../harness/certs.ts';
import { run } from '../../harness/exec.ts';
import { type CliFixture, startCliFixture } from './fixture.ts';

const REQUEST_ID = /request id [0-9a-f-]{36}\)$/;

describe('strato CLI against the conductor API', () => {
  let fx: CliFixture;
  let tokenFile: string;

  before(async () => {
    fx = await startCliFixture();
    tokenFile = join(fx.home, '.cache', 'strato', 'tokens', 'default.json');
  });
  after(async () => {
    await fx?.close();
  });

  it('--version prints the package version without a cloud or a call', async () => {
    const r = await fx.strato(['--version'], { STRATO_CONFIG: join(fx.dir, 'no-such-clouds.yaml') });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `strato ${packageVersion()}\n`);
    assert.equal(r.stderr, '');
  });

  it('login caches a token (0600) that later commands reuse', async () => {
    const r = await fx.strato(['login', '-f', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const info = JSON.parse(r.stdout);
    assert.equal(info.user.name, 'admin');
    assert.equal(info.project.name, 'admin');
    const cached = JSON.parse(await readFile(tokenFile, 'utf8'));
    assert.equal(cached.token, info.token);
    assert.equal((await stat(tokenFile)).mode & 0o777, 0o600);

    const who = await fx.strato(['whoami', '-f', 'value', '-c', 'User', '-c', 'Role']);
    assert.equal(who.code, 0, who.stderr);
    assert.equal(who.stdout, 'admin\nadmin\n');
    assert.equal(JSON.parse(await readFile(tokenFile, 'utf8')).token, info.token, 'no new login');
  });

  it('logs in again once when the cached token is refused', async () => {
    const cached = JSON.parse(await readFile(tokenFile, 'utf8'));
    await writeFile(tokenFile, JSON.stringify({ ...cached, token: 'revoked-or-unknown' }), { mode: 0o600 });
    const r = await fx.strato(['flavor', 'list']);
    assert.equal(r.code, 0, r.stderr);
    const fresh = JSON.parse(await readFile(tokenFile, 'utf8'));
    assert.notEqual(fresh.token, 'revoked-or-unknown');
  });

  it('a bad STRATO_TOKEN is not retried: exit 4 with the code', async () => {
    const r = await fx.strato(['flavor', 'list'], { STRATO_TOKEN: 'nope' });
    assert.equal(r.code, 4);
    assert.equal(r.stdout, '');
    assert.match(r.stderr.trimEnd(), /^strato: error: .* \(code UNAUTHENTICATED, .*request id/);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1);
  });

  it('flavor create, list, show, delete', async () => {
    const c = await fx.strato(['flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny']);
    assert.equal(c.code, 0, c.stderr);
    assert.match(c.stdout, /\| Name +\| m1\.tiny +\|/);
    assert.match(c.stdout, /\| RAM \(MiB\) +\| 256 +\|/);

    const list = await fx.strato(['flavor', 'list', '-f', 'json']);
    assert.equal(list.code, 0, list.stderr);
    const flavors = JSON.parse(list.stdout) as { id: string; name: string; vcpus: number; ramMib: number }[];
    const tiny = flavors.find((f) => f.name === 'm1.tiny');
    assert.ok(tiny, list.stdout);
    assert.equal(tiny.ramMib, 256);

    const table = await fx.strato(['flavor', 'list']);
    assert.match(table.stdout, new RegExp(`\\| ${tiny.id} \\| m1\\.tiny +\\| 1 +\\| 256 +\\| 1 +\\|`));

    const byId = await fx.strato(['flavor', 'show', tiny.id, '-f', 'json']);
    assert.equal(JSON.parse(byId.stdout).name, 'm1.tiny');

    const dup = await fx.strato(['flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny']);
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /code ALREADY_EXISTS/);

    const del = await fx.strato(['flavor', 'delete', 'm1.tiny']);
    assert.equal(del.code, 0, del.stderr);
    const gone = await fx.strato(['flavor', 'show', 'm1.tiny']);
    assert.equal(gone.code, 5);
    assert.match(gone.stderr, /code NOT_FOUND/);
  });

  it('image create uploads a real qcow2; list, show, delete', async () => {
    const file = join(fx.dir, 'tiny.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', file, '64M']);
    const size = (await stat(file)).size;
    const c = await fx.strato(['image', 'create', '--file', file, 'tiny', '-f', 'json']);
    assert.equal(c.code, 0, c.stderr);
    const img = JSON.parse(c.stdout);
    assert.equal(img.status, 'active');
    assert.equal(img.diskFormat, 'qcow2', 'sniffed from the header');
    assert.equal(img.sizeBytes, String(size));
    assert.equal(img.virtualSizeBytes, String(64 * 1024 * 1024));
    const { createHash } = await import('node:crypto');
    assert.equal(
      img.sha256,
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );

    const list = await fx.strato(['image', 'list']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(
      list.stdout,
      new RegExp(`\\| ${img.id} \\| tiny +\\| active +\\| qcow2 +\\| ${size} +\\| private +\\|`),
    );

    const show = await fx.strato(['image', 'show', 'tiny', '-f', 'value', '-c', 'ID', '-c', 'Status']);
    assert.equal(show.stdout, `${img.id}\nactive\n`);

    const del = await fx.strato(['image', 'delete', 'tiny']);
    assert.equal(del.code, 0, del.stderr);
    const after = await fx.strato(['image', 'list', '-f', 'json']);
    assert.deepEqual(
      JSON.parse(after.stdout).filter((i: { name: string }) => i.name === 'tiny'),
      [],
    );
  });

  it('an image with a backing file is refused with the reason', async () => {
    const base = join(fx.dir, 'base.qcow2');
    const overlay = join(fx.dir, 'overlay.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', base, '16M']);
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', base, '-F', 'qcow2', overlay]);
    const r = await fx.strato(['image', 'create', '--file', overlay, 'sneaky']);
    assert.equal(r.code, 1);
    assert.match(r.stderr.trimEnd(), /^strato: error: .*backing.* \(code INVALID_ARGUMENT, reason IMAGE_REFUSED, /i);
  });

  it('a missing image: one error line, exit 5', async () => {
    const r = await fx.strato(['image', 'show', 'no-such-image']);
    assert.equal(r.code, 5);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /^strato: error: .*no-such-image.* \(code NOT_FOUND, reason [A-Z_]+, request id /);
    assert.match(lines[0]!, REQUEST_ID);
  });

  it('projects and users: a member sees its own images, not the admin project', async () => {
    const p = await fx.strato(['project', 'create', 'demo']);
    assert.equal(p.code, 0, p.stderr);
    const pw = join(fx.dir, 'alice.pw');
    await writeFile(pw, 'alice-password-1\n', { mode: 0o600 });
    const u = await fx.strato(['user', 'create', '--project', 'demo', '--password-file', pw, 'alice', '-f', 'json']);
    assert.equal(u.code, 0, u.stderr);
    assert.equal(JSON.parse(u.stdout).role, 'member');
    const projects = await fx.strato(['project', 'list', '-f', 'value', '-c', 'Name']);
    assert.deepEqual(projects.stdout.trim().split('\n').sort(), ['admin', 'demo']);

    const raw = join(fx.dir, 'admin.raw');
    await writeFile(raw, Buffer.alloc(1024 * 1024));
    const img = await fx.strato(['image', 'create', '--file', raw, 'admin-only']);
    assert.equal(img.code, 0, img.stderr);
    assert.match(img.stdout, /\| Disk Format +\| raw +\|/);

    // A second cloud for alice in the same file.
    const config = await readFile(fx.configFile, 'utf8');
    await writeFile(
      fx.configFile,
      `${config}  alice:\n    endpoint: ${fx.endpoint}\n    ca_file: ${fx.caFile}\n    auth: { username: alice, password_file: ${pw}, project: demo }\n`,
    );
    const mine = await fx.strato(['--os-cloud', 'alice', 'image', 'list', '-f', 'json']);
    assert.equal(mine.code, 0, mine.stderr);
    assert.deepEqual(JSON.parse(mine.stdout), []);
    const theirs = await fx.strato(['image', 'show', 'admin-only'], { STRATO_CLOUD: 'alice' });
    assert.equal(theirs.code, 5, theirs.stderr);
    const denied = await fx.strato([
      '--os-cloud',
      'alice',
      'flavor',
      'create',
      '--vcpus',
      '1',
      '--ram',
      '1',
      '--disk',
      '1',
      'x',
    ]);
    assert.equal(denied.code, 4);
    assert.match(denied.stderr, /code PERMISSION_DENIED/);
    // With two clouds, `default` is still the one used without --os-cloud.
    const admin = await fx.strato(['whoami', '-f', 'value', '-c', 'User']);
    assert.equal(admin.stdout, 'admin\n');
  });

  it('TLS is checked against the configured CA: a wrong CA cannot connect', async () => {
    const otherPki = join(fx.dir, 'other-pki');
    await makeCa(otherPki);
    const r = await fx.strato(['flavor', 'list'], {
      STRATO_CA_FILE: join(otherPki, 'ca.crt'),
      STRATO_TOKEN: 'irrelevant',
    });
    assert.equal(r.code, 6, r.stderr);
    assert.match(
      r.stderr,
      new RegExp(
        `^strato: error: cannot reach the API at ${fx.endpoint}: TLS: .*see docs/tls\\.md \\(code UNAVAILABLE`,
      ),
    );
  });

  it('no configuration at all: exit 3 saying what to write', async () => {
    const r = await fx.strato(['flavor', 'list'], { STRATO_CONFIG: join(fx.dir, 'absent.yaml') });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /^strato: error: no cloud configured: write .*absent\.yaml or set STRATO_URL/);
  });
});
