// Original file: strato/network/v1/router.proto


export interface UpdateRouterRequest {
  'router'?: (string);
  'name'?: (string);
}

export interface UpdateRouterRequest__Output {
  'router': (string);
  'name': (string);
}
