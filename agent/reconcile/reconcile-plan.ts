// What the reconciler finds about instances on this host, as a pure plan: which
// strato domains, instance directories and hypervisor logs the conductor's view does
// not account for (orphans), and which expected instances the host lacks. The host is
// the truth for what exists; the conductor for what should. Whether and when an orphan
// is removed is not decided here but in removal-plan.ts, for every kind at once.
// Conservative by design: nothing is an orphan while no conductor has said what it
// expects, nor anything being worked on. A strato domain counts as this agent's only
// when its instance directory is under this agent's state dir: a libvirtd shared with
// another agent (simulated hosts, a second state dir) holds domains that are not ours
// to judge, and a domain of ours always has its directory (its config drive is there).
import type { DomainObservation } from '../hypervisor/hypervisor.ts';
import type { Orphan } from './orphan-kinds.ts';

export interface ReconcileInput {
  /** strato domains libvirt knows. */
  domains: readonly DomainObservation[];
  /** Entry names under `<state>/instances/`. */
  instanceDirs: readonly string[];
  /** Instance ids whose hypervisor logs remain on the host (with or without a domain). */
  loggedInstances: readonly string[];
  /** The conductor's expected ids; undefined while no conductor has answered. */
  expected: ReadonlySet<string> | undefined;
  /** Instances with an operation in flight right now. */
  busy: ReadonlySet<string>;
}

export interface ReconcilePlan {
  /** Domains, directories and logs the conductor's view does not account for. */
  orphans: Orphan[];
  /** Expected instances with no domain on this host (reported by their absence). */
  missingExpected: string[];
  /** Entries that are not instance ids (left alone, logged). */
  strayEntries: string[];
  /** strato domains with no directory under this agent's state dir: another agent's (never touched). */
  foreignDomains: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function planReconcile(input: ReconcileInput): ReconcilePlan {
  const domainIds = new Set(input.domains.map((d) => d.instanceId));
  const dirs = new Set(input.instanceDirs.filter((n) => UUID.test(n)));
  const plan: ReconcilePlan = {
    orphans: [],
    missingExpected: [],
    strayEntries: input.instanceDirs.filter((n) => !UUID.test(n)).sort(),
    foreignDomains: [...domainIds].filter((id) => !dirs.has(id)).sort(),
  };
  const expected = input.expected;
  if (expected === undefined) return plan;
  const unaccounted = (id: string): boolean => !expected.has(id) && !input.busy.has(id);
  for (const id of [...domainIds].sort()) {
    if (dirs.has(id) && unaccounted(id)) plan.orphans.push({ kind: 'domains', name: id });
  }
  for (const id of [...dirs].sort()) {
    if (!domainIds.has(id) && unaccounted(id)) plan.orphans.push({ kind: 'instanceDirs', name: id });
  }
  for (const id of [...new Set(input.loggedInstances)].sort()) {
    if (!domainIds.has(id) && UUID.test(id) && unaccounted(id)) plan.orphans.push({ kind: 'domainLogs', name: id });
  }
  for (const id of [...expected].sort()) {
    if (!domainIds.has(id) && !input.busy.has(id)) plan.missingExpected.push(id);
  }
  return plan;
}
