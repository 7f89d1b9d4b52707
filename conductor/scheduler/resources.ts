// Capacity arithmetic shared by the filters, the weigher and claims, so all three
// agree on what "fits" means. Placement's formula: usable = floor((total - reserved) × ratio).
// Flooring keeps usable capacity in whole units, so a 1.5 ratio on 3 cores is 4 vCPUs, not 4.5.
import type { HostSnapshot, Resources } from './types.ts';

export type ResourceKey = keyof Resources;

const ratioKey = { vcpus: 'cpu', ramMiB: 'ram', diskGiB: 'disk' } as const;

export function usable(host: HostSnapshot, key: ResourceKey): number {
  const reserved = host.reserved?.[key] ?? 0;
  return Math.max(0, Math.floor((host.capacity[key] - reserved) * host.allocationRatio[ratioKey[key]]));
}

/** Free after existing claims; negative when a host is already over-committed (e.g. its ratio was lowered). */
export function free(host: HostSnapshot, key: ResourceKey): number {
  return usable(host, key) - host.usage[key];
}

/** Null when `amount` of `key` fits on `host`, otherwise why not. */
export function shortfall(host: HostSnapshot, key: ResourceKey, amount: number, unit: string): string | null {
  const avail = free(host, key);
  if (amount <= avail) return null;
  return `${host.hostId}: needs ${amount} ${unit}, ${Math.max(0, avail)} free of ${usable(host, key)} usable`;
}

export const RESOURCE_KEYS: readonly ResourceKey[] = ['vcpus', 'ramMiB', 'diskGiB'];

/** Rejects flavors the arithmetic cannot handle; the API validates first, this is the last line. */
export function invalidResources(r: Resources): string | null {
  for (const key of RESOURCE_KEYS) {
    const v = r[key];
    if (!Number.isFinite(v) || v < 0) return `${key} must be a finite number >= 0, got ${v}`;
  }
  return null;
}
