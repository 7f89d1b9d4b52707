// Original file: strato/identity/v1/identity.proto


export interface CreateProjectRequest {
  'name'?: (string);
  'description'?: (string);
}

export interface CreateProjectRequest__Output {
  'name': (string);
  'description': (string);
}
