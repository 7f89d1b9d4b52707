// The agent's certificate renewal against a fake ConductorLink whose
// RenewCertificate signs with a real CA (scripts/make-certs, openssl): the new
// key made here, the pair written 0600 and handed on; a failed renewal leaves
// the old pair and waits before trying by itself again; a renewal a crash
// interrupted is completed or dropped at the next start.
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { CertificateRenewal, finishPendingRenewal } from '../../../agent/registry/certificate-renewal.ts';
import type { ConductorLink } from '../../../agent/registry/conductor-link.ts';
import { StratoError } from '../../../common/errors.ts';
import type { TlsFiles, TlsMaterial } from '../../../common/grpc/credentials.ts';
import { CertificateAuthority } from '../../../conductor/certificates/certificate-authority.ts';
import { makeTestPki } from '../../harness/certs.ts';
import { removeScratchDir, scratchDir } from '../../harness/scratch-dir.ts';

const log = pino({ level: 'silent' });

describe('agent certificate renewal', () => {
  let dir: string;
  let files: TlsFiles;
  let ca: CertificateAuthority;
  let failWith: StratoError | undefined;
  let calls = 0;

  /** A fake of the agent's link: RenewCertificate signed by the real CA, or failing with `failWith`. */
  const fakeLink = {
    call: async <T>(fn: (r: unknown) => Promise<T>): Promise<T> =>
      fn({
        RenewCertificate: async ({ hostId, csr }: { hostId: string; csr: string }) => {
          calls++;
          if (failWith) throw failWith;
          const s = await ca.sign({ csrPem: csr, hostId, dnsNames: [], ipAddresses: ['127.0.0.1'], validityDays: 3 });
          return { certificatePem: s.pem, serial: s.facts.serial, notAfter: s.facts.notAfter };
        },
      }),
  } as unknown as ConductorLink;

  before(async () => {
    dir = await scratchDir('strato-renewal-');
    await makeTestPki(dir, ['hv1']);
    files = { caFile: join(dir, 'ca.crt'), certFile: join(dir, 'hv1.crt'), keyFile: join(dir, 'hv1.key') };
    ca = (await CertificateAuthority.load({ caFile: files.caFile, keyFile: join(dir, 'ca.key') }))!;
  });
  after(() => removeScratchDir(dir));

  const renewal = (onRenewed: (m: TlsMaterial) => void, clock = Date.now) =>
    new CertificateRenewal({ hostId: 'hv1', files, link: fakeLink, log, onRenewed, clock });

  const leftovers = async () => (await readdir(dir)).filter((f) => f.endsWith('.next'));

  it('asked: a new key and its certificate replace the pair (0600) and are handed on', async () => {
    const oldKey = await readFile(files.keyFile, 'utf8');
    let got: TlsMaterial | undefined;
    await renewal((m) => {
      got = m;
    }).maybeRenew(true);
    const key = await readFile(files.keyFile, 'utf8');
    assert.notEqual(key, oldKey);
    const cert = new X509Certificate(await readFile(files.certFile));
    assert.ok(cert.publicKey.equals(createPublicKey(createPrivateKey(key))), 'the certificate is for the new key');
    assert.equal((await stat(files.keyFile)).mode & 0o777, 0o600);
    assert.equal(got?.cert.toString(), cert.toString());
    assert.deepEqual(await leftovers(), []);
  });

  it('by itself only once two thirds of the lifetime passed; a failure keeps the old pair and waits', async () => {
    const cert = new X509Certificate(await readFile(files.certFile));
    const from = Date.parse(cert.validFrom);
    const life = Date.parse(cert.validTo) - from;
    let now = from + life / 2;
    const r = renewal(
      () => {},
      () => now,
    );
    calls = 0;
    await r.maybeRenew(false);
    assert.equal(calls, 0, 'not due at half its life');
    now = from + (life * 3) / 4;
    const before = await readFile(files.keyFile, 'utf8');
    failWith = new StratoError('FAILED_PRECONDITION', 'CA_UNAVAILABLE', 'no CA');
    await assert.rejects(r.maybeRenew(false), { reason: 'CA_UNAVAILABLE' });
    assert.equal(calls, 1);
    assert.equal(await readFile(files.keyFile, 'utf8'), before, 'the old pair stands');
    assert.deepEqual(await leftovers(), []);
    await r.maybeRenew(false);
    assert.equal(calls, 1, 'no retry at the next heartbeat');
    failWith = undefined;
    await r.maybeRenew(true);
    assert.equal(calls, 2, 'the conductor asking is answered at once');
  });

  it('a renewal a crash interrupted is completed (key renamed) or dropped (neither renamed)', async () => {
    const key = await readFile(files.keyFile, 'utf8');
    const cert = await readFile(files.certFile, 'utf8');
    // Neither renamed: the .next files go, the pair stands.
    await writeFile(`${files.keyFile}.next`, 'new key', { mode: 0o600 });
    await writeFile(`${files.certFile}.next`, 'new cert', { mode: 0o600 });
    await finishPendingRenewal(files, log);
    assert.deepEqual(await leftovers(), []);
    assert.equal(await readFile(files.keyFile, 'utf8'), key);
    // The key renamed, the certificate not yet: it follows.
    await writeFile(`${files.certFile}.next`, cert, { mode: 0o600 });
    await writeFile(files.certFile, 'the old certificate');
    await finishPendingRenewal(files, log);
    assert.equal(await readFile(files.certFile, 'utf8'), cert);
    assert.deepEqual(await leftovers(), []);
  });
});
