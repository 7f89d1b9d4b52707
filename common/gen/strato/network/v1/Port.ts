// Original file: strato/network/v1/network.proto

import type { FixedIp as _strato_network_v1_FixedIp, FixedIp__Output as _strato_network_v1_FixedIp__Output } from '../../../strato/network/v1/FixedIp.ts';

export interface Port {
  'id'?: (string);
  /**
   * May be ''.
   */
  'name'?: (string);
  'projectId'?: (string);
  'networkId'?: (string);
  'macAddress'?: (string);
  'fixedIps'?: (_strato_network_v1_FixedIp)[];
  'securityGroupIds'?: (string)[];
  /**
   * The instance using the port; '' when free.
   */
  'deviceId'?: (string);
  /**
   * "compute:nova"-style owner of device_id, e.g. "compute"; '' when free.
   */
  'deviceOwner'?: (string);
  /**
   * The host the port is wired on; '' when unbound.
   */
  'bindingHost'?: (string);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface Port__Output {
  'id': (string);
  /**
   * May be ''.
   */
  'name': (string);
  'projectId': (string);
  'networkId': (string);
  'macAddress': (string);
  'fixedIps': (_strato_network_v1_FixedIp__Output)[];
  'securityGroupIds': (string)[];
  /**
   * The instance using the port; '' when free.
   */
  'deviceId': (string);
  /**
   * "compute:nova"-style owner of device_id, e.g. "compute"; '' when free.
   */
  'deviceOwner': (string);
  /**
   * The host the port is wired on; '' when unbound.
   */
  'bindingHost': (string);
  'createdAt': (string);
  'updatedAt': (string);
}
