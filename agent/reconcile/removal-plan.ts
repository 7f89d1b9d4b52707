// The one place that decides whether an orphan is removed, for every kind (domains,
// directories, logs, secrets, cache files, host network objects): pure. An orphan is
// removed only when the operator turned removal on, only after it stayed an orphan
// for the whole grace period (a conductor's passing confusion, e.g. a restore or a
// slow replica, costs nothing), and never while the conductor's view cannot be
// trusted: no conductor answered yet, its last answer is stale (the host may have
// been forgotten or partitioned), or it expects nothing at all while the host still
// holds strato instances (an empty or wrong database looks exactly like that; with no
// instance here, an empty view is simply true, and leftovers such as a secret go).
// The last rail alone yields to `force`, for an operator who really means to empty a
// host whose servers the conductor no longer knows. Orphans are reported in every case.
import { type Orphan, orphanKey } from './orphan-kinds.ts';

/** `--orphan-removal`: off (report only), on (with every rail), force (on, even when the conductor expects nothing). */
export type OrphanRemoval = 'off' | 'on' | 'force';

export const ORPHAN_REMOVAL_MODES: readonly OrphanRemoval[] = ['off', 'on', 'force'];

/** What the conductor last said this host should hold, and whether that is still to be trusted. */
export interface ConductorView {
  /** Expected instance ids; undefined while no conductor has answered. */
  expected: ReadonlySet<string> | undefined;
  /** The last answer came within the staleness limit. */
  fresh: boolean;
}

export interface RemovalInput {
  orphans: readonly Orphan[];
  mode: OrphanRemoval;
  view: ConductorView;
  /** When each orphan (orphanKey) was first seen; the planner does not mutate it. */
  firstSeen: ReadonlyMap<string, number>;
  now: number;
  graceMs: number;
}

export type RemovalBlock =
  | 'removal off'
  | 'no conductor answer yet'
  | 'conductor view stale'
  | 'conductor expects nothing';

export interface RemovalPlan {
  /** Orphans to remove now. */
  remove: Orphan[];
  /** Orphans seen for the first time this pass (each gets a log line). */
  newlyFound: Orphan[];
  /** Why nothing is removed this pass; undefined when removal may proceed. */
  blocked: RemovalBlock | undefined;
  /** firstSeen for the next pass: the orphans of this pass only. */
  firstSeen: Map<string, number>;
}

function blockOf(input: RemovalInput): RemovalBlock | undefined {
  if (input.mode === 'off') return 'removal off';
  if (input.view.expected === undefined) return 'no conductor answer yet';
  if (!input.view.fresh) return 'conductor view stale';
  const instancesHere = input.orphans.some((o) => o.kind === 'domains' || o.kind === 'instanceDirs');
  if (input.view.expected.size === 0 && instancesHere && input.mode !== 'force') {
    return 'conductor expects nothing';
  }
  return undefined;
}

export function planRemoval(input: RemovalInput): RemovalPlan {
  const blocked = blockOf(input);
  const firstSeen = new Map<string, number>();
  const plan: RemovalPlan = { remove: [], newlyFound: [], blocked, firstSeen };
  for (const o of input.orphans) {
    const key = orphanKey(o);
    const since = input.firstSeen.get(key) ?? input.now;
    firstSeen.set(key, since);
    if (!input.firstSeen.has(key)) plan.newlyFound.push(o);
    if (blocked === undefined && input.now - since >= input.graceMs) plan.remove.push(o);
  }
  return plan;
}
