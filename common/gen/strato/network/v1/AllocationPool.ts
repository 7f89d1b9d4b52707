// Original file: strato/network/v1/network.proto


/**
 * An inclusive range of addresses.
 */
export interface AllocationPool {
  'start'?: (string);
  'end'?: (string);
}

/**
 * An inclusive range of addresses.
 */
export interface AllocationPool__Output {
  'start': (string);
  'end': (string);
}
