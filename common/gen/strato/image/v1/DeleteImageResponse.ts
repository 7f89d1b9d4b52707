// Original file: strato/image/v1/image.proto


export interface DeleteImageResponse {
}

export interface DeleteImageResponse__Output {
}
