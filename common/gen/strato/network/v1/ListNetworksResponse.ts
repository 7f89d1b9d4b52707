// Original file: strato/network/v1/network.proto

import type { Network as _strato_network_v1_Network, Network__Output as _strato_network_v1_Network__Output } from '../../../strato/network/v1/Network.ts';

export interface ListNetworksResponse {
  'networks'?: (_strato_network_v1_Network)[];
  'nextPageToken'?: (string);
}

export interface ListNetworksResponse__Output {
  'networks': (_strato_network_v1_Network__Output)[];
  'nextPageToken': (string);
}
