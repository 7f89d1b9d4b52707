// Original file: strato/agent/v1/agent.proto


export interface InstanceStatus {
  'instanceId'?: (string);
  /**
   * running | shutdown | paused | suspended | crashed | nostate
   */
  'powerState'?: (string);
  'domainName'?: (string);
}

export interface InstanceStatus__Output {
  'instanceId': (string);
  /**
   * running | shutdown | paused | suspended | crashed | nostate
   */
  'powerState': (string);
  'domainName': (string);
}
