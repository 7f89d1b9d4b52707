// Claims turn a selection into reserved capacity. Pure: a claim re-checks the fit
// against the snapshot it is given and returns the next snapshot; committing it
// atomically is the caller's job (store-claimer.ts: a transaction that compares the
// usage record's modRevision with the one the snapshot was built from).
import { RESOURCE_KEYS, shortfall } from './resources.ts';
import type { HostSnapshot, Resources } from './types.ts';

const UNITS = { vcpus: 'vCPU', ramMiB: 'MiB RAM', diskGiB: 'GiB disk' } as const;

/** The host with `flavor` added to its usage, or why it no longer fits. */
export function applyClaim(host: HostSnapshot, flavor: Resources): HostSnapshot | string {
  for (const key of RESOURCE_KEYS) {
    const why = shortfall(host, key, flavor[key], UNITS[key]);
    if (why !== null) return why;
  }
  return {
    ...host,
    usage: {
      vcpus: host.usage.vcpus + flavor.vcpus,
      ramMiB: host.usage.ramMiB + flavor.ramMiB,
      diskGiB: host.usage.diskGiB + flavor.diskGiB,
    },
    instanceCount: host.instanceCount + 1,
  };
}

/**
 * The host with `flavor` removed from its usage. Clamped at zero so a release that
 * races a usage resync cannot produce negative free space; callers key releases by
 * instance id so a flavor is released at most once.
 */
export function releaseClaim<T extends Pick<HostSnapshot, 'usage' | 'instanceCount'>>(host: T, flavor: Resources): T {
  return {
    ...host,
    usage: {
      vcpus: Math.max(0, host.usage.vcpus - flavor.vcpus),
      ramMiB: Math.max(0, host.usage.ramMiB - flavor.ramMiB),
      diskGiB: Math.max(0, host.usage.diskGiB - flavor.diskGiB),
    },
    instanceCount: Math.max(0, host.instanceCount - 1),
  };
}
