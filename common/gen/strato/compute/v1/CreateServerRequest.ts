// Original file: strato/compute/v1/server.proto

import type { ServerNetwork as _strato_compute_v1_ServerNetwork, ServerNetwork__Output as _strato_compute_v1_ServerNetwork__Output } from '../../../strato/compute/v1/ServerNetwork.ts';

export interface CreateServerRequest {
  'name'?: (string);
  /**
   * Image id or name.
   */
  'image'?: (string);
  /**
   * Flavor id or name.
   */
  'flavor'?: (string);
  /**
   * Passed to the guest on the config drive (openstack/latest/user_data).
   */
  'userData'?: (Buffer | Uint8Array | string);
  /**
   * Admin only: place on this host, bypassing the weighers (filters still
   * apply).
   */
  'host'?: (string);
  'metadata'?: ({[key: string]: string});
  /**
   * NICs, in guest order; none = a server without network.
   */
  'networks'?: (_strato_compute_v1_ServerNetwork)[];
}

export interface CreateServerRequest__Output {
  'name': (string);
  /**
   * Image id or name.
   */
  'image': (string);
  /**
   * Flavor id or name.
   */
  'flavor': (string);
  /**
   * Passed to the guest on the config drive (openstack/latest/user_data).
   */
  'userData': (Buffer);
  /**
   * Admin only: place on this host, bypassing the weighers (filters still
   * apply).
   */
  'host': (string);
  'metadata': ({[key: string]: string});
  /**
   * NICs, in guest order; none = a server without network.
   */
  'networks': (_strato_compute_v1_ServerNetwork__Output)[];
}
