// Original file: strato/image/v1/image.proto


export interface UploadImageRequest {
  /**
   * Required on the first message, ignored afterwards.
   */
  'imageId'?: (string);
  'data'?: (Buffer | Uint8Array | string);
}

export interface UploadImageRequest__Output {
  /**
   * Required on the first message, ignored afterwards.
   */
  'imageId': (string);
  'data': (Buffer);
}
