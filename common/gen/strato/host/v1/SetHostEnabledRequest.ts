// Original file: strato/host/v1/host.proto


export interface SetHostEnabledRequest {
  'host'?: (string);
  'enabled'?: (boolean);
}

export interface SetHostEnabledRequest__Output {
  'host': (string);
  'enabled': (boolean);
}
