// Original file: strato/network/v1/network.proto


export interface DeletePortResponse {
}

export interface DeletePortResponse__Output {
}
