// Original file: strato/network/v1/network.proto


export interface ListPortsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
  /**
   * '' = every network.
   */
  'network'?: (string);
  /**
   * '' = any device.
   */
  'deviceId'?: (string);
  'allProjects'?: (boolean);
}

export interface ListPortsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
  /**
   * '' = every network.
   */
  'network': (string);
  /**
   * '' = any device.
   */
  'deviceId': (string);
  'allProjects': (boolean);
}
