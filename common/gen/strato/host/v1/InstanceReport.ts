// Original file: strato/host/v1/host.proto


/**
 * What the host sees of one instance.
 */
export interface InstanceReport {
  'instanceId'?: (string);
  /**
   * running | shutdown | paused | suspended | crashed | nostate | absent
   */
  'powerState'?: (string);
  /**
   * The last lifecycle event that led here (e.g. "stopped/shutdown"), for
   * the instance's event list.
   */
  'event'?: (string);
  'observedAt'?: (string);
}

/**
 * What the host sees of one instance.
 */
export interface InstanceReport__Output {
  'instanceId': (string);
  /**
   * running | shutdown | paused | suspended | crashed | nostate | absent
   */
  'powerState': (string);
  /**
   * The last lifecycle event that led here (e.g. "stopped/shutdown"), for
   * the instance's event list.
   */
  'event': (string);
  'observedAt': (string);
}
