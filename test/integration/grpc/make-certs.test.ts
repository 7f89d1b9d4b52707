// scripts/make-certs with the real openssl: what it issues, and that running
// it again changes nothing unless the requested names change.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../harness/exec.ts';
import { MAKE_CERTS, makeCerts, tempDir } from './helpers.ts';

describe('scripts/make-certs', () => {
  let dir: string;
  let remove: (() => Promise<void>) | undefined;
  before(async () => {
    const tmp = await tempDir();
    dir = tmp.dir;
    remove = tmp.remove;
  });
  after(async () => remove?.());

  it('refuses to issue without a CA', async () => {
    await assert.rejects(run(MAKE_CERTS, ['--dir', join(dir, 'empty'), '--name', 'h1']), /no CA/);
  });

  it('rejects a name that is not a host name', async () => {
    await assert.rejects(run(MAKE_CERTS, ['--dir', dir, '--name', '../etc/passwd']), { code: 2 });
  });

  it('creates a CA and a host certificate for server and client use', async () => {
    await makeCerts(dir, '--ca');
    await makeCerts(dir, '--name', 'hv-01', '--ip', '10.0.0.5', '--dns', 'hv-01.example');
    const ca = new X509Certificate(await readFile(join(dir, 'ca.crt')));
    const cert = new X509Certificate(await readFile(join(dir, 'hv-01.crt')));
    assert.equal(ca.ca, true);
    assert.equal(cert.ca, false);
    assert.ok(cert.verify(ca.publicKey), 'signed by the CA');
    assert.equal(cert.subject, 'CN=hv-01');
    assert.equal(cert.subjectAltName, 'DNS:hv-01, DNS:hv-01.example, IP Address:10.0.0.5');
    assert.deepEqual(cert.keyUsage?.sort(), ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    for (const key of ['ca.key', 'hv-01.key']) {
      assert.equal((await stat(join(dir, key))).mode & 0o777, 0o600, `${key} is private`);
    }
  });

  it('is idempotent', async () => {
    const files = ['ca.key', 'ca.crt', 'hv-01.key', 'hv-01.crt'];
    const before = await Promise.all(files.map((f) => readFile(join(dir, f))));
    await makeCerts(dir, '--ca');
    await makeCerts(dir, '--name', 'hv-01', '--ip', '10.0.0.5', '--dns', 'hv-01.example');
    const again = await Promise.all(files.map((f) => readFile(join(dir, f))));
    assert.deepEqual(again, before);
  });

  it('reissues the certificate, keeping the key, when the names change', async () => {
    const key = await readFile(join(dir, 'hv-01.key'));
    const old = await readFile(join(dir, 'hv-01.crt'));
    await makeCerts(dir, '--name', 'hv-01', '--ip', '10.0.0.6');
    const cert = new X509Certificate(await readFile(join(dir, 'hv-01.crt')));
    assert.notDeepEqual(await readFile(join(dir, 'hv-01.crt')), old);
    assert.equal(cert.subjectAltName, 'DNS:hv-01, IP Address:10.0.0.6');
    assert.deepEqual(await readFile(join(dir, 'hv-01.key')), key);
  });
});
