// Original file: strato/agent/v1/agent.proto


export interface GetConsoleLogRequest {
  'instanceId'?: (string);
  'lines'?: (number);
}

export interface GetConsoleLogRequest__Output {
  'instanceId': (string);
  'lines': (number);
}
