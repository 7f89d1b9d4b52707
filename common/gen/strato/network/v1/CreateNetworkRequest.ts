// Original file: strato/network/v1/network.proto


export interface CreateNetworkRequest {
  'name'?: (string);
  'providerType'?: (string);
  'physicalBridge'?: (string);
  'mtu'?: (number);
  /**
   * Admins only (else PERMISSION_DENIED/ADMIN_REQUIRED); provider_type must
   * be "flat" (else INVALID_ARGUMENT/EXTERNAL_NOT_FLAT).
   */
  'external'?: (boolean);
}

export interface CreateNetworkRequest__Output {
  'name': (string);
  'providerType': (string);
  'physicalBridge': (string);
  'mtu': (number);
  /**
   * Admins only (else PERMISSION_DENIED/ADMIN_REQUIRED); provider_type must
   * be "flat" (else INVALID_ARGUMENT/EXTERNAL_NOT_FLAT).
   */
  'external': (boolean);
}
