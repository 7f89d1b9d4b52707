// Original file: strato/agent/v1/agent.proto


export interface GetConsoleLogResponse {
  'lines'?: (string)[];
}

export interface GetConsoleLogResponse__Output {
  'lines': (string)[];
}
