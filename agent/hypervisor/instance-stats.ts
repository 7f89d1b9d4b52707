// Per-instance resource counters, as plain data: what the agent's metrics export
// (agent/metrics/instance-metrics.ts). Only backends that can count implement
// InstanceStatsSource (libvirt: connectGetAllDomainStats, one call for every
// domain); it sits beside the Hypervisor seam rather than in it, so a backend
// without counters (the fake) still is a whole hypervisor.

export interface DiskCounters {
  /** The guest's device name, e.g. `vda`. */
  device: string;
  readBytes: number;
  writeBytes: number;
}

export interface NicCounters {
  /** The host's tap, e.g. `tap0123456789a`. */
  interface: string;
  rxBytes: number;
  txBytes: number;
}

export interface InstanceStats {
  instanceId: string;
  /** CPU time the guest used, all vCPUs together; absent when not running. */
  cpuSeconds?: number;
  /** Memory the guest has now (the balloon's current size). */
  memoryBytes?: number;
  /** Memory its process holds resident on the host. */
  memoryRssBytes?: number;
  disks: DiskCounters[];
  nics: NicCounters[];
}

export interface InstanceStatsSource {
  /** The counters of every running strato instance on the host. */
  instanceStats(): Promise<InstanceStats[]>;
}
