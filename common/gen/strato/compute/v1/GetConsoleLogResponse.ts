// Original file: strato/compute/v1/server.proto


export interface GetConsoleLogResponse {
  'lines'?: (string)[];
}

export interface GetConsoleLogResponse__Output {
  'lines': (string)[];
}
