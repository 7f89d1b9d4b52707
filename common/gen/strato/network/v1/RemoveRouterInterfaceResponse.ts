// Original file: strato/network/v1/router.proto


export interface RemoveRouterInterfaceResponse {
}

export interface RemoveRouterInterfaceResponse__Output {
}
