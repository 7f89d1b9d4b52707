// Original file: strato/compute/v1/server_console.proto


export interface AttachConsoleRequest {
  /**
   * The first message only: the server's name or id.
   */
  'server'?: (string);
  /**
   * Bytes typed into the guest.
   */
  'data'?: (Buffer | Uint8Array | string);
}

export interface AttachConsoleRequest__Output {
  /**
   * The first message only: the server's name or id.
   */
  'server': (string);
  /**
   * Bytes typed into the guest.
   */
  'data': (Buffer);
}
