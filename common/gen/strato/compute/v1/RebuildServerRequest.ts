// Original file: strato/compute/v1/server.proto


export interface RebuildServerRequest {
  /**
   * Server id or name.
   */
  'server'?: (string);
  /**
   * Image id or name; '' = the server's current image.
   */
  'image'?: (string);
}

export interface RebuildServerRequest__Output {
  /**
   * Server id or name.
   */
  'server': (string);
  /**
   * Image id or name; '' = the server's current image.
   */
  'image': (string);
}
