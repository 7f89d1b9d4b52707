// The volume and snapshot state machines, as in Cinder (volume.proto's file
// comment draws them). Pure and table-tested (test/unit/volumes): which action
// is legal in which status, and the FAILED_PRECONDITION a refused one answers
// before anything changes. Where an operation goes from there is the op
// driver's (op-driver.ts and the step files).
import { failedPrecondition, type StratoError } from '../../common/errors.ts';
import type { SnapshotStatus, VolumeStatus } from './model.ts';

export type VolumeAction = 'update' | 'extend' | 'delete' | 'snapshot' | 'attach' | 'copy' | 'detach';

/** What the rules read of a volume. */
export interface VolumeView {
  id: string;
  name: string;
  status: VolumeStatus;
  /** The server of its attachment, if any. */
  serverId?: string;
  /** Volumes being copied from it. */
  copiesInProgress?: readonly string[];
}

export interface RefusalContext {
  /** snapshot: of an in-use volume (a crash-consistent copy). */
  force?: boolean;
  /** delete: its snapshots' ids (the first few). */
  snapshotIds?: readonly string[];
}

/** Where each action is legal. */
export const LEGAL: Readonly<Record<VolumeAction, readonly VolumeStatus[]>> = {
  update: ['creating', 'downloading', 'available', 'attaching', 'in-use', 'detaching', 'extending', 'error'],
  extend: ['available', 'in-use'],
  delete: ['available', 'error'],
  snapshot: ['available', 'in-use'],
  attach: ['available'],
  copy: ['available'],
  detach: ['in-use'],
};

function invalidState(v: VolumeView, action: VolumeAction, why = ''): StratoError {
  const legal = LEGAL[action].join(', ');
  return failedPrecondition(
    'INVALID_STATE',
    `cannot ${action} volume ${v.name || v.id}: it is ${v.status}${why} (allowed in ${legal})`,
    { details: { volume_id: v.id, status: v.status } },
  );
}

function inUse(v: VolumeView, what: string): StratoError {
  return failedPrecondition(
    'VOLUME_IN_USE',
    `volume ${v.name || v.id} is attached to server ${v.serverId ?? '(unknown)'}; ${what}`,
    { details: { volume_id: v.id, server_id: v.serverId ?? '' } },
  );
}

function notAvailable(v: VolumeView): StratoError {
  return failedPrecondition('VOLUME_NOT_AVAILABLE', `volume ${v.name || v.id} is ${v.status}, not available`, {
    details: { volume_id: v.id, status: v.status },
  });
}

/** Null when `action` may start on the volume now, else the FAILED_PRECONDITION to answer. */
export function volumeRefusal(v: VolumeView, action: VolumeAction, ctx: RefusalContext = {}): StratoError | null {
  const attached = v.status === 'in-use';
  switch (action) {
    case 'delete': {
      if (attached) return inUse(v, 'detach it first, or delete the server');
      if (!LEGAL.delete.includes(v.status)) return invalidState(v, action, '; retry when it settles');
      if ((v.copiesInProgress ?? []).length > 0) {
        return invalidState(v, action, ` and a volume is being copied from it; retry when that is done`);
      }
      const snaps = ctx.snapshotIds ?? [];
      if (snaps.length > 0) {
        return failedPrecondition(
          'VOLUME_HAS_SNAPSHOTS',
          `volume ${v.name || v.id} has snapshots (${snaps.join(', ')}); delete them first`,
          { details: { volume_id: v.id, snapshot_ids: snaps.join(',') } },
        );
      }
      return null;
    }
    case 'snapshot':
      if (attached && !ctx.force) return inUse(v, 'snapshot it with force for a crash-consistent copy');
      return LEGAL.snapshot.includes(v.status) ? null : invalidState(v, action);
    case 'attach':
      if (attached || v.status === 'attaching') return inUse(v, 'detach it from there first');
      return v.status === 'available' ? null : notAvailable(v);
    case 'copy':
      if (attached || v.status === 'attaching') {
        return inUse(v, 'to copy an attached volume, snapshot it with force and create from the snapshot');
      }
      return v.status === 'available' ? null : notAvailable(v);
    default:
      return LEGAL[action].includes(v.status) ? null : invalidState(v, action);
  }
}

/** Where a snapshot may be deleted, and used as the source of a new volume. */
export const SNAPSHOT_LEGAL = {
  delete: ['available', 'error'] as readonly SnapshotStatus[],
  source: ['available'] as readonly SnapshotStatus[],
};

export interface SnapshotView {
  id: string;
  name: string;
  status: SnapshotStatus;
  volumesInProgress?: readonly string[];
}

/** Null when the snapshot may be deleted (or, with `source`, copied into a volume) now. */
export function snapshotRefusal(s: SnapshotView, action: 'delete' | 'source'): StratoError | null {
  const label = s.name || s.id;
  if (action === 'source') {
    if (s.status === 'available') return null;
    return failedPrecondition('SNAPSHOT_NOT_AVAILABLE', `snapshot ${label} is ${s.status}, not available`, {
      details: { snapshot_id: s.id, status: s.status },
    });
  }
  const making = s.volumesInProgress ?? [];
  if (making.length > 0) {
    return failedPrecondition(
      'SNAPSHOT_IN_USE',
      `volume ${making[0]} is being created from snapshot ${label}; delete it when that is done`,
      { details: { snapshot_id: s.id, volume_id: making[0] ?? '' } },
    );
  }
  if (SNAPSHOT_LEGAL.delete.includes(s.status)) return null;
  return failedPrecondition(
    'INVALID_STATE',
    `cannot delete snapshot ${label}: it is ${s.status} (allowed in ${SNAPSHOT_LEGAL.delete.join(', ')})`,
    { details: { snapshot_id: s.id, status: s.status } },
  );
}
