// Original file: strato/network/v1/router.proto


export interface GetRouterRequest {
  'router'?: (string);
}

export interface GetRouterRequest__Output {
  'router': (string);
}
