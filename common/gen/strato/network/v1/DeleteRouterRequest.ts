// Original file: strato/network/v1/router.proto


export interface DeleteRouterRequest {
  'router'?: (string);
}

export interface DeleteRouterRequest__Output {
  'router': (string);
}
