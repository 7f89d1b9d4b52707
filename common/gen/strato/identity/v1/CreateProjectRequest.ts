// Original file: strato/identity/v1/identity.proto


export interface CreateProjectRequest {
  'name'?: (string);
}

export interface CreateProjectRequest__Output {
  'name': (string);
}
