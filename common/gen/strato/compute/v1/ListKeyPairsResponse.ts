// Original file: strato/compute/v1/keypair.proto

import type { KeyPair as _strato_compute_v1_KeyPair, KeyPair__Output as _strato_compute_v1_KeyPair__Output } from '../../../strato/compute/v1/KeyPair.ts';

export interface ListKeyPairsResponse {
  'keyPairs'?: (_strato_compute_v1_KeyPair)[];
  'nextPageToken'?: (string);
}

export interface ListKeyPairsResponse__Output {
  'keyPairs': (_strato_compute_v1_KeyPair__Output)[];
  'nextPageToken': (string);
}
