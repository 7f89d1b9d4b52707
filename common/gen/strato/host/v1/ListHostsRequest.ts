// Original file: strato/host/v1/host.proto


export interface ListHostsRequest {
  /**
   * 0 means the default (100); at most 1000.
   */
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListHostsRequest__Output {
  /**
   * 0 means the default (100); at most 1000.
   */
  'pageSize': (number);
  'pageToken': (string);
}
