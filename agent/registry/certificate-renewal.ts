// The agent's renewal of its own mutual-TLS certificate: a new key made here
// (it never leaves the host), a certificate request sent over the current
// mutual-TLS channel (Registry.RenewCertificate), the signed certificate
// checked (the CA's, for this key, naming this host) and written with its key
// (0600, each through a `.next` file and a rename, so a crash leaves the old
// pair or the new one: finishPendingRenewal completes or drops a half-done
// one at the next start), then handed to `onRenewed`, which reloads the
// agent's channels and server without restarting it (guests are libvirt's and
// never touched). Renews when the conductor asks (an admin's rotation) and by
// itself once two thirds of the certificate's lifetime have passed.
import { createPrivateKey, createPublicKey, generateKeyPair, X509Certificate } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { readTls, type TlsFiles, type TlsMaterial } from '../../common/grpc/credentials.ts';
import type { Logger } from '../../common/log.ts';
import { certificateRequest } from '../../common/pki/key-request.ts';
import type { ConductorLink } from './conductor-link.ts';

const generate = promisify(generateKeyPair);

const next = (file: string): string => `${file}.next`;

/** How long a failed renewal of the agent's own waits before the next try. */
const RETRY_DUE_MS = 10 * 60_000;

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );

/** Writes `data` to a new file (0600) and flushes it to disk before anyone renames it into place. */
async function writeDurably(file: string, data: string): Promise<void> {
  await rm(file, { force: true });
  const f = await open(file, 'wx', 0o600);
  try {
    await f.writeFile(data);
    await f.sync();
  } finally {
    await f.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

/**
 * Completes a renewal a crash interrupted: the key was renamed into place but
 * not the certificate (rename it too), or neither was (drop the `.next` files:
 * the old pair stands).
 */
export async function finishPendingRenewal(files: TlsFiles, log: Logger): Promise<void> {
  const [keyNext, certNext] = await Promise.all([exists(next(files.keyFile)), exists(next(files.certFile))]);
  if (!keyNext && certNext) {
    await rename(next(files.certFile), files.certFile);
    log.warn({ certFile: files.certFile }, 'certificate renewal completed at start');
  } else if (keyNext) {
    await rm(next(files.keyFile), { force: true });
    await rm(next(files.certFile), { force: true });
    log.warn({ keyFile: files.keyFile }, 'unfinished certificate renewal dropped');
  }
}

export interface CertificateRenewalOptions {
  hostId: string;
  files: TlsFiles;
  link: ConductorLink;
  log: Logger;
  /** The new material is on disk: reload the channels and the server with it. */
  onRenewed: (material: TlsMaterial) => void;
  /** @default Date.now */
  clock?: () => number;
}

export class CertificateRenewal {
  private readonly o: CertificateRenewalOptions;
  private readonly log: Logger;
  private readonly clock: () => number;
  private running: Promise<void> | undefined;
  /** No renewal of its own before this (ms since the epoch): the last one failed. */
  private retryAt = 0;

  constructor(o: CertificateRenewalOptions) {
    this.o = o;
    this.log = o.log.child({ component: 'certificate-renewal' });
    this.clock = o.clock ?? Date.now;
  }

  /** True once two thirds of the current certificate's lifetime have passed. */
  async due(): Promise<boolean> {
    const cert = new X509Certificate(await readFile(this.o.files.certFile));
    const from = Date.parse(cert.validFrom);
    const to = Date.parse(cert.validTo);
    return this.clock() >= from + ((to - from) * 2) / 3;
  }

  /**
   * Renews when `asked` (the conductor's reply said so) or when due; one
   * renewal at a time. A renewal of its own that failed (e.g. a conductor
   * without a CA key) is tried again after RETRY_DUE_MS, not at every heartbeat.
   */
  async maybeRenew(asked: boolean): Promise<void> {
    if (!asked && (this.clock() < this.retryAt || !(await this.due()))) return;
    this.running ??= this.renew(asked ? 'asked' : 'due')
      .then(
        () => {
          this.retryAt = 0;
        },
        (err: unknown) => {
          this.retryAt = this.clock() + RETRY_DUE_MS;
          throw err;
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    await this.running;
  }

  private async renew(why: string): Promise<void> {
    const { files, hostId } = this.o;
    const { privateKey } = await generate('ec', {
      namedCurve: 'prime256v1',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    await writeDurably(next(files.keyFile), privateKey);
    let serial: string;
    let notAfter: string;
    try {
      const csr = await certificateRequest(next(files.keyFile), hostId);
      const res = await this.o.link.call((r) => r.RenewCertificate({ hostId, csr }));
      const cert = new X509Certificate(res.certificatePem);
      const ca = new X509Certificate(await readFile(files.caFile));
      if (!cert.verify(ca.publicKey) || !cert.publicKey.equals(createPublicKey(createPrivateKey(privateKey)))) {
        throw new Error('the renewed certificate is not for our new key or not signed by our CA');
      }
      if (cert.checkHost(hostId, { subject: 'always' }) === undefined) {
        throw new Error(`the renewed certificate does not name ${hostId}`);
      }
      await writeDurably(next(files.certFile), res.certificatePem);
      ({ serial, notAfter } = res);
    } catch (err) {
      // Nothing renamed yet: the old pair stands.
      await rm(next(files.keyFile), { force: true });
      await rm(next(files.certFile), { force: true });
      throw err;
    }
    // Key first: finishPendingRenewal completes the pair if we stop between the two.
    await rename(next(files.keyFile), files.keyFile);
    await rename(next(files.certFile), files.certFile);
    await syncDir(dirname(files.keyFile));
    this.log.info({ hostId, serial, notAfter, why }, 'certificate renewed');
    this.o.onRenewed(await readTls(files));
  }
}
