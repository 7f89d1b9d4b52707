// Original file: strato/identity/v1/identity.proto


export interface DeleteProjectResponse {
}

export interface DeleteProjectResponse__Output {
}
