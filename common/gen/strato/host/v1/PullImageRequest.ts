// Original file: strato/host/v1/host.proto


export interface PullImageRequest {
  'imageId'?: (string);
  /**
   * The pulling host; must match the client certificate.
   */
  'hostId'?: (string);
}

export interface PullImageRequest__Output {
  'imageId': (string);
  /**
   * The pulling host; must match the client certificate.
   */
  'hostId': (string);
}
