// Original file: strato/compute/v1/flavor.proto

import type { Flavor as _strato_compute_v1_Flavor, Flavor__Output as _strato_compute_v1_Flavor__Output } from '../../../strato/compute/v1/Flavor.ts';

export interface ListFlavorsResponse {
  'flavors'?: (_strato_compute_v1_Flavor)[];
  'nextPageToken'?: (string);
}

export interface ListFlavorsResponse__Output {
  'flavors': (_strato_compute_v1_Flavor__Output)[];
  'nextPageToken': (string);
}
