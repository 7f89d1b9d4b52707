// Original file: strato/network/v1/router.proto

import type { Router as _strato_network_v1_Router, Router__Output as _strato_network_v1_Router__Output } from '../../../strato/network/v1/Router.ts';

export interface ListRoutersResponse {
  'routers'?: (_strato_network_v1_Router)[];
  'nextPageToken'?: (string);
}

export interface ListRoutersResponse__Output {
  'routers': (_strato_network_v1_Router__Output)[];
  'nextPageToken': (string);
}
