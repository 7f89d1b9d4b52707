// Original file: strato/compute/v1/server_console.proto


export interface AttachConsoleResponse {
  /**
   * Bytes the guest printed.
   */
  'data'?: (Buffer | Uint8Array | string);
}

export interface AttachConsoleResponse__Output {
  /**
   * Bytes the guest printed.
   */
  'data': (Buffer);
}
