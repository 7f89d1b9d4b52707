// Original file: strato/network/v1/network.proto


export interface DeleteNetworkResponse {
}

export interface DeleteNetworkResponse__Output {
}
