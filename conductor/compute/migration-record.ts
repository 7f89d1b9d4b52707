// One record per move of a server (cold or live migration, resize), kept after
// the move ends as its history (Nova's migrations table):
//
//   /migrations/<id>   MigrationRecord
//
// Written in the same transaction as the instance's move workflow when the API
// accepts it, then updated by the move steps (status, progress) before the
// instance record commits each step: a step that is run again after a crash
// writes the same status again.
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Store } from '../store/store.ts';

export const MIGRATIONS = '/migrations/';
export const migrationKey = (id: string): string => MIGRATIONS + id;

export type MigrationKind = 'cold' | 'live' | 'resize';

/** Nova's migration statuses (the subset strato's moves pass through). */
export const MIGRATION_STATUSES = [
  'queued',
  'preparing',
  'running',
  'post-migrating',
  'finished',
  'confirmed',
  'reverted',
  'error',
  'cancelled',
] as const;
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number];

/** Statuses after which nothing changes any more. */
export const MIGRATION_ENDED: readonly MigrationStatus[] = ['confirmed', 'reverted', 'error', 'cancelled'];

export interface MigrationProgress {
  memoryTotalBytes: number;
  memoryProcessedBytes: number;
  memoryRemainingBytes: number;
  diskTotalBytes: number;
  diskProcessedBytes: number;
  diskRemainingBytes: number;
  /** live, completed: how long the guest was paused for the switch-over. */
  downtimeMs: number;
  elapsedMs: number;
}

export const NO_PROGRESS: MigrationProgress = Object.freeze({
  memoryTotalBytes: 0,
  memoryProcessedBytes: 0,
  memoryRemainingBytes: 0,
  diskTotalBytes: 0,
  diskProcessedBytes: 0,
  diskRemainingBytes: 0,
  downtimeMs: 0,
  elapsedMs: 0,
});

export interface MigrationRecord {
  id: string;
  serverId: string;
  projectId: string;
  kind: MigrationKind;
  sourceHost: string;
  /** '' until the destination is chosen. */
  destHost: string;
  status: MigrationStatus;
  /** resize: the flavors (ids); else both the server's. */
  oldFlavorId: string;
  newFlavorId: string;
  progress: MigrationProgress;
  /** error/cancelled: why. */
  error: string;
  requestId: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Changes a migration record (`change` maps the latest to the next; undefined =
 * leave it). Missing records are left alone (a migration of a purged server).
 */
export async function updateMigration(
  store: Store,
  id: string,
  change: (m: MigrationRecord) => MigrationRecord | undefined,
  now: () => number = Date.now,
): Promise<MigrationRecord | undefined> {
  for (let i = 0; i < 20; i++) {
    const e = await getOrUndefined<MigrationRecord>(store, migrationKey(id));
    if (!e) return undefined;
    const next = change(e.value);
    if (!next) return e.value;
    const value = { ...next, updatedAt: new Date(now()).toISOString() };
    const res = await store.txn(
      [{ kind: 'modRevision', key: e.key, modRevision: e.modRevision }],
      [{ kind: 'put', key: e.key, value }],
    );
    if (res.succeeded) return value;
  }
  throw new Error(`migration ${id}: too many concurrent updates`);
}

/** A status change, unless the migration already ended (a late step must not revive it). */
export function toStatus(status: MigrationStatus, extra: Partial<MigrationRecord> = {}) {
  return (m: MigrationRecord): MigrationRecord | undefined => {
    if (MIGRATION_ENDED.includes(m.status) && !(m.status === status)) return undefined;
    if (m.status === status && Object.keys(extra).length === 0) return undefined;
    return { ...m, ...extra, status };
  };
}
