// Original file: strato/agent/v1/agent.proto


export interface ConsoleInput {
  /**
   * The first message only: whose console.
   */
  'instanceId'?: (string);
  /**
   * Bytes typed into the guest.
   */
  'data'?: (Buffer | Uint8Array | string);
}

export interface ConsoleInput__Output {
  /**
   * The first message only: whose console.
   */
  'instanceId': (string);
  /**
   * Bytes typed into the guest.
   */
  'data': (Buffer);
}
