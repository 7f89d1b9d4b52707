// Original file: strato/compute/v1/server.proto


export interface ServerEvent {
  'action'?: (string);
  'requestId'?: (string);
  'userId'?: (string);
  'projectId'?: (string);
  'startedAt'?: (string);
  'finishedAt'?: (string);
  /**
   * "" while running, then "success" or "error".
   */
  'result'?: (string);
  'error'?: (string);
}

export interface ServerEvent__Output {
  'action': (string);
  'requestId': (string);
  'userId': (string);
  'projectId': (string);
  'startedAt': (string);
  'finishedAt': (string);
  /**
   * "" while running, then "success" or "error".
   */
  'result': (string);
  'error': (string);
}
