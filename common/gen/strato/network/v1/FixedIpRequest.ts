// Original file: strato/network/v1/network.proto


/**
 * One requested address: a subnet (id or name), an address, or both.
 */
export interface FixedIpRequest {
  'subnet'?: (string);
  'ipAddress'?: (string);
}

/**
 * One requested address: a subnet (id or name), an address, or both.
 */
export interface FixedIpRequest__Output {
  'subnet': (string);
  'ipAddress': (string);
}
