// Original file: strato/network/v1/router.proto


export interface CreateRouterRequest {
  'name'?: (string);
  /**
   * '' = no gateway; else a network reference.
   */
  'externalGateway'?: (string);
  'disableSnat'?: (boolean);
}

export interface CreateRouterRequest__Output {
  'name': (string);
  /**
   * '' = no gateway; else a network reference.
   */
  'externalGateway': (string);
  'disableSnat': (boolean);
}
