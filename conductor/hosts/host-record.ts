// What the conductor remembers of each hypervisor host, as stored:
//
//   /hosts/<id>    HostRecord
//
// The host id is the name in the agent's certificate (CN), so a record can only
// be written by the agent that holds that certificate (see api/registry-api.ts).
// Usage is not here: the scheduler owns it (/scheduler/usage/<id>), and what
// the volume scheduler placed on a storage host is /volumes/usage/<id>.

import type { OrphanKind } from '../../common/orphan-kinds.ts';

export const HOSTS = '/hosts/';
export const hostKey = (id: string): string => HOSTS + encodeURIComponent(id);

export interface HostCapacity {
  vcpus: number;
  ramMiB: number;
  diskGiB: number;
}

export const HOST_ROLES = ['compute', 'storage', 'network'] as const;
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

/** The kinds of orphans an agent counts (strato.host.v1.Orphans, camelCase). */
export { ORPHAN_KINDS, type OrphanKind } from '../../common/orphan-kinds.ts';
/** Per kind; a kind absent counts 0. */
export type OrphanCounts = Partial<Record<OrphanKind, number>>;

/** What an agent says about itself beside its instances, with every Register and Heartbeat. */
export interface HostSelfReport {
  /** Why the host cannot do all it should; empty when healthy. */
  degradedReasons: string[];
  orphans: OrphanCounts;
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
  /** When the agent process started (RFC 3339, its clock), as it last registered; absent or '' when unsaid. */
  agentStartedAt?: string;
  /** As the agent last reported (absent from records of older conductors: none). */
  degradedReasons?: string[];
  orphans?: OrphanCounts;
}

/** The host's roles; a record without any (an older agent) is a compute host. */
export function rolesOf(h: Pick<HostRecord, 'roles'>): HostRole[] {
  return h.roles && h.roles.length > 0 ? h.roles : ['compute'];
}
