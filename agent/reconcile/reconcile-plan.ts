// What a (re)starting agent does about what it finds on the host, as a pure plan.
// The host is the truth for what exists; the conductor is the truth for what
// should. Conservative by design: nothing is removed while no conductor has
// said what it expects, nor anything being worked on. An instance directory
// with no domain and not expected is debris of a spawn or delete cut short: it
// goes at once. A domain the conductor does not expect (e.g. deleted while this
// host was down) goes only after it stayed unexpected for a grace period, so a
// conductor's passing confusion (a restore, a slow replica) costs no guest.
import type { DomainObservation } from '../hypervisor/hypervisor.ts';

export interface ReconcileInput {
  /** strato domains libvirt knows. */
  domains: readonly DomainObservation[];
  /** Entry names under `<state>/instances/`. */
  instanceDirs: readonly string[];
  /** The conductor's expected ids; undefined while no conductor has answered. */
  expected: ReadonlySet<string> | undefined;
  /** Instances with an operation in flight right now. */
  busy: ReadonlySet<string>;
  /** When each domain was first seen unexpected (ms); the planner does not mutate it. */
  unexpectedSince?: ReadonlyMap<string, number>;
  now?: number;
  /** How long a domain must stay unexpected before it is deleted. */
  graceMs?: number;
}

export interface ReconcilePlan {
  /** Directories to remove (instance ids). */
  removeDirs: string[];
  /** Domains the conductor does not expect (kept for now, logged). */
  unexpectedDomains: string[];
  /** Unexpected for longer than the grace period: to delete (domain and files). */
  removeDomains: string[];
  /** Expected instances with no domain on this host (reported by their absence). */
  missingExpected: string[];
  /** Entries that are not instance ids (left alone, logged). */
  strayEntries: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function planReconcile(input: ReconcileInput): ReconcilePlan {
  const domainIds = new Set(input.domains.map((d) => d.instanceId));
  const plan: ReconcilePlan = {
    removeDirs: [],
    unexpectedDomains: [],
    removeDomains: [],
    missingExpected: [],
    strayEntries: [],
  };
  for (const name of [...input.instanceDirs].sort()) {
    if (!UUID.test(name)) {
      plan.strayEntries.push(name);
      continue;
    }
    if (domainIds.has(name) || input.busy.has(name)) continue;
    if (input.expected === undefined || input.expected.has(name)) continue;
    plan.removeDirs.push(name);
  }
  if (input.expected !== undefined) {
    for (const id of [...domainIds].sort()) {
      if (input.expected.has(id) || input.busy.has(id)) continue;
      const since = input.unexpectedSince?.get(id);
      const overdue = since !== undefined && input.graceMs !== undefined && (input.now ?? 0) - since >= input.graceMs;
      (overdue ? plan.removeDomains : plan.unexpectedDomains).push(id);
    }
    for (const id of [...input.expected].sort()) {
      if (!domainIds.has(id) && !input.busy.has(id)) plan.missingExpected.push(id);
    }
  }
  return plan;
}
