// Original file: strato/network/v1/router.proto


export interface AddRouterInterfaceRequest {
  'router'?: (string);
  'subnet'?: (string);
}

export interface AddRouterInterfaceRequest__Output {
  'router': (string);
  'subnet': (string);
}
