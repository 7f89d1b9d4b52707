// Original file: strato/network/v1/network.proto

import type { Subnet as _strato_network_v1_Subnet, Subnet__Output as _strato_network_v1_Subnet__Output } from '../../../strato/network/v1/Subnet.ts';

export interface ListSubnetsResponse {
  'subnets'?: (_strato_network_v1_Subnet)[];
  'nextPageToken'?: (string);
}

export interface ListSubnetsResponse__Output {
  'subnets': (_strato_network_v1_Subnet__Output)[];
  'nextPageToken': (string);
}
