// Which hosts get a network push, decided from plain data (pure, table-tested):
// the desired state of every registered host (as its message and hash), what each
// host last acknowledged, and which hosts must be pushed regardless (a host
// that registered again, a boot waiting to spawn, the periodic resync).
//
// A host whose view becomes empty is pushed the empty state (it must take its
// bridges down); a host that never had anything and still has nothing is left
// alone unless forced. Hosts the last pushes found without AgentNetwork
// (UNIMPLEMENTED) are skipped until forced, so an old agent costs one call per
// resync, not one per change. A host whose last push failed waits out its
// backoff: it is pushed when its retry is due or when it is forced by name (it
// registered again, a boot waits for it), not by every cycle another host's
// change starts nor by the periodic resync of 'all' — a thousand unreachable
// hosts must not be dialled on every registration.
import { createHash } from 'node:crypto';
import type { HostNetworkState } from '../../common/gen/strato/agent/v1/HostNetworkState.ts';

export interface DesiredHostState {
  /** What travels (desired-state-proto.ts builds it). */
  state: HostNetworkState;
  /**
   * sha256 of the message's JSON: equal states, equal hashes (the message is built in
   * a fixed field order from a view ordered by id throughout).
   */
  hash: string;
}

export function desiredHostState(state: HostNetworkState): DesiredHostState {
  return { state, hash: createHash('sha256').update(JSON.stringify(state)).digest('hex') };
}

/** The state of a host with nothing on it. */
export const emptyHostState = (): DesiredHostState => desiredHostState({ networks: [], ports: [], underlayPeers: [] });

export const EMPTY_STATE_HASH = emptyHostState().hash;

export interface PushPlanInput {
  /** Registered hosts (only these can be reached). */
  hosts: readonly string[];
  /** Desired state per host; a registered host missing here wants the empty state. */
  desired: ReadonlyMap<string, DesiredHostState>;
  /** Hash each host last acknowledged; absent = never pushed; '' = the last push failed. */
  acked: ReadonlyMap<string, string>;
  /** Hosts that answered UNIMPLEMENTED: pushed only when forced. */
  unimplemented: ReadonlySet<string>;
  /** Pushed even when unchanged; 'all' = every registered host (except those backing off). */
  force: ReadonlySet<string> | 'all';
  /** Hosts whose failed push is not due for a retry yet: pushed only when forced by name. @default none */
  backingOff?: ReadonlySet<string>;
}

export interface PlannedPush {
  hostId: string;
  desired: DesiredHostState;
  /** Why: for logs and tests. */
  why: 'forced' | 'changed' | 'unknown';
}

export function planPushes(input: PushPlanInput): PlannedPush[] {
  const out: PlannedPush[] = [];
  for (const hostId of [...new Set(input.hosts)].sort()) {
    const desired = input.desired.get(hostId) ?? emptyHostState();
    const named = input.force !== 'all' && input.force.has(hostId);
    const waiting = input.backingOff?.has(hostId) === true;
    if (named || (input.force === 'all' && !waiting)) {
      out.push({ hostId, desired, why: 'forced' });
      continue;
    }
    if (input.unimplemented.has(hostId) || waiting) continue;
    const acked = input.acked.get(hostId);
    if (acked === undefined) {
      // Never pushed: an empty host needs nothing until it gets a port (or a resync).
      if (desired.hash !== EMPTY_STATE_HASH) out.push({ hostId, desired, why: 'unknown' });
      continue;
    }
    if (acked !== desired.hash) out.push({ hostId, desired, why: 'changed' });
  }
  return out;
}

/**
 * The next generation: above the last one and at least the clock in µs, so it
 * keeps increasing across conductor restarts (and stays below 2^53 until the
 * year 2255).
 */
export function nextGeneration(last: number, nowMs: number): number {
  return Math.max(last + 1, Math.floor(nowMs) * 1000);
}
