// Original file: strato/compute/v1/server.proto


export interface GetConsoleLogRequest {
  'server'?: (string);
  /**
   * Last N lines; 0 means the default (100), capped at 10000.
   */
  'lines'?: (number);
}

export interface GetConsoleLogRequest__Output {
  'server': (string);
  /**
   * Last N lines; 0 means the default (100), capped at 10000.
   */
  'lines': (number);
}
