// The storage errors every backend raises in the same words, so callers (and the
// conformance suite) branch on one reason whatever the backend. Field names in
// details are the proto's (snake_case), never a host path or an internal key.
import { alreadyExists, failedPrecondition, invalidArgument, notFound, StratoError } from '../../common/errors.ts';
import type { CreateVolumeRequest } from './volume-driver.ts';

export const MiB = 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function badField(field: string, message: string, reason = 'INVALID_VOLUME_REQUEST'): StratoError {
  return invalidArgument(reason, `${field}: ${message}`, { details: { field } });
}

/** Ids become host names (files, LVs, IQNs): only a lower-case UUID passes. */
export function requireId(field: string, value: string): void {
  if (!UUID.test(value)) throw badField(field, 'must be a lower-case UUID');
}

/** A size in bytes: a positive multiple of 1 MiB within the safe integer range. */
export function requireSize(field: string, bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw badField(field, 'must be a positive number of bytes');
  if (bytes % MiB !== 0) throw badField(field, `must be a multiple of 1 MiB (${MiB} bytes)`);
}

export const roundUp = (bytes: number, unit: number): number => Math.ceil(bytes / unit) * unit;

export const volumeNotFound = (volumeId: string): StratoError =>
  notFound('VOLUME_NOT_FOUND', `volume ${volumeId} does not exist on this host`, { details: { volumeId } });

export const snapshotNotFound = (snapshotId: string): StratoError =>
  notFound('SNAPSHOT_NOT_FOUND', `snapshot ${snapshotId} does not exist on this host`, { details: { snapshotId } });

export const volumeExists = (volumeId: string, have: number, want: number): StratoError =>
  alreadyExists('VOLUME_EXISTS', `volume ${volumeId} already exists with ${have} bytes, not ${want}`, {
    details: { volumeId, sizeBytes: String(have) },
  });

export const snapshotExists = (snapshotId: string, ofVolume: string): StratoError =>
  alreadyExists('SNAPSHOT_EXISTS', `snapshot ${snapshotId} already exists, of volume ${ofVolume}`, {
    details: { snapshotId, volumeId: ofVolume },
  });

export const shrinkRefused = (volumeId: string, have: number, want: number): StratoError =>
  badField(
    'size_bytes',
    `volume ${volumeId} has ${have} bytes; volumes only grow (asked ${want})`,
    'VOLUME_SHRINK_REFUSED',
  );

export const sourceTooLarge = (what: string, sourceBytes: number, want: number): StratoError =>
  badField('size_bytes', `${want} bytes is smaller than the ${what} (${sourceBytes} bytes)`, 'SIZE_BELOW_SOURCE');

export const hasSnapshots = (volumeId: string, snapshotIds: string[]): StratoError =>
  failedPrecondition(
    'VOLUME_HAS_SNAPSHOTS',
    `volume ${volumeId} has snapshots (${snapshotIds.join(', ')}): delete them first`,
    { details: { volumeId, snapshots: snapshotIds.join(',') } },
  );

export const snapshotsUnsupported = (reason: string): StratoError =>
  failedPrecondition('SNAPSHOTS_UNSUPPORTED', `this storage backend cannot take snapshots: ${reason}`);

export const insufficientCapacity = (want: number, free: number): StratoError =>
  new StratoError('RESOURCE_EXHAUSTED', 'INSUFFICIENT_CAPACITY', `${want} bytes requested, ${free} bytes free`, {
    details: { requestedBytes: String(want), freeBytes: String(free) },
  });

/** Checks the ids and size of a create request (the source's own id included). */
export function validateCreate(req: CreateVolumeRequest): void {
  const { volumeId, sizeBytes, source } = req;
  requireId('volume_id', volumeId);
  requireSize('size_bytes', sizeBytes);
  switch (source.kind) {
    case 'snapshot':
      requireId('snapshot_id', source.snapshotId);
      return;
    case 'volume':
      requireId('source_volume_id', source.volumeId);
      if (source.volumeId === volumeId) throw badField('source_volume_id', 'must differ from volume_id');
      return;
    case 'image':
      if (source.format !== 'raw' && source.format !== 'qcow2')
        throw badField('image.disk_format', 'must be raw or qcow2');
      if (!source.path.startsWith('/')) throw badField('image', 'needs an absolute local path');
      return;
    case 'empty':
      return;
  }
}
