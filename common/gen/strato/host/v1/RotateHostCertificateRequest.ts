// Original file: strato/host/v1/host.proto


export interface RotateHostCertificateRequest {
  'host'?: (string);
}

export interface RotateHostCertificateRequest__Output {
  'host': (string);
}
