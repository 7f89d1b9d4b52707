// Original file: strato/network/v1/network.proto

import type { SecurityGroup as _strato_network_v1_SecurityGroup, SecurityGroup__Output as _strato_network_v1_SecurityGroup__Output } from '../../../strato/network/v1/SecurityGroup.ts';

export interface ListSecurityGroupsResponse {
  'securityGroups'?: (_strato_network_v1_SecurityGroup)[];
  'nextPageToken'?: (string);
}

export interface ListSecurityGroupsResponse__Output {
  'securityGroups': (_strato_network_v1_SecurityGroup__Output)[];
  'nextPageToken': (string);
}
