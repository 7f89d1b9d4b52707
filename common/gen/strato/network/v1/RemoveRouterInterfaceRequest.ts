// Original file: strato/network/v1/router.proto


export interface RemoveRouterInterfaceRequest {
  'router'?: (string);
  'subnet'?: (string);
}

export interface RemoveRouterInterfaceRequest__Output {
  'router': (string);
  'subnet': (string);
}
