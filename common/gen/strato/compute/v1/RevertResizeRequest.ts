// Original file: strato/compute/v1/server_move.proto


export interface RevertResizeRequest {
  'server'?: (string);
}

export interface RevertResizeRequest__Output {
  'server': (string);
}
