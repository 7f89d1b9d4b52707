// Original file: strato/identity/v1/identity.proto

import type { User as _strato_identity_v1_User, User__Output as _strato_identity_v1_User__Output } from '../../../strato/identity/v1/User.ts';
import type { Project as _strato_identity_v1_Project, Project__Output as _strato_identity_v1_Project__Output } from '../../../strato/identity/v1/Project.ts';

export interface LoginResponse {
  'token'?: (string);
  'expiresAt'?: (string);
  'user'?: (_strato_identity_v1_User | null);
  'project'?: (_strato_identity_v1_Project | null);
}

export interface LoginResponse__Output {
  'token': (string);
  'expiresAt': (string);
  'user': (_strato_identity_v1_User__Output | null);
  'project': (_strato_identity_v1_Project__Output | null);
}
