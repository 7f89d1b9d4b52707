// Original file: strato/network/v1/network.proto

import type { Port as _strato_network_v1_Port, Port__Output as _strato_network_v1_Port__Output } from '../../../strato/network/v1/Port.ts';

export interface ListPortsResponse {
  'ports'?: (_strato_network_v1_Port)[];
  'nextPageToken'?: (string);
}

export interface ListPortsResponse__Output {
  'ports': (_strato_network_v1_Port__Output)[];
  'nextPageToken': (string);
}
