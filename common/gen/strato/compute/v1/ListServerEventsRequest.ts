// Original file: strato/compute/v1/server.proto


export interface ListServerEventsRequest {
  'server'?: (string);
}

export interface ListServerEventsRequest__Output {
  'server': (string);
}
