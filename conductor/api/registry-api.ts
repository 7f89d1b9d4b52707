// strato.host.v1.Registry: what agents call, over mutual TLS only. The client
// certificate is the agent's identity: its CN must be the host_id the call
// speaks for, so one compromised host cannot pose as another (PERMISSION_DENIED,
// reason HOST_IDENTITY_MISMATCH), and on every call (not only when the
// connection opened) it must be one the host's certificate record holds as
// valid (CERTIFICATE_REVOKED, CERTIFICATE_UNKNOWN: conductor/certificates/).
import type { Readable } from 'node:stream';
import { StratoError } from '../../common/errors.ts';
import type { PullImageResponse } from '../../common/gen/strato/host/v1/PullImageResponse.ts';
import type { RegistryHandlers } from '../../common/gen/strato/host/v1/Registry.ts';
import type { CallContext, Implementation } from '../../common/grpc/handlers.ts';
import { csrField } from '../certificates/certificate-input.ts';
import type { HostCertificateBook } from '../certificates/host-certificate-book.ts';
import type { InstanceMetadata } from '../compute/instance-metadata.ts';
import type { HostReports } from '../compute/host-reports.ts';
import type { HostRegistry } from '../hosts/host-registry.ts';
import { registerInput, selfReport, validateHostId } from '../hosts/registration.ts';
import { storageFacts } from '../hosts/storage-report.ts';

/** What PullImage reads: an active image's facts and bytes. */
export interface ImageSource {
  openImageBlob(imageId: unknown): Promise<{
    image: { sha256: string; sizeBytes: number; diskFormat: string };
    stream: Readable;
  }>;
}

/** Larger chunks than this would approach grpc-js's 4 MiB default message limit. */
const CHUNK_BYTES = 1024 * 1024;

/** Errors: PERMISSION_DENIED/HOST_IDENTITY_MISMATCH unless the client certificate's CN is `hostId`. */
export function assertPeerIs(ctx: Pick<CallContext, 'peer'>, hostId: string): void {
  const cn = ctx.peer()?.commonName;
  if (cn === undefined || cn !== hostId) {
    throw new StratoError(
      'PERMISSION_DENIED',
      'HOST_IDENTITY_MISMATCH',
      `the client certificate (CN ${cn ?? 'none'}) does not name host ${hostId}`,
      { details: { host: hostId, certificate: cn ?? '' } },
    );
  }
}

export function registryApi(
  hosts: HostRegistry,
  reports: HostReports,
  images: ImageSource,
  certs: HostCertificateBook,
  /** Called after a (re-)registration: work waiting for this host can go on now. */
  onRegistered: (hostId: string) => void = () => {},
  /** Answers GetInstanceMetadata; absent: UNIMPLEMENTED (a conductor without networking). */
  metadata?: Pick<InstanceMetadata, 'lookup'>,
): Implementation<RegistryHandlers> {
  /**
   * The check every call makes first: the certificate names `hostId` and is
   * still valid in its record. Says whether the host should renew.
   */
  const admit = async (ctx: Pick<CallContext, 'peer'>, hostId: string): Promise<{ renew: boolean }> => {
    assertPeerIs(ctx, hostId);
    const { renew } = await certs.admit(hostId, ctx.peer()!);
    return { renew };
  };

  return {
    async Register(req, ctx) {
      const hostId = validateHostId(req.hostId);
      const { renew } = await admit(ctx, hostId);
      await hosts.register({ ...registerInput(hostId, req), ...selfReport(req) });
      const expected = await reports.applyFull(hostId, req.instances);
      onRegistered(hostId);
      return {
        heartbeatIntervalS: Math.max(1, Math.round(hosts.timing.heartbeatIntervalMs / 1000)),
        downAfterS: Math.round(hosts.timing.downTimeMs / 1000),
        expectedInstanceIds: expected,
        renewCertificate: renew,
      };
    },

    async Heartbeat(req, ctx) {
      const hostId = validateHostId(req.hostId);
      const { renew } = await admit(ctx, hostId);
      await hosts.heartbeat(hostId, req.storage ? storageFacts(req.storage) : undefined, {
        ...selfReport(req),
        instancesUnknown: req.instancesUnknown,
      });
      // A host that cannot see its guests said nothing about them: judge nothing.
      if (req.instancesUnknown) {
        return { expectedInstanceIds: (await reports.expectedOn(hostId)).map((r) => r.id), renewCertificate: renew };
      }
      return { expectedInstanceIds: await reports.applyFull(hostId, req.instances), renewCertificate: renew };
    },

    async ReportInstance(req, ctx) {
      const hostId = validateHostId(req.hostId);
      await admit(ctx, hostId);
      if (req.instance) await reports.applyOne(hostId, req.instance);
      return {};
    },

    async *PullImage(req, ctx) {
      // An agent that does not say who it is may still pull, as long as its
      // certificate names a registered host.
      const hostId = req.hostId ? validateHostId(req.hostId) : (ctx.peer()?.commonName ?? '');
      await admit(ctx, hostId);
      if (!(await hosts.get(hostId))) {
        throw new StratoError('PERMISSION_DENIED', 'HOST_NOT_REGISTERED', `host ${hostId} is not registered`, {
          details: { host: hostId },
        });
      }
      const blob = await images.openImageBlob(req.imageId);
      ctx.log.info({ hostId, imageId: req.imageId, sizeBytes: blob.image.sizeBytes }, 'image pull');
      const first: PullImageResponse = {
        sha256: blob.image.sha256,
        sizeBytes: String(blob.image.sizeBytes),
        diskFormat: blob.image.diskFormat,
      };
      let sentFirst = false;
      try {
        for await (const chunk of blob.stream as AsyncIterable<Buffer>) {
          for (let off = 0; off < chunk.length; off += CHUNK_BYTES) {
            const data = chunk.subarray(off, off + CHUNK_BYTES);
            yield sentFirst ? { data } : { ...first, data };
            sentFirst = true;
          }
          if (ctx.signal.aborted) return;
        }
        if (!sentFirst) yield first;
      } finally {
        blob.stream.destroy();
      }
    },

    async RenewCertificate(req, ctx) {
      const hostId = validateHostId(req.hostId);
      await admit(ctx, hostId);
      const signed = await certs.renew(hostId, ctx.peer()!, csrField(req.csr));
      return { certificatePem: signed.pem, serial: signed.facts.serial, notAfter: signed.facts.notAfter };
    },

    // Read-only: the host may ask only for the networks its pushed state serves
    // metadata to (compute/instance-metadata.ts).
    async GetInstanceMetadata(req, ctx) {
      const hostId = validateHostId(req.hostId);
      await admit(ctx, hostId);
      if (!metadata) throw new StratoError('UNIMPLEMENTED', 'METADATA_NOT_CONFIGURED', 'no metadata service here');
      return metadata.lookup(hostId, req.networkId, req.ip);
    },
  };
}
