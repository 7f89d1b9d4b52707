// Original file: strato/network/v1/router.proto


export interface DeleteFloatingIpResponse {
}

export interface DeleteFloatingIpResponse__Output {
}
