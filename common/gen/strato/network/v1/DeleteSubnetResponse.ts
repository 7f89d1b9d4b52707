// Original file: strato/network/v1/network.proto


export interface DeleteSubnetResponse {
}

export interface DeleteSubnetResponse__Output {
}
