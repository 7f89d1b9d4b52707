// Original file: strato/host/v1/host.proto

import type { MetadataPublicKey as _strato_host_v1_MetadataPublicKey, MetadataPublicKey__Output as _strato_host_v1_MetadataPublicKey__Output } from '../../../strato/host/v1/MetadataPublicKey.ts';

/**
 * The same facts a config drive carries (agent/config-drive/config-drive-tree.ts
 * renders both from them).
 */
export interface GetInstanceMetadataResponse {
  'instanceId'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  'availabilityZone'?: (string);
  /**
   * User metadata (meta_data.json `meta`).
   */
  'metadata'?: ({[key: string]: string});
  /**
   * Raw user data; empty = none.
   */
  'userData'?: (Buffer | Uint8Array | string);
  /**
   * network_data.json as the config drive gets it.
   */
  'networkDataJson'?: (string);
  'publicKeys'?: (_strato_host_v1_MetadataPublicKey)[];
}

/**
 * The same facts a config drive carries (agent/config-drive/config-drive-tree.ts
 * renders both from them).
 */
export interface GetInstanceMetadataResponse__Output {
  'instanceId': (string);
  'name': (string);
  'projectId': (string);
  'availabilityZone': (string);
  /**
   * User metadata (meta_data.json `meta`).
   */
  'metadata': ({[key: string]: string});
  /**
   * Raw user data; empty = none.
   */
  'userData': (Buffer);
  /**
   * network_data.json as the config drive gets it.
   */
  'networkDataJson': (string);
  'publicKeys': (_strato_host_v1_MetadataPublicKey__Output)[];
}
