// What the agent remembers of a migration it started, in memory only: an agent that
// restarted knows none (GetMigration answers NOT_FOUND and the conductor decides by
// where the domain is). Pure data and its status view.
import type { MigrationProgress } from '../hypervisor/hypervisor.ts';

export type MigrationState = 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

export interface MigrationRecord {
  migrationId: string;
  instanceId: string;
  live: boolean;
  state: MigrationState;
  /** FAILED and CANCELLED: what went wrong, in the hypervisor's words. */
  error: string;
  startedAt: number;
  endedAt?: number;
  /** The last progress seen (COMPLETED: the finished job's figures). */
  progress?: MigrationProgress;
  /** Set by an abort or the timeout: the job's failure then means CANCELLED. */
  cancelReason?: string;
  /** Settles when the migration has ended (never rejects). */
  done: Promise<void>;
}

export interface MigrationStatus {
  migrationId: string;
  state: MigrationState;
  error: string;
  progress: MigrationProgress;
  downtimeMs: number;
  elapsedMs: number;
}

const NO_PROGRESS: MigrationProgress = {
  elapsedMs: 0,
  memoryTotal: 0,
  memoryProcessed: 0,
  memoryRemaining: 0,
  diskTotal: 0,
  diskProcessed: 0,
  diskRemaining: 0,
};

export function statusOf(rec: MigrationRecord, now: number): MigrationStatus {
  const progress = rec.progress ?? NO_PROGRESS;
  return {
    migrationId: rec.migrationId,
    state: rec.state,
    error: rec.error,
    progress,
    downtimeMs: rec.state === 'COMPLETED' ? (progress.downtimeMs ?? 0) : 0,
    elapsedMs: (rec.endedAt ?? now) - rec.startedAt,
  };
}
