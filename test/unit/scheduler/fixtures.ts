// Small builders for scheduler tests: a roomy, up, enabled host unless told otherwise.
import type { HostSnapshot, PlacementRequest, Resources } from '../../../conductor/scheduler/types.ts';

export const NOW = 1_000_000_000;

export interface HostOverrides extends Partial<Omit<HostSnapshot, 'capacity' | 'usage' | 'allocationRatio'>> {
  capacity?: Partial<Resources>;
  usage?: Partial<Resources>;
  allocationRatio?: Partial<HostSnapshot['allocationRatio']>;
}

export function host(hostId: string, o: HostOverrides = {}): HostSnapshot {
  const { capacity, usage, allocationRatio, ...rest } = o;
  return {
    hostId,
    enabled: true,
    lastHeartbeatMs: NOW - 1_000,
    instanceCount: 0,
    ...rest,
    capacity: { vcpus: 8, ramMiB: 16_384, diskGiB: 100, ...capacity },
    allocationRatio: { cpu: 1, ram: 1, disk: 1, ...allocationRatio },
    usage: { vcpus: 0, ramMiB: 0, diskGiB: 0, ...usage },
  };
}

export function request(flavor: Partial<Resources> = {}, o: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    requestId: 'req-1',
    instanceId: 'inst-1',
    projectId: 'proj-1',
    flavor: { vcpus: 1, ramMiB: 512, diskGiB: 1, ...flavor },
    ...o,
  };
}

export const ctx = { nowMs: NOW, downTimeMs: 60_000, isAdmin: false };
export const adminCtx = { ...ctx, isAdmin: true };
