// strato.host.v1.HostCertificates (admin only): issue a host's certificate,
// ask its agent to rotate, revoke, and show the record. Fields are checked
// (certificate-input.ts) before anything is signed or written.
import type { HostCertificate } from '../../common/gen/strato/host/v1/HostCertificate.ts';
import type { HostCertificateSet } from '../../common/gen/strato/host/v1/HostCertificateSet.ts';
import type { HostCertificatesHandlers } from '../../common/gen/strato/host/v1/HostCertificates.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import {
  certifiableHost,
  dnsNames,
  hostField,
  ipAddresses,
  serialField,
  validityDays,
} from '../certificates/certificate-input.ts';
import type { CertificateEntry, HostCertificatesRecord } from '../certificates/certificate-record.ts';
import { entryState } from '../certificates/certificate-rules.ts';
import type { HostCertificateBook } from '../certificates/host-certificate-book.ts';
import type { HostRegistry } from '../hosts/host-registry.ts';
import { requireAdmin } from '../identity/access.ts';
import type { Identity } from '../identity/identity.ts';
import { authenticate } from './auth.ts';

export function certificateToProto(e: CertificateEntry, nowMs: number): HostCertificate {
  return {
    serial: e.serial,
    fingerprintSha256: e.fingerprint256,
    notBefore: e.notBefore,
    notAfter: e.notAfter,
    state: entryState(e, nowMs),
    origin: e.origin,
    recordedAt: e.recordedAt,
    revokedAt: e.revokedAt ?? '',
    revocationReason: e.revocationReason ?? '',
    dnsNames: [...e.dnsNames],
    ipAddresses: [...e.ipAddresses],
  };
}

export function certificateSetToProto(
  hostId: string,
  rec: HostCertificatesRecord | undefined,
  nowMs: number,
): HostCertificateSet {
  return {
    host: hostId,
    certificates: [...(rec?.certificates ?? [])].reverse().map((e) => certificateToProto(e, nowMs)),
    inUseSerial: rec?.inUseSerial ?? '',
    rotationPending: rec?.rotationRequestedAt !== undefined,
    rotationRequestedAt: rec?.rotationRequestedAt ?? '',
  };
}

export function hostCertificatesApi(
  identity: Identity,
  certs: HostCertificateBook,
  hosts: HostRegistry,
  defaultValidityDays: number,
  clock: () => number = Date.now,
): Implementation<HostCertificatesHandlers> {
  const admin = async (ctx: Parameters<typeof authenticate>[0], what: string) =>
    requireAdmin(await authenticate(ctx, identity), what);
  return {
    async IssueHostCertificate(req, ctx) {
      await admin(ctx, 'issuing a host certificate');
      const input = {
        hostId: certifiableHost(req.host),
        ipAddresses: ipAddresses(req.ipAddresses),
        dnsNames: dnsNames(req.dnsNames),
        validityDays: validityDays(req.validityDays, defaultValidityDays),
      };
      const issued = await certs.issue(input);
      return {
        certificate: certificateToProto(issued.entry, clock()),
        certificatePem: issued.certificatePem,
        privateKeyPem: issued.privateKeyPem,
        caCertificatePem: issued.caPem,
      };
    },

    async RotateHostCertificate(req, ctx) {
      await admin(ctx, 'rotating a host certificate');
      const hostId = hostField(req.host);
      await hosts.require(hostId);
      return certificateSetToProto(hostId, await certs.rotate(hostId), clock());
    },

    async RevokeHostCertificate(req, ctx) {
      await admin(ctx, 'revoking a host certificate');
      const hostId = hostField(req.host);
      const serial = serialField(req.serial);
      return certificateSetToProto(hostId, await certs.revoke(hostId, serial), clock());
    },

    async GetHostCertificates(req, ctx) {
      await admin(ctx, 'showing host certificates');
      const hostId = hostField(req.host);
      return certificateSetToProto(hostId, await certs.record(hostId), clock());
    },
  };
}
