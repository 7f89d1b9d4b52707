// Original file: strato/agent/v1/agent.proto


export interface ConsoleOutput {
  /**
   * Bytes the guest printed.
   */
  'data'?: (Buffer | Uint8Array | string);
}

export interface ConsoleOutput__Output {
  /**
   * Bytes the guest printed.
   */
  'data': (Buffer);
}
