// Original file: strato/compute/v1/server.proto


export interface CreateServerImageRequest {
  /**
   * Server id or name.
   */
  'server'?: (string);
  /**
   * The new image's name.
   */
  'name'?: (string);
}

export interface CreateServerImageRequest__Output {
  /**
   * Server id or name.
   */
  'server': (string);
  /**
   * The new image's name.
   */
  'name': (string);
}
