// Original file: strato/network/v1/network.proto

import type { FixedIpRequest as _strato_network_v1_FixedIpRequest, FixedIpRequest__Output as _strato_network_v1_FixedIpRequest__Output } from '../../../strato/network/v1/FixedIpRequest.ts';

export interface CreatePortRequest {
  /**
   * '' = unnamed.
   */
  'name'?: (string);
  'network'?: (string);
  'fixedIps'?: (_strato_network_v1_FixedIpRequest)[];
  'securityGroups'?: (string)[];
  'noSecurityGroups'?: (boolean);
  'macAddress'?: (string);
  'deviceId'?: (string);
  'deviceOwner'?: (string);
  'bindingHost'?: (string);
}

export interface CreatePortRequest__Output {
  /**
   * '' = unnamed.
   */
  'name': (string);
  'network': (string);
  'fixedIps': (_strato_network_v1_FixedIpRequest__Output)[];
  'securityGroups': (string)[];
  'noSecurityGroups': (boolean);
  'macAddress': (string);
  'deviceId': (string);
  'deviceOwner': (string);
  'bindingHost': (string);
}
