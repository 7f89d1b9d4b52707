// Original file: strato/agent/v1/agent.proto


export interface DetachVolumeRequest {
  'instanceId'?: (string);
  'volumeId'?: (string);
  /**
   * How long to wait for the guest to release the disk. @default 30
   */
  'timeoutS'?: (number);
}

export interface DetachVolumeRequest__Output {
  'instanceId': (string);
  'volumeId': (string);
  /**
   * How long to wait for the guest to release the disk. @default 30
   */
  'timeoutS': (number);
}
