// The rules of a host's certificate record (pure): what a call made with a
// certificate gets, what issuing, revoking and rotating write.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CertificateFacts, HostCertificatesRecord } from '../../../conductor/certificates/certificate-record.ts';
import {
  hostCutOff,
  judgePresented,
  MAX_VALID_CERTIFICATES,
  withNewEntry,
  withRevoked,
  withRotationRequested,
} from '../../../conductor/certificates/certificate-rules.ts';
import { isCode } from '../../harness/errors.ts';

const T0 = Date.parse('2026-06-01T00:00:00Z');
const facts = (serial: string, notAfter = '2027-06-01T00:00:00.000Z'): CertificateFacts => ({
  serial,
  fingerprint256: `FP:${serial}`,
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter,
  dnsNames: ['hv1'],
  ipAddresses: [],
});

function recordOf(...serials: string[]): HostCertificatesRecord {
  let rec: HostCertificatesRecord | undefined;
  serials.forEach((s, i) => {
    rec = withNewEntry(rec, 'hv1', facts(s), 'issued', T0 + i * 1000).next;
  });
  return rec!;
}

const refusedWith = (reason: string, j: ReturnType<typeof judgePresented>) =>
  j.kind === 'refuse' && isCode('PERMISSION_DENIED', reason)(j.error);

describe('certificate rules', () => {
  it('a host without a record has its certificate adopted and is pinned to it', () => {
    const j = judgePresented(undefined, 'hv1', facts('A1'), T0);
    assert.equal(j.kind, 'accept');
    assert.ok(j.kind === 'accept' && j.next);
    assert.equal(j.next.inUseSerial, 'A1');
    assert.equal(j.next.certificates[0]?.origin, 'adopted');
    assert.ok(refusedWith('CERTIFICATE_UNKNOWN', judgePresented(j.next, 'hv1', facts('B2'), T0)));
  });

  it('refuses an unknown serial, a known serial with another fingerprint, and a revoked one', () => {
    const rec = recordOf('A1');
    assert.ok(refusedWith('CERTIFICATE_UNKNOWN', judgePresented(rec, 'hv1', facts('FF'), T0)));
    assert.ok(
      refusedWith('CERTIFICATE_UNKNOWN', judgePresented(rec, 'hv1', { ...facts('A1'), fingerprint256: 'X' }, T0)),
    );
    const revoked = withRevoked(rec, 'hv1', 'A1', T0)!;
    assert.ok(refusedWith('CERTIFICATE_REVOKED', judgePresented(revoked, 'hv1', facts('A1'), T0)));
  });

  it('the first call with a newer certificate supersedes the older ones and ends the rotation', () => {
    let rec = recordOf('A1');
    const first = judgePresented(rec, 'hv1', facts('A1'), T0 + 10);
    assert.ok(first.kind === 'accept' && first.next);
    rec = withRotationRequested(first.next, 'hv1', T0 + 20)!;
    rec = withNewEntry(rec, 'hv1', facts('B2'), 'renewed', T0 + 30).next;
    // Still the old one in use: accepted, nothing to write.
    const old = judgePresented(rec, 'hv1', facts('A1'), T0 + 40);
    assert.ok(old.kind === 'accept' && old.next === undefined);
    const j = judgePresented(rec, 'hv1', facts('B2'), T0 + 50);
    assert.ok(j.kind === 'accept' && j.next);
    assert.equal(j.next.inUseSerial, 'B2');
    assert.equal(j.next.rotationRequestedAt, undefined);
    assert.deepEqual(
      j.next.certificates.map((e) => [e.serial, e.revocationReason]),
      [
        ['A1', 'superseded'],
        ['B2', undefined],
      ],
    );
  });

  it('revoke: one serial or all; idempotent; an unknown serial is NOT_FOUND; all of nothing pins to nothing', () => {
    const rec = recordOf('A1', 'B2');
    const one = withRevoked(rec, 'hv1', 'A1', T0)!;
    assert.equal(hostCutOff(one, T0), false);
    const all = withRevoked(one, 'hv1', undefined, T0)!;
    assert.equal(hostCutOff(all, T0), true);
    assert.equal(withRevoked(all, 'hv1', undefined, T0), undefined, 'nothing changes');
    assert.throws(() => withRevoked(rec, 'hv1', 'CC', T0), isCode('NOT_FOUND', 'CERTIFICATE_NOT_FOUND'));
    const none = withRevoked(undefined, 'hv1', undefined, T0)!;
    assert.deepEqual(none.certificates, []);
    assert.equal(hostCutOff(none, T0), true);
    assert.equal(hostCutOff(undefined, T0), false, 'a host never recorded is not cut off');
  });

  it('issuing is bounded; expired entries drop out', () => {
    const serials = Array.from({ length: MAX_VALID_CERTIFICATES }, (_, i) => `A${i}`);
    const full = recordOf(...serials);
    assert.throws(
      () => withNewEntry(full, 'hv1', facts('FF'), 'issued', T0),
      isCode('RESOURCE_EXHAUSTED', 'TOO_MANY_CERTIFICATES'),
    );
    const withExpired = withNewEntry(undefined, 'hv1', facts('E1', '2026-02-01T00:00:00.000Z'), 'issued', T0).next;
    assert.deepEqual(
      withNewEntry(withExpired, 'hv1', facts('N1'), 'issued', T0).next.certificates.map((e) => e.serial),
      ['N1'],
    );
  });

  it('rotation needs a certificate seen and valid; asking twice writes nothing', () => {
    assert.throws(
      () => withRotationRequested(undefined, 'hv1', T0),
      isCode('FAILED_PRECONDITION', 'CERTIFICATE_NOT_SEEN'),
    );
    const revoked = withRevoked(recordOf('A1'), 'hv1', undefined, T0)!;
    assert.throws(() => withRotationRequested(revoked, 'hv1', T0), isCode('FAILED_PRECONDITION', 'HOST_REVOKED'));
    const asked = withRotationRequested(recordOf('A1'), 'hv1', T0)!;
    assert.equal(withRotationRequested(asked, 'hv1', T0 + 1), undefined);
  });
});
