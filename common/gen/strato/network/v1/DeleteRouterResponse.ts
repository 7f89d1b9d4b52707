// Original file: strato/network/v1/router.proto


export interface DeleteRouterResponse {
}

export interface DeleteRouterResponse__Output {
}
