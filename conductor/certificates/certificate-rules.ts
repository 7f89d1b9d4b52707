// The rules of a host's certificate record, pure (the clock passed in), so the
// Registry's check on every call, the dial guard and the admin's commands agree
// and can be table-tested. Each returns the record to write (or nothing to
// write) or throws the StratoError the caller answers.
import { notFound, StratoError } from '../../common/errors.ts';
import type {
  CertificateEntry,
  CertificateFacts,
  CertificateOrigin,
  CertificateState,
  HostCertificatesRecord,
} from './certificate-record.ts';

/** Valid certificates a host may hold at once (a rotation needs two for a moment). */
export const MAX_VALID_CERTIFICATES = 8;
/** Entries of a record, revoked ones included (they drop out as they expire). */
export const MAX_RECORDED_CERTIFICATES = 64;

export function entryState(e: CertificateEntry, nowMs: number): CertificateState {
  if (e.revokedAt) return 'revoked';
  return Date.parse(e.notAfter) < nowMs ? 'expired' : 'valid';
}

export function validEntries(rec: HostCertificatesRecord | undefined, nowMs: number): CertificateEntry[] {
  return (rec?.certificates ?? []).filter((e) => entryState(e, nowMs) === 'valid');
}

export type Judgement =
  | { kind: 'accept'; entry: CertificateEntry; next?: HostCertificatesRecord }
  | { kind: 'refuse'; error: StratoError };

const refused = (reason: string, message: string, hostId: string, serial: string): Judgement => ({
  kind: 'refuse',
  error: new StratoError('PERMISSION_DENIED', reason, message, { details: { host: hostId, serial } }),
});

/**
 * What to do with a call from `hostId` made with certificate `cert` (already
 * verified against the CA and named for the host by TLS). A host without a
 * record is accepted and its certificate adopted (recorded); with a record,
 * only a valid entry of it is. The first call with a newer entry than the one
 * in use supersedes (revokes) the older ones and ends a pending rotation that
 * asked for it.
 */
export function judgePresented(
  rec: HostCertificatesRecord | undefined,
  hostId: string,
  cert: CertificateFacts,
  nowMs: number,
): Judgement {
  const now = new Date(nowMs).toISOString();
  if (rec === undefined) {
    const entry: CertificateEntry = { ...cert, origin: 'adopted', recordedAt: now };
    return { kind: 'accept', entry, next: { hostId, certificates: [entry], inUseSerial: cert.serial } };
  }
  const entry = rec.certificates.find((e) => e.serial === cert.serial);
  if (entry === undefined || entry.fingerprint256 !== cert.fingerprint256) {
    return refused(
      'CERTIFICATE_UNKNOWN',
      `certificate ${cert.serial} is not one of host ${hostId}'s: issue one with "strato host certificate issue"`,
      hostId,
      cert.serial,
    );
  }
  if (entry.revokedAt) {
    return refused(
      'CERTIFICATE_REVOKED',
      `certificate ${cert.serial} of host ${hostId} was revoked (${entry.revocationReason ?? 'revoked'}) at ${entry.revokedAt}`,
      hostId,
      cert.serial,
    );
  }
  if (rec.inUseSerial === cert.serial) return { kind: 'accept', entry };
  const certificates = rec.certificates.map((e) =>
    e.recordedAt < entry.recordedAt && entryState(e, nowMs) === 'valid'
      ? { ...e, revokedAt: now, revocationReason: 'superseded' as const }
      : e,
  );
  const next: HostCertificatesRecord = { ...rec, certificates, inUseSerial: cert.serial };
  if (rec.rotationRequestedAt !== undefined && entry.recordedAt >= rec.rotationRequestedAt) {
    delete next.rotationRequestedAt;
  }
  return { kind: 'accept', entry, next };
}

/**
 * `rec` with a new entry (expired ones dropped).
 * Errors: RESOURCE_EXHAUSTED/TOO_MANY_CERTIFICATES.
 */
