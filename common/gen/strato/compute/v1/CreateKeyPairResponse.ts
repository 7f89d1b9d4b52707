// Original file: strato/compute/v1/keypair.proto

import type { KeyPair as _strato_compute_v1_KeyPair, KeyPair__Output as _strato_compute_v1_KeyPair__Output } from '../../../strato/compute/v1/KeyPair.ts';

export interface CreateKeyPairResponse {
  'keyPair'?: (_strato_compute_v1_KeyPair | null);
  /**
   * "-----BEGIN OPENSSH PRIVATE KEY-----" …: save it (mode 0600); shown once.
   */
  'privateKey'?: (string);
}

export interface CreateKeyPairResponse__Output {
  'keyPair': (_strato_compute_v1_KeyPair__Output | null);
  /**
   * "-----BEGIN OPENSSH PRIVATE KEY-----" …: save it (mode 0600); shown once.
   */
  'privateKey': (string);
}
