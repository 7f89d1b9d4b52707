// The orphans the reconciler counts: objects carrying strato's names on this host
// that the conductor's view does not account for. Their kinds are the fields of
// strato.host.v1.Orphans (common/orphan-kinds.ts), so a count goes to the conductor as is.
import type { Orphans } from '../../common/gen/strato/host/v1/Orphans.ts';
import { ORPHAN_KINDS, type OrphanKind } from '../../common/orphan-kinds.ts';

/** One orphan: its kind and the name (or id) it is known by on the host. */
export interface Orphan {
  kind: OrphanKind;
  name: string;
}

/** The key an orphan is remembered by between passes. */
export const orphanKey = (o: Orphan): string => `${o.kind}:${o.name}`;

/** Counts per kind, every kind present (0 when none). Pure. */
export function countOrphans(orphans: readonly Orphan[]): Required<Orphans> {
  const counts = Object.fromEntries(ORPHAN_KINDS.map((k) => [k, 0])) as Required<Orphans>;
  for (const o of orphans) counts[o.kind]++;
  return counts;
}
