// Original file: strato/host/v1/host.proto


export interface RenewCertificateResponse {
  'certificatePem'?: (string);
  'serial'?: (string);
  'notAfter'?: (string);
}

export interface RenewCertificateResponse__Output {
  'certificatePem': (string);
  'serial': (string);
  'notAfter': (string);
}
