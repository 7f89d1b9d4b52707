// Original file: strato/network/v1/router.proto


export interface ClearRouterGatewayRequest {
  'router'?: (string);
}

export interface ClearRouterGatewayRequest__Output {
  'router': (string);
}
