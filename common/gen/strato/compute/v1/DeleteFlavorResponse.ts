// Original file: strato/compute/v1/flavor.proto


export interface DeleteFlavorResponse {
}

export interface DeleteFlavorResponse__Output {
}
