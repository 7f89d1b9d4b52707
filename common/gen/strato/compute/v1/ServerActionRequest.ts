// Original file: strato/compute/v1/server.proto


export interface ServerActionRequest {
  'server'?: (string);
  /**
   * start | stop | reboot | pause | unpause | suspend | resume
   */
  'action'?: (string);
  /**
   * reboot and stop: skip ACPI and act at once.
   */
  'hard'?: (boolean);
}

export interface ServerActionRequest__Output {
  'server': (string);
  /**
   * start | stop | reboot | pause | unpause | suspend | resume
   */
  'action': (string);
  /**
   * reboot and stop: skip ACPI and act at once.
   */
  'hard': (boolean);
}
