// Original file: strato/compute/v1/server.proto


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
}
