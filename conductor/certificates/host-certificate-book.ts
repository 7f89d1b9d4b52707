// The hosts' certificate records and what changes them: the Registry's check
// of every agent call (admit), issuing and renewing through the CA, an admin's
// rotation request and revocation. Decisions are certificate-rules.ts's (pure);
// this reads and writes the store under compare-and-swap and tells the
// CertificateView of every write at once, so the synchronous checks (the dial
// guard) see a revocation before the RPC that made it returns.
import { X509Certificate } from 'node:crypto';
import { invalidArgument, StratoError } from '../../common/errors.ts';
import type { PeerIdentity } from '../../common/grpc/credentials.ts';
import type { Logger } from '../../common/log.ts';
import { newKeyAndRequest } from '../../common/pki/key-request.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Store } from '../store/store.ts';
import { type CertificateAuthority, checkRequest, requireCa, type SignedCertificate } from './certificate-authority.ts';
import {
  type CertificateEntry,
  type CertificateFacts,
  type HostCertificatesRecord,
  hostCertificatesKey,
} from './certificate-record.ts';
import { hostCutOff, judgePresented, withNewEntry, withRevoked, withRotationRequested } from './certificate-rules.ts';
import type { CertificateView } from './certificate-view.ts';

export interface HostCertificateBookOptions {
  store: Store;
  view: CertificateView;
  /** Undefined: this conductor holds no CA key and issues nothing (CA_UNAVAILABLE). */
  ca: CertificateAuthority | undefined;
  /** Validity of what is issued or renewed without a say. */
  defaultValidityDays: number;
  log: Logger;
  /** Told when a revocation left the host without a valid certificate: it is down now. */
  onCutOff?: (hostId: string) => Promise<void> | void;
  /** @default Date.now */
  clock?: () => number;
}

export interface IssueInput {
  hostId: string;
  ipAddresses: string[];
  dnsNames: string[];
  validityDays: number;
}

export interface Issued {
  entry: CertificateEntry;
  certificatePem: string;
  privateKeyPem: string;
  caPem: string;
}

/** A verified peer certificate's facts as the records keep them. */
export function presentedFacts(peer: PeerIdentity): CertificateFacts {
  return {
    serial: peer.serial,
    fingerprint256: peer.fingerprint256,
    notBefore: peer.validFrom,
    notAfter: peer.validTo,
    dnsNames: peer.dnsNames,
    ipAddresses: peer.ipAddresses,
  };
}

const MAX_ATTEMPTS = 20;

export class HostCertificateBook {
  private readonly o: HostCertificateBookOptions;
  private readonly clock: () => number;

  constructor(o: HostCertificateBookOptions) {
    this.o = o;
    this.clock = o.clock ?? Date.now;
  }

  get caPem(): string | undefined {
    return this.o.ca?.caPem;
  }

  /** The host's record as stored now. */
  async record(hostId: string): Promise<HostCertificatesRecord | undefined> {
    return (await getOrUndefined<HostCertificatesRecord>(this.o.store, hostCertificatesKey(hostId)))?.value;
  }

  /**
   * Read-decide-write of one host's record under compare-and-swap; `decide`
   * returns the record to write or undefined for none (it may run again after a
   * lost race). Returns what `decide` last returned alongside the record read.
   */
  private async change<R>(
    hostId: string,
    decide: (rec: HostCertificatesRecord | undefined) => { next: HostCertificatesRecord | undefined; result: R },
  ): Promise<R> {
    const key = hostCertificatesKey(hostId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const cur = await getOrUndefined<HostCertificatesRecord>(this.o.store, key);
      const { next, result } = decide(cur?.value);
      if (next === undefined) return result;
      try {
        const written = cur
          ? await this.o.store.update(key, next, { expectedModRevision: cur.modRevision })
          : await this.o.store.create(key, next);
        this.o.view.apply(hostId, next, written.modRevision);
        return result;
      } catch (err) {
        if (err instanceof StratoError && (err.code === 'ABORTED' || err.code === 'ALREADY_EXISTS')) continue;
        throw err;
      }
    }
    throw new StratoError('ABORTED', 'TOO_MUCH_CONTENTION', `the certificates of host ${hostId} kept changing; retry`);
  }

