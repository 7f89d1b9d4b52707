// Original file: strato/compute/v1/keypair.proto


export interface DeleteKeyPairResponse {
}

export interface DeleteKeyPairResponse__Output {
}
