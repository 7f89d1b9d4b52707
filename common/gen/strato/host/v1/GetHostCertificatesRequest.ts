// Original file: strato/host/v1/host.proto


export interface GetHostCertificatesRequest {
  'host'?: (string);
}

export interface GetHostCertificatesRequest__Output {
  'host': (string);
}
