// Original file: strato/compute/v1/server.proto


export interface ServerAddresses {
  'ips'?: (string)[];
}

export interface ServerAddresses__Output {
  'ips': (string)[];
}
