// How an attachment becomes an iSCSI export and a disk: the names strato gives
// (target IQN, CHAP user, a compute host's initiator name), the CHAP secret a new
// attachment gets, the address a storage host admits, and the requests the two
// agents take. Pure, but for the secret's randomness.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { failedPrecondition, type StratoError } from '../../common/errors.ts';
import type { ExportVolumeRequest } from '../../common/gen/strato/agent/v1/ExportVolumeRequest.ts';
import type { VolumeSpec } from '../../common/gen/strato/agent/v1/VolumeSpec.ts';
import type { HostRecord } from '../hosts/host-record.ts';
import { type AttachmentRecord, GiB } from './model.ts';

export const IQN_PREFIX = 'iqn.2026-01.io.strato';
export const initiatorName = (hostId: string): string => `${IQN_PREFIX}:host:${hostId}`;

/**
 * A fresh CHAP secret: 24 random bytes as 32 characters of base64url, within
 * what tgt and the agent accept (12-128 of A-Z a-z 0-9 _ . ~ + / = -).
 */
export function newChapSecret(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The address a storage host admits for `h`: its underlay address, else the
 * address of its agent when that is an IP. FAILED_PRECONDITION/
 * HOST_ADDRESS_UNKNOWN when it has neither (the agent registered a host name).
 */
export function initiatorAddress(h: Pick<HostRecord, 'id' | 'underlayIp' | 'address'>): string | StratoError {
  if (h.underlayIp) return h.underlayIp;
  const m = /^\[?([0-9a-fA-F:.]+?)\]?:\d+$/.exec(h.address);
  if (m?.[1] && isIP(m[1]) !== 0) return m[1];
  return failedPrecondition(
    'HOST_ADDRESS_UNKNOWN',
    `host ${h.id} registered no underlay address and its agent address is no IP: a storage host cannot admit it; give the agent --underlay-ip`,
    { details: { host: h.id } },
  );
}

/**
 * The storage host's export of the attachment to its compute host (at `address`),
 * and to its move's destination too (at `incomingAddress`) while the server moves.
 */
export function exportRequest(a: AttachmentRecord, address: string, incomingAddress?: string): ExportVolumeRequest {
  const incoming = a.incomingHost ?? '';
  const both = incoming !== '' && incoming !== a.computeHost && incomingAddress !== undefined;
  return {
    volumeId: a.volumeId,
    initiatorName: initiatorName(a.computeHost),
    initiatorAddress: address,
    chapSecret: a.chapSecret,
    alsoAdmit: both ? [{ name: initiatorName(incoming), address: incomingAddress }] : [],
  };
}

export const targetIqn = (volumeId: string): string => `${IQN_PREFIX}:${volumeId}`;
export const chapUser = (volumeId: string): string => `strato-${volumeId}`;

/**
 * The disk the compute host plugs in: the storage host's export of the volume (LUN 1)
 * at `portal`, opened under `host`'s initiator name (@default the attachment's compute host).
 */
export function volumeSpec(a: AttachmentRecord, portal: string, sizeGib: number, host = a.computeHost): VolumeSpec {
  return {
    volumeId: a.volumeId,
    device: a.device,
    portal,
    targetIqn: targetIqn(a.volumeId),
    lun: 1,
    chapUser: chapUser(a.volumeId),
    chapSecret: a.chapSecret,
    initiatorName: initiatorName(host),
    sizeBytes: String(sizeGib * GiB),
  };
}
