// Original file: strato/host/v1/host.proto

import type { Capacity as _strato_host_v1_Capacity, Capacity__Output as _strato_host_v1_Capacity__Output } from '../../../strato/host/v1/Capacity.ts';

export interface Host {
  'id'?: (string);
  'address'?: (string);
  'enabled'?: (boolean);
  /**
   * up | down
   */
  'state'?: (string);
  'lastHeartbeatAt'?: (string);
  'capacity'?: (_strato_host_v1_Capacity | null);
  'usage'?: (_strato_host_v1_Capacity | null);
  'instanceCount'?: (number);
  'virtType'?: (string);
  'agentVersion'?: (string);
  /**
   * The host's VXLAN underlay address, as it registered; may be empty.
   */
  'underlayIp'?: (string);
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
  'capacity': (_strato_host_v1_Capacity__Output | null);
  'usage': (_strato_host_v1_Capacity__Output | null);
  'instanceCount': (number);
  'virtType': (string);
  'agentVersion': (string);
  /**
   * The host's VXLAN underlay address, as it registered; may be empty.
   */
  'underlayIp': (string);
}
