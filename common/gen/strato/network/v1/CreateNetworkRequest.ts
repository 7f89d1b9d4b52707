// Original file: strato/network/v1/network.proto


export interface CreateNetworkRequest {
  'name'?: (string);
  'providerType'?: (string);
  'physicalBridge'?: (string);
  'mtu'?: (number);
}

export interface CreateNetworkRequest__Output {
  'name': (string);
  'providerType': (string);
  'physicalBridge': (string);
  'mtu': (number);
}