export function withNewEntry(
  rec: HostCertificatesRecord | undefined,
  hostId: string,
  cert: CertificateFacts,
  origin: CertificateOrigin,
  nowMs: number,
): { next: HostCertificatesRecord; entry: CertificateEntry } {
  const kept = (rec?.certificates ?? []).filter((e) => entryState(e, nowMs) !== 'expired');
  const valid = kept.filter((e) => !e.revokedAt).length;
  if (valid >= MAX_VALID_CERTIFICATES || kept.length >= MAX_RECORDED_CERTIFICATES) {
    throw new StratoError(
      'RESOURCE_EXHAUSTED',
      'TOO_MANY_CERTIFICATES',
      `host ${hostId} holds ${valid} valid of ${kept.length} recorded certificates (at most ${MAX_VALID_CERTIFICATES} valid, ${MAX_RECORDED_CERTIFICATES} recorded): revoke some first`,
      { details: { host: hostId } },
    );
  }
  const entry: CertificateEntry = { ...cert, origin, recordedAt: new Date(nowMs).toISOString() };
  return { next: { hostId, ...rec, certificates: [...kept, entry] }, entry };
}

/**
 * `rec` with certificate `serial` revoked, or every certificate when `serial` is
 * undefined (a host without a record gets an empty one: pinned to nothing).
 * Undefined when nothing changes. Errors: NOT_FOUND/CERTIFICATE_NOT_FOUND.
 */
export function withRevoked(
  rec: HostCertificatesRecord | undefined,
  hostId: string,
  serial: string | undefined,
  nowMs: number,
): HostCertificatesRecord | undefined {
  const now = new Date(nowMs).toISOString();
  if (serial !== undefined && !rec?.certificates.some((e) => e.serial === serial)) {
    throw notFound('CERTIFICATE_NOT_FOUND', `host ${hostId} has no certificate ${serial}`, {
      details: { host: hostId, serial },
    });
  }
  if (rec === undefined) return { hostId, certificates: [] };
  let changed = false;
  const certificates = rec.certificates.map((e) => {
    if (e.revokedAt || (serial !== undefined && e.serial !== serial)) return e;
    changed = true;
    return { ...e, revokedAt: now, revocationReason: 'revoked' as const };
  });
  if (!changed) return undefined;
  const next: HostCertificatesRecord = { ...rec, certificates };
  // Nothing left to rotate with: a rotation can no longer be answered.
  if (validEntries(next, nowMs).length === 0) delete next.rotationRequestedAt;
  return next;
}

/**
 * `rec` asking the host for a new certificate; undefined when already asked.
 * Errors: FAILED_PRECONDITION/CERTIFICATE_NOT_SEEN (the host has not called
 * since certificates are recorded: an empty record would cut it off),
 * HOST_REVOKED (no valid certificate to renew with).
 */
export function withRotationRequested(
  rec: HostCertificatesRecord | undefined,
  hostId: string,
  nowMs: number,
): HostCertificatesRecord | undefined {
  if (rec === undefined) {
    throw new StratoError(
      'FAILED_PRECONDITION',
      'CERTIFICATE_NOT_SEEN',
      `host ${hostId} has not called with its certificate yet: try again after its next heartbeat`,
      { details: { host: hostId } },
    );
  }
  if (validEntries(rec, nowMs).length === 0) {
    throw new StratoError(
      'FAILED_PRECONDITION',
      'HOST_REVOKED',
      `host ${hostId} has no valid certificate to renew with: issue one with "strato host certificate issue"`,
      { details: { host: hostId } },
    );
  }
  if (rec.rotationRequestedAt !== undefined) return undefined;
  return { ...rec, rotationRequestedAt: new Date(nowMs).toISOString() };
}

/** True when the host may not be called: it has a record and nothing valid in it. */
export function hostCutOff(rec: HostCertificatesRecord | undefined, nowMs: number): boolean {
  return rec !== undefined && validEntries(rec, nowMs).length === 0;
}
