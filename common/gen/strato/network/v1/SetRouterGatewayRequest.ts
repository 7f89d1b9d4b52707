// Original file: strato/network/v1/router.proto


export interface SetRouterGatewayRequest {
  'router'?: (string);
  'externalNetwork'?: (string);
  'disableSnat'?: (boolean);
}

export interface SetRouterGatewayRequest__Output {
  'router': (string);
  'externalNetwork': (string);
  'disableSnat': (boolean);
}
