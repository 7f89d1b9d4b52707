// Original file: strato/host/v1/host.proto


export interface HeartbeatResponse {
  'expectedInstanceIds'?: (string)[];
}

export interface HeartbeatResponse__Output {
  'expectedInstanceIds': (string)[];
}
