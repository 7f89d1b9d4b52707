// Original file: strato/identity/v1/identity.proto

import type { Project as _strato_identity_v1_Project, Project__Output as _strato_identity_v1_Project__Output } from '../../../strato/identity/v1/Project.ts';

export interface ListProjectsResponse {
  'projects'?: (_strato_identity_v1_Project)[];
  'nextPageToken'?: (string);
}

export interface ListProjectsResponse__Output {
  'projects': (_strato_identity_v1_Project__Output)[];
  'nextPageToken': (string);
}
