// Original file: strato/volume/v1/volume.proto


export interface Fault {
  /**
   * The gRPC code name of the failure (e.g. RESOURCE_EXHAUSTED).
   */
  'code'?: (string);
  /**
   * Its stable reason (e.g. INSUFFICIENT_CAPACITY, DETACH_TIMEOUT).
   */
  'reason'?: (string);
  /**
   * What happened, in words a user can act on.
   */
  'message'?: (string);
  'at'?: (string);
}

export interface Fault__Output {
  /**
   * The gRPC code name of the failure (e.g. RESOURCE_EXHAUSTED).
   */
  'code': (string);
  /**
   * Its stable reason (e.g. INSUFFICIENT_CAPACITY, DETACH_TIMEOUT).
   */
  'reason': (string);
  /**
   * What happened, in words a user can act on.
   */
  'message': (string);
  'at': (string);
}
