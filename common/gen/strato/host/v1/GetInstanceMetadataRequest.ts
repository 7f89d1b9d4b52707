// Original file: strato/host/v1/host.proto


export interface GetInstanceMetadataRequest {
  'hostId'?: (string);
  'networkId'?: (string);
  /**
   * The guest's source address (dotted IPv4).
   */
  'ip'?: (string);
}

export interface GetInstanceMetadataRequest__Output {
  'hostId': (string);
  'networkId': (string);
  /**
   * The guest's source address (dotted IPv4).
   */
  'ip': (string);
}
