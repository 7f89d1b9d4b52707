// Original file: strato/compute/v1/server.proto


export interface RemoveServerPortRequest {
  'server'?: (string);
  /**
   * Port id or name.
   */
  'port'?: (string);
}

export interface RemoveServerPortRequest__Output {
  'server': (string);
  /**
   * Port id or name.
   */
  'port': (string);
}
