// How much watch history the SQLite store keeps (pure). Both limits are "keep at
// least": history is dropped only when it is outside every configured window.

export interface RetentionPolicy {
  /** Keep at least the last N revisions. @default 10000 */
  revisions?: number;
  /** Also keep every change younger than this many milliseconds. @default undefined (no time window) */
  ageMs?: number;
}

export const DEFAULT_RETENTION = { revisions: 10_000 } as const;

/**
 * The revision to compact to: changes before it may be discarded.
 * `firstRevYoungerThanAge` is the oldest revision inside the time window (undefined
 * when no change is that young, or no time window is configured).
 */
export function retentionPoint(
  revision: number,
  policy: RetentionPolicy,
  firstRevYoungerThanAge: number | undefined,
): number {
  const byCount = revision - (policy.revisions ?? DEFAULT_RETENTION.revisions) + 1;
  let point = byCount;
  if (policy.ageMs !== undefined) point = Math.min(point, firstRevYoungerThanAge ?? revision + 1);
  return Math.max(0, Math.min(point, revision));
}
