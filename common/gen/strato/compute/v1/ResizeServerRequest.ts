// Original file: strato/compute/v1/server_move.proto


export interface ResizeServerRequest {
  'server'?: (string);
  /**
   * Flavor id or name.
   */
  'flavor'?: (string);
}

export interface ResizeServerRequest__Output {
  'server': (string);
  /**
   * Flavor id or name.
   */
  'flavor': (string);
}
