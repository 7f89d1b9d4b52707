// strato quota and keypair commands (and server create --key-name) against
// the real conductor (spawned), as an admin and as a member of another project.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../harness/exec.ts';
import { type CliFixture, startCliFixture } from './fixture.ts';

describe('strato quota and keypair commands', () => {
  let fx: CliFixture;
  const mia = (args: string[]) => fx.strato(['--os-cloud', 'mia', ...args]);
  const ok = async (p: Promise<{ code: number; stdout: string; stderr: string }>) => {
    const r = await p;
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };

  before(async () => {
    fx = await startCliFixture();
    const img = join(fx.dir, 'tiny.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', img, '64M']);
    const pw = join(fx.dir, 'mia-password');
    await writeFile(pw, 'mia-secret-pw\n', { mode: 0o600 });
    for (const args of [
      ['flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny'],
      ['image', 'create', '--public', '--file', img, 'testvm'],
      ['project', 'create', 'qa'],
      ['user', 'create', '--project', 'qa', '--password-file', pw, 'mia'],
    ]) {
      await ok(fx.strato(args));
    }
    await appendFile(
      fx.configFile,
      [
        '  mia:',
        `    endpoint: ${fx.endpoint}`,
        '    ca_file: pki/ca.crt',
        '    auth:',
        '      username: mia',
        `      password_file: ${pw}`,
        '      project: qa',
        '',
      ].join('\n'),
    );
  });
  after(async () => {
    await fx?.close();
  });

  it('quota show: a member sees their own project, not another; admins any', async () => {
    const table = await ok(mia(['quota', 'show']));
    assert.match(table, /\| Resource +\| Limit +\| In Use +\| Default \|/);
    assert.match(table, /\| instances +\| 10 +\| 0 +\| yes +\|/);
    assert.match(table, /\| security_groups +\| 10 +\| 1 +\| yes +\|/);
    assert.match(table, /\| routers +\| 10 +\| 0 +\| yes +\|/);
    const json = JSON.parse(await ok(mia(['-f', 'json', 'quota', 'show', 'qa'])));
    assert.equal(json.usage.length, 11, 'every resource, routers included');
    const other = await mia(['quota', 'show', 'admin']);
    assert.equal(other.code, 5, other.stderr);
    assert.match(other.stderr, /PROJECT_NOT_FOUND/);
    assert.match(await ok(fx.strato(['quota', 'show', 'qa'])), /\| ports +\| 500 +\| 0 +\| yes +\|/);
  });

  it('quota set: admins only, at least one limit, whole numbers or -1; creates past it are refused', async () => {
    const denied = await mia(['quota', 'set', '--instances', '5', 'qa']);
    assert.equal(denied.code, 4, denied.stderr);
    for (const args of [
      ['quota', 'set', 'qa'],
      ['quota', 'set', '--cores', 'many', 'qa'],
      ['quota', 'set', '--ram', '-2', 'qa'],
    ]) {
      const r = await fx.strato(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    }
    const set = await ok(fx.strato(['quota', 'set', '--instances', '1', '--cores', '-1', 'qa']));
    assert.match(set, /\| instances +\| 1 +\| 0 +\| no +\|/);
    assert.match(set, /\| cores +\| unlimited +\| 0 +\| no +\|/);
    await ok(mia(['server', 'create', '--image', 'testvm', '--flavor', 'm1.tiny', 'one']));
    const two = await mia(['server', 'create', '--image', 'testvm', '--flavor', 'm1.tiny', 'two']);
    assert.equal(two.code, 1, two.stderr);
    assert.match(
      two.stderr,
      /quota exceeded for instances: limit 1, in use 1, requested 1 \(code RESOURCE_EXHAUSTED, reason QUOTA_EXCEEDED[,)]/,
    );
    await ok(fx.strato(['quota', 'set', '--instances', '10', 'qa']));
  });

  it('keypair create writes the private key (0600, never over a file) that OpenSSH reads back', async () => {
    const file = join(fx.dir, 'mia-key');
    const shown = await ok(mia(['keypair', 'create', '--private-key', file, 'k1']));
    assert.match(shown, /\| Fingerprint +\| SHA256:/);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const derived = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim();
    const k1 = JSON.parse(await ok(mia(['-f', 'json', 'keypair', 'show', 'k1'])));
    assert.equal(k1.publicKey, derived);
    const again = await mia(['keypair', 'create', '--private-key', file, 'k2']);
    assert.equal(again.code, 2, again.stderr);
    assert.match(again.stderr, /exists/);
    assert.equal((await mia(['keypair', 'show', 'k2'])).code, 5, 'no key pair was made for a file that cannot take it');
    const printed = await ok(mia(['keypair', 'create', 'k3']));
    assert.match(printed, /^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+-----END OPENSSH PRIVATE KEY-----\n$/);
  });

  it('keypair import, list and delete; another user sees none of them', async () => {
    const base = join(fx.dir, 'imported');
    execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '3072', '-N', '', '-C', 'mia@laptop', '-f', base]);
    const fp = execFileSync('ssh-keygen', ['-l', '-f', `${base}.pub`], { encoding: 'utf8' }).split(' ')[1];
    const imported = JSON.parse(
      await ok(mia(['-f', 'json', 'keypair', 'import', '--public-key', `${base}.pub`, 'rsa'])),
    );
    assert.deepEqual([imported.type, imported.bits, imported.fingerprint], ['ssh-rsa', 3072, fp]);
    assert.equal(imported.publicKey, (await readFile(`${base}.pub`, 'utf8')).trim());
    const list = await ok(mia(['-f', 'value', '-c', 'Name', 'keypair', 'list']));
    assert.deepEqual(
      list.trim().split('\n'),
      ['k1', 'k3', 'rsa'],
    );
    assert.equal(
      (await ok(fx.strato(['-f', 'value', '-c', 'Name', 'keypair', 'list']))).trim(),
      '',
      "admin's own: none",
    );
    const notMine = await fx.strato(['keypair', 'show', 'rsa']);
    assert.equal(notMine.code, 5, notMine.stderr);
    const bad = join(fx.dir, 'bad.pub');
    await writeFile(bad, 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7 short\n');
    const refused = await mia(['keypair', 'import', '--public-key', bad, 'bad']);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /PUBLIC_KEY_INVALID/);
    await ok(mia(['keypair', 'delete', 'k3']));
    assert.equal((await mia(['keypair', 'show', 'k3'])).code, 5);
  });

  it('server create --key-name: the server names its key; another user cannot use it', async () => {
    const out = JSON.parse(
      await ok(
        mia([
          '-f',
          'json',
          'server',
          'create',
          '--image',
          'testvm',
          '--flavor',
          'm1.tiny',
          '--key-name',
          'k1',
          'keyed',
        ]),
      ),
    );
    assert.equal(out.keyName, 'k1');
    assert.match(await ok(mia(['server', 'show', 'keyed'])), /\| Key Name +\| k1 +\|/);
    const stolen = await fx.strato([
      'server',
      'create',
      '--image',
      'testvm',
      '--flavor',
      'm1.tiny',
      '--key-name',
      'k1',
      'x',
    ]);
    assert.equal(stolen.code, 5, stolen.stderr);
    assert.match(stolen.stderr, /KEYPAIR_NOT_FOUND/);
  });
});
