// Original file: strato/compute/v1/server_move.proto


export interface ConfirmResizeRequest {
  'server'?: (string);
}

export interface ConfirmResizeRequest__Output {
  'server': (string);
}
