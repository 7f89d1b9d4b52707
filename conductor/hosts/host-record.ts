// What the conductor remembers of each hypervisor host, as stored:
//
//   /hosts/<id>    HostRecord
//
// The host id is the name in the agent's certificate (CN), so a record can only
// be written by the agent that holds that certificate (see api/registry-api.ts).
// Usage is not here: the scheduler owns it (/scheduler/usage/<id>), and what
// the volume scheduler placed on a storage host is /volumes/usage/<id>.

export const HOSTS = '/hosts/';
export const hostKey = (id: string): string => HOSTS + encodeURIComponent(id);

export interface HostCapacity {
  vcpus: number;
  ramMiB: number;
  diskGiB: number;
}

export const HOST_ROLES = ['compute', 'storage'] as const;
export type HostRole = (typeof HOST_ROLES)[number];

/** A storage host's backend and capacity as it reports them (bytes; thick accounting). */
export interface StorageFacts {
  backend: 'file' | 'lvm';
  totalBytes: number;
  /** The host's own count of what its volumes and snapshots take. */
  allocatedBytes: number;
  freeBytes: number;
  /** Volume sizes round up to a multiple of this. */
  granularityBytes: number;
  snapshotsSupported: boolean;
  snapshotsUnsupportedReason: string;
  wipePolicy: 'zero' | 'none';
  /** address:port where initiators connect. */
  iscsiPortal: string;
}

export interface HostRecord {
  id: string;
  /** host:port of the agent's gRPC server. */
  address: string;
  capacity: HostCapacity;
  /** kvm | qemu, as the agent detected it. */
  virtType: string;
  agentVersion: string;
  /** The host's VXLAN underlay (tunnel endpoint) IPv4 address; '' or absent when it gave none. */
  underlayIp?: string;
  /** Absent on records of agents older than roles: compute only. */
  roles?: HostRole[];
  /** With the storage role: the last report. */
  storage?: StorageFacts;
  /** Conductor clock (ms) of that report. */
  storageReportedAtMs?: number;
  /** Operator switch; a disabled host keeps its instances but gets no new ones. */
  enabled: boolean;
  /** Conductor clock (ms) when the last Register or Heartbeat arrived; 0 never. */
  lastHeartbeatMs: number;
  registeredAt: string;
}

/** The host's roles; a record without any (an older agent) is a compute host. */
export function rolesOf(h: Pick<HostRecord, 'roles'>): HostRole[] {
  return h.roles && h.roles.length > 0 ? h.roles : ['compute'];
}
