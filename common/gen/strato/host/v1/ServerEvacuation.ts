// Original file: strato/host/v1/host.proto


/**
 * One server of the evacuated host and what EvacuateHost does with it.
 */
export interface ServerEvacuation {
  'serverId'?: (string);
  'serverName'?: (string);
  'projectId'?: (string);
  /**
   * evacuating (a workflow rebuilds it elsewhere) | skipped (see reason)
   */
  'action'?: (string);
  /**
   * Why it is skipped (e.g. another task runs on it); empty when evacuating.
   */
  'reason'?: (string);
  /**
   * The vm_state it should end in: ACTIVE or SHUTOFF (empty when skipped).
   */
  'targetVmState'?: (string);
}

/**
 * One server of the evacuated host and what EvacuateHost does with it.
 */
export interface ServerEvacuation__Output {
  'serverId': (string);
  'serverName': (string);
  'projectId': (string);
  /**
   * evacuating (a workflow rebuilds it elsewhere) | skipped (see reason)
   */
  'action': (string);
  /**
   * Why it is skipped (e.g. another task runs on it); empty when evacuating.
   */
  'reason': (string);
  /**
   * The vm_state it should end in: ACTIVE or SHUTOFF (empty when skipped).
   */
  'targetVmState': (string);
}