  /**
   * Whether a call from `hostId` made with `peer` (verified by TLS against the
   * CA, named for the host) may go on; checked on every Registry call. Records a
   * first certificate (adopted) and the switch to a newer one (superseding the
   * older). Returns the entry and whether the host should renew (a rotation asked
   * for after that certificate was recorded).
   * Errors: PERMISSION_DENIED/CERTIFICATE_REVOKED, CERTIFICATE_UNKNOWN.
   */
  async admit(hostId: string, peer: PeerIdentity): Promise<{ entry: CertificateEntry; renew: boolean }> {
    const cert = presentedFacts(peer);
    const now = this.clock();
    // The common case (the certificate in use, nothing to write) is decided from memory.
    const held = this.o.view.record(hostId);
    const quick = judgePresented(held, hostId, cert, now);
    const j =
      quick.kind === 'accept' && quick.next === undefined
        ? quick
        : await this.change(hostId, (rec) => {
            const r = judgePresented(rec, hostId, cert, now);
            return { next: r.kind === 'accept' ? r.next : undefined, result: r };
          });
    if (j.kind === 'refuse') throw j.error;
    if (j.next !== undefined) {
      this.o.log.info({ hostId, serial: cert.serial, origin: j.entry.origin }, 'host certificate in use');
    }
    const rec = this.o.view.record(hostId);
    const renew = rec?.rotationRequestedAt !== undefined && j.entry.recordedAt < rec.rotationRequestedAt;
    return { entry: j.entry, renew };
  }

  private async record_(hostId: string, signed: SignedCertificate, origin: 'issued' | 'renewed') {
    const now = this.clock();
    return this.change(hostId, (rec) => {
      const { next, entry } = withNewEntry(rec, hostId, signed.facts, origin, now);
      return { next, result: entry };
    });
  }

  /** A new key and certificate for a host. Errors: as withNewEntry, CA_UNAVAILABLE. */
  async issue(input: IssueInput): Promise<Issued> {
    const ca = requireCa(this.o.ca);
    // Refused before anything is signed when the record is full.
    withNewEntry(await this.record(input.hostId), input.hostId, placeholder, 'issued', this.clock());
    const { keyPem: privateKeyPem, csrPem } = await newKeyAndRequest(input.hostId);
    const signed = await ca.sign({ csrPem, ...input });
    const entry = await this.record_(input.hostId, signed, 'issued');
    this.o.log.info(
      { hostId: input.hostId, serial: entry.serial, notAfter: entry.notAfter },
      'host certificate issued',
    );
    return { entry, certificatePem: signed.pem, privateKeyPem, caPem: ca.caPem };
  }

  /**
   * Signs `csrPem` for the calling host (already admitted with `peer`): the
   * names of the certificate it calls with, the default validity.
   * Errors: CSR_INVALID, KEY_REUSED, CA_UNAVAILABLE, TOO_MANY_CERTIFICATES.
   */
  async renew(hostId: string, peer: PeerIdentity, csrPem: string): Promise<SignedCertificate> {
    const ca = requireCa(this.o.ca);
    const { publicKey } = await checkRequest(csrPem);
    if (new X509Certificate(peer.raw).publicKey.equals(publicKey)) {
      throw invalidArgument(
        'KEY_REUSED',
        'csr is for the key of the certificate this call is made with: make a new key',
        {
          details: { field: 'csr' },
        },
      );
    }
    withNewEntry(await this.record(hostId), hostId, placeholder, 'renewed', this.clock());
    const dnsNames = peer.dnsNames.filter((n) => n !== hostId);
    const signed = await ca.sign({
      csrPem,
      hostId,
      dnsNames,
      ipAddresses: peer.ipAddresses,
      validityDays: this.o.defaultValidityDays,
    });
    const entry = await this.record_(hostId, signed, 'renewed');
    this.o.log.info({ hostId, serial: entry.serial, notAfter: entry.notAfter }, 'host certificate renewed');
    return signed;
  }

  /** Errors: as withRotationRequested, CA_UNAVAILABLE. */
  async rotate(hostId: string): Promise<HostCertificatesRecord> {
    requireCa(this.o.ca);
    const now = this.clock();
    await this.change(hostId, (rec) => ({ next: withRotationRequested(rec, hostId, now), result: undefined }));
    this.o.log.info({ hostId }, 'host certificate rotation requested');
    return (await this.record(hostId)) ?? { hostId, certificates: [] };
  }

  /** Errors: as withRevoked. */
  async revoke(hostId: string, serial: string | undefined): Promise<HostCertificatesRecord> {
    const now = this.clock();
    await this.change(hostId, (rec) => ({ next: withRevoked(rec, hostId, serial, now), result: undefined }));
    const rec = (await this.record(hostId)) ?? { hostId, certificates: [] };
    this.o.log.warn({ hostId, serial: serial ?? 'all' }, 'host certificate revoked');
    if (hostCutOff(rec, now)) await this.o.onCutOff?.(hostId);
    return rec;
  }
}

/** Stands for a certificate about to be signed, to check room in a record before signing. */
const placeholder: CertificateFacts = {
  serial: '0',
  fingerprint256: '',
  notBefore: '',
  notAfter: '9999-12-31T00:00:00.000Z',
  dnsNames: [],
  ipAddresses: [],
};
