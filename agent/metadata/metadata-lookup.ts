// Who a guest is, asked of the conductor (Registry.GetInstanceMetadata over the
// agent's mTLS link): by its network and source address only, never by anything the
// guest sends. Answers are kept one second, because cloud-init reads a dozen paths
// in a row; concurrent asks for the same guest share one call. Not longer: an address
// freed by a deleted server and given to a new one must never answer with the old
// server's facts, and a new guest needs far more than a second from its port's
// creation to its first HTTP request (boot, DHCP). Errors are the
// conductor's (NOT_FOUND: no such guest; UNAVAILABLE/DEADLINE_EXCEEDED: no conductor
// answered) and are not kept.
import type { GetInstanceMetadataResponse__Output } from '../../common/gen/strato/host/v1/GetInstanceMetadataResponse.ts';
import type { ConfigDriveInput } from '../config-drive/config-drive-tree.ts';
import type { ConductorLink } from '../registry/conductor-link.ts';

export interface MetadataLookup {
  /** The guest holding `ip` on `networkId`; rejects with the conductor's StratoError. */
  lookup(networkId: string, ip: string): Promise<ConfigDriveInput>;
}

export interface CachedLookupOptions {
  /** The uncached lookup. */
  fetch(networkId: string, ip: string): Promise<ConfigDriveInput>;
  /** How long an answer is reused. @default 1000 */
  ttlMs?: number;
  /** Answers kept at most (oldest dropped first). @default 256 */
  maxEntries?: number;
  /** @default Date.now */
  now?: () => number;
}

/** A lookup with a short-lived cache in front of `fetch`. */
export function cachedLookup(o: CachedLookupOptions): MetadataLookup {
  const ttl = o.ttlMs ?? 1000;
  const max = o.maxEntries ?? 256;
  const now = o.now ?? Date.now;
  // Insertion order is age order: a refreshed entry is deleted and set again.
  const cache = new Map<string, { at: number; value: Promise<ConfigDriveInput> }>();
  return {
    lookup(networkId, ip) {
      const key = `${networkId} ${ip}`;
      const hit = cache.get(key);
      if (hit !== undefined && now() - hit.at < ttl) return hit.value;
      cache.delete(key);
      const value = o.fetch(networkId, ip);
      cache.set(key, { at: now(), value });
      value.catch(() => {
        if (cache.get(key)?.value === value) cache.delete(key);
      });
      while (cache.size > max) cache.delete(cache.keys().next().value!);
      return value;
    },
  };
}

export const fromResponse = (r: GetInstanceMetadataResponse__Output): ConfigDriveInput => ({
  instanceId: r.instanceId,
  name: r.name,
  projectId: r.projectId,
  availabilityZone: r.availabilityZone,
  metadata: { ...r.metadata },
  userData: r.userData,
  networkDataJson: r.networkDataJson,
  publicKeys: r.publicKeys.map((k) => ({ name: k.name, key: k.key })),
});

/** The lookup the agent runs: the conductor over `link`, each call bounded by `timeoutMs`. */
export function registryLookup(link: ConductorLink, hostId: string, timeoutMs = 3000): MetadataLookup {
  return cachedLookup({
    fetch: async (networkId, ip) =>
      fromResponse(await link.call((r) => r.GetInstanceMetadata({ hostId, networkId, ip }, { timeoutMs }))),
  });
}
