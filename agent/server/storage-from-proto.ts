// strato.agent.v1.AgentStorage messages ↔ the storage service's plain data. Malformed
// fields become INVALID_ARGUMENT naming the field; values are checked again by the
// service and the driver, which own the rules.
import type { CreateVolumeRequest__Output } from '../../common/gen/strato/agent/v1/CreateVolumeRequest.ts';
import type { ExportVolumeRequest__Output } from '../../common/gen/strato/agent/v1/ExportVolumeRequest.ts';
import type { ImageRef__Output } from '../../common/gen/strato/agent/v1/ImageRef.ts';
import type { Snapshot } from '../../common/gen/strato/agent/v1/Snapshot.ts';
import type { StorageInfo as StorageInfoProto } from '../../common/gen/strato/agent/v1/StorageInfo.ts';
import type { Volume } from '../../common/gen/strato/agent/v1/Volume.ts';
import type { VolumeExport } from '../../common/gen/strato/agent/v1/VolumeExport.ts';
import type { ImageRef } from '../images/image-source.ts';
import type { ExportInfo } from '../storage/iscsi/target-manager.ts';
import type { CreateRequest, ExportRequest, StorageInfo, VolumeView } from '../storage/storage-service.ts';
import type { SnapshotInfo } from '../storage/volume-driver.ts';
import { badField } from '../storage/volume-errors.ts';

/** A uint64 (a decimal string on the wire) that fits a safe integer. */
export function bytesFromProto(field: string, value: string): number {
  const n = Number(value);
  if (!/^\d{1,16}$/.test(value) || !Number.isSafeInteger(n)) throw badField(field, 'must be a byte count below 2^53');
  return n;
}

function imageFromProto(image: ImageRef__Output | null | undefined): ImageRef {
  if (!image) throw badField('image', 'is required');
  const sizeBytes = bytesFromProto('image.size_bytes', image.sizeBytes);
  // The format is named by the registry, never guessed from the bytes.
  if (image.diskFormat !== 'raw' && image.diskFormat !== 'qcow2')
    throw badField('image.disk_format', 'must be raw or qcow2');
  return { id: image.id, sha256: image.sha256.toLowerCase(), sizeBytes, diskFormat: image.diskFormat };
}

export function createFromProto(req: CreateVolumeRequest__Output): CreateRequest {
  const base = { volumeId: req.volumeId, sizeBytes: bytesFromProto('size_bytes', req.sizeBytes) };
  switch (req.source) {
    case 'image':
      return { ...base, source: { kind: 'image', image: imageFromProto(req.image) } };
    case 'snapshotId':
      return { ...base, source: { kind: 'snapshot', snapshotId: req.snapshotId ?? '' } };
    case 'sourceVolumeId':
      return { ...base, source: { kind: 'volume', volumeId: req.sourceVolumeId ?? '' } };
    default:
      return { ...base, source: { kind: 'empty' } };
  }
}

export const exportFromProto = (r: ExportVolumeRequest__Output): ExportRequest => ({
  volumeId: r.volumeId,
  initiatorName: r.initiatorName,
  initiatorAddress: r.initiatorAddress,
  chapSecret: r.chapSecret,
  alsoAdmit: (r.alsoAdmit ?? []).map((a) => ({ name: a.name, address: a.address })),
});

export const exportToProto = (e: ExportInfo): VolumeExport => ({
  volumeId: e.volumeId,
  targetIqn: e.targetIqn,
  lun: e.lun,
  portal: e.portal,
  chapUser: e.chapUser,
  initiatorName: e.initiatorName,
  initiatorAddress: e.initiatorAddress,
  sessions: e.sessions,
  alsoAdmitted: e.alsoAdmitted.map((a) => ({ name: a.name, address: a.address })),
});

export const volumeToProto = (v: VolumeView): Volume => ({
  volumeId: v.volumeId,
  sizeBytes: String(v.sizeBytes),
  state: v.state,
  progressPercent: v.progressPercent,
  export: v.export === undefined ? null : exportToProto(v.export),
});

export const snapshotToProto = (s: SnapshotInfo): Snapshot => ({
  snapshotId: s.snapshotId,
  volumeId: s.volumeId,
  sizeBytes: String(s.sizeBytes),
});

export function infoToProto(i: StorageInfo): StorageInfoProto {
  const snaps = i.capabilities.snapshots;
  return {
    backend: i.backend,
    totalBytes: String(i.capacity.totalBytes),
    allocatedBytes: String(i.capacity.allocatedBytes),
    freeBytes: String(i.capacity.freeBytes),
    sizeGranularityBytes: String(i.capabilities.sizeGranularityBytes),
    snapshotsSupported: snaps.supported,
    snapshotsUnsupportedReason: snaps.supported ? '' : snaps.reason,
    wipePolicy: i.wipe,
    iscsiPortal: i.portal,
  };
}
