// Where routers run: an enabled, up host with the "network" role, the one
// carrying the fewest routers (ties by host id, so placement is predictable).
import { failedPrecondition } from '../../common/errors.ts';
import { HOSTS, type HostRecord, hostKey, rolesOf } from '../hosts/host-record.ts';
import { hostState } from '../hosts/host-state.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listAll } from '../store/list-all.ts';
import type { Store } from '../store/store.ts';

export interface RouterHosts {
  /** Ids of the hosts a new router may go to now. */
  candidates(): Promise<string[]>;
  /** Whether the host is heartbeating (a router there is ACTIVE). */
  isUp(hostId: string): Promise<boolean>;
}

export const NO_ROUTER_HOSTS: RouterHosts = {
  candidates: async () => [],
  isUp: async () => false,
};

/** The host among `candidates` with the fewest routers in `counts`; undefined when there is none. */
export function pickRouterHost(candidates: readonly string[], counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  for (const h of [...candidates].sort()) {
    if (best === undefined || (counts.get(h) ?? 0) < (counts.get(best) ?? 0)) best = h;
  }
  return best;
}

export function noNetworkHost() {
  return failedPrecondition('NO_NETWORK_HOST', 'no enabled, up host has the network role to run a router', {
    details: { role: 'network' },
  });
}

/** The conductor's hosts as router placement sees them (the host records in the store). */
export function storeRouterHosts(o: { store: Store; downTimeMs: number; clock?: () => number }): RouterHosts {
  const clock = o.clock ?? Date.now;
  const up = (h: HostRecord) => hostState(h.lastHeartbeatMs, clock(), o.downTimeMs) === 'up';
  return {
    async candidates() {
      const hosts = (await listAll<HostRecord>(o.store, HOSTS)).entries.map((e) => e.value);
      return hosts.filter((h) => h.enabled && up(h) && rolesOf(h).includes('network')).map((h) => h.id);
    },
    async isUp(hostId) {
      const h = (await getOrUndefined<HostRecord>(o.store, hostKey(hostId)))?.value;
      return h !== undefined && up(h);
    },
  };
}
