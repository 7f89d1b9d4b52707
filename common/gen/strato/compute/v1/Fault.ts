// Original file: strato/compute/v1/server.proto


export interface Fault {
  'code'?: (string);
  'reason'?: (string);
  'message'?: (string);
  'at'?: (string);
}

export interface Fault__Output {
  'code': (string);
  'reason': (string);
  'message': (string);
  'at': (string);
}
