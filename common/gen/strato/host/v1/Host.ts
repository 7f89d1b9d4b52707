// Original file: strato/host/v1/host.proto

import type { Capacity as _strato_host_v1_Capacity, Capacity__Output as _strato_host_v1_Capacity__Output } from '../../../strato/host/v1/Capacity.ts';
import type { AllocationRatio as _strato_host_v1_AllocationRatio, AllocationRatio__Output as _strato_host_v1_AllocationRatio__Output } from '../../../strato/host/v1/AllocationRatio.ts';
import type { StorageReport as _strato_host_v1_StorageReport, StorageReport__Output as _strato_host_v1_StorageReport__Output } from '../../../strato/host/v1/StorageReport.ts';
import type { Orphans as _strato_host_v1_Orphans, Orphans__Output as _strato_host_v1_Orphans__Output } from '../../../strato/host/v1/Orphans.ts';

export interface Host {
  'id'?: (string);
  'address'?: (string);
  'enabled'?: (boolean);
  /**
   * up | down
   */
  'state'?: (string);
  'lastHeartbeatAt'?: (string);
  /**
   * The physical size the agent reported (or the operator's override of it).
   */
  'capacity'?: (_strato_host_v1_Capacity | null);
  /**
   * The sum of the flavors the scheduler has claimed on the host; compare it
   * with `usable`, not with `capacity`.
   */
  'usage'?: (_strato_host_v1_Capacity | null);
  'instanceCount'?: (number);
  'virtType'?: (string);
  'agentVersion'?: (string);
  /**
   * The host's VXLAN underlay address, as it registered; may be empty.
   */
  'underlayIp'?: (string);
  /**
   * What the scheduler may claim on the host in all, per resource:
   * floor((capacity - reserved) x allocation_ratio), the "usable" of its
   * no-valid-host messages. A host is full when usage reaches it.
   */
  'usable'?: (_strato_host_v1_Capacity | null);
  /**
   * The conductor's over-commit factors applied to this host.
   */
  'allocationRatio'?: (_strato_host_v1_AllocationRatio | null);
  /**
   * Held back for the hypervisor itself before the ratio applies (zero unless
   * the operator configured a reservation).
   */
  'reserved'?: (_strato_host_v1_Capacity | null);
  /**
   * What the host does: "compute", "storage", "network" (routers run there;
   * from the agent's --roles). An
   * agent that names none (older than roles) is a compute host.
   */
  'roles'?: (string)[];
  /**
   * A storage host's backend and capacity as it last reported them; unset
   * for a host without the storage role. (What the conductor has placed
   * there is strato.volume.v1.Volumes ListVolumeBackends' allocated_bytes.)
   */
  'storage'?: (_strato_host_v1_StorageReport | null);
  /**
   * When `storage` was last reported (Register or Heartbeat).
   */
  'storageReportedAt'?: (string);
  /**
   * When the agent process started (RFC 3339, the agent's clock), as it last
   * registered; empty for an agent that does not say.
   */
  'agentStartedAt'?: (string);
  /**
   * Seconds the agent has been running, on the conductor's clock at the time
   * of the answer; 0 while the host is down or its start time is unknown.
   */
  'uptimeS'?: (number);
  /**
   * Why the host cannot do all it should, as its agent last reported it (e.g.
   * "libvirt unreachable"); empty when healthy. Stale while the host is down.
   */
  'degradedReasons'?: (string)[];
  /**
   * What the host holds that the conductor does not know of, per kind, as its
   * agent last reported it (all 0 until the agent's reconcile counts them).
   */
  'orphans'?: (_strato_host_v1_Orphans | null);
}

export interface Host__Output {
  'id': (string);
  'address': (string);
  'enabled': (boolean);
  /**
   * up | down
   */
  'state': (string);
  'lastHeartbeatAt': (string);
  /**
   * The physical size the agent reported (or the operator's override of it).
   */
  'capacity': (_strato_host_v1_Capacity__Output | null);
  /**
   * The sum of the flavors the scheduler has claimed on the host; compare it
   * with `usable`, not with `capacity`.
   */
  'usage': (_strato_host_v1_Capacity__Output | null);
  'instanceCount': (number);
  'virtType': (string);
  'agentVersion': (string);
  /**
   * The host's VXLAN underlay address, as it registered; may be empty.
   */
  'underlayIp': (string);
  /**
   * What the scheduler may claim on the host in all, per resource:
   * floor((capacity - reserved) x allocation_ratio), the "usable" of its
   * no-valid-host messages. A host is full when usage reaches it.
   */
  'usable': (_strato_host_v1_Capacity__Output | null);
  /**
   * The conductor's over-commit factors applied to this host.
   */
  'allocationRatio': (_strato_host_v1_AllocationRatio__Output | null);
  /**
   * Held back for the hypervisor itself before the ratio applies (zero unless
   * the operator configured a reservation).
   */
  'reserved': (_strato_host_v1_Capacity__Output | null);
  /**
   * What the host does: "compute", "storage", "network" (routers run there;
   * from the agent's --roles). An
   * agent that names none (older than roles) is a compute host.
   */
  'roles': (string)[];
  /**
   * A storage host's backend and capacity as it last reported them; unset
   * for a host without the storage role. (What the conductor has placed
   * there is strato.volume.v1.Volumes ListVolumeBackends' allocated_bytes.)
   */
  'storage': (_strato_host_v1_StorageReport__Output | null);
  /**
   * When `storage` was last reported (Register or Heartbeat).
   */
  'storageReportedAt': (string);
  /**
   * When the agent process started (RFC 3339, the agent's clock), as it last
   * registered; empty for an agent that does not say.
   */
  'agentStartedAt': (string);
  /**
   * Seconds the agent has been running, on the conductor's clock at the time
   * of the answer; 0 while the host is down or its start time is unknown.
   */
  'uptimeS': (number);
  /**
   * Why the host cannot do all it should, as its agent last reported it (e.g.
   * "libvirt unreachable"); empty when healthy. Stale while the host is down.
   */
  'degradedReasons': (string)[];
  /**
   * What the host holds that the conductor does not know of, per kind, as its
   * agent last reported it (all 0 until the agent's reconcile counts them).
   */
  'orphans': (_strato_host_v1_Orphans__Output | null);
}
