// Original file: strato/identity/v1/identity.proto

import type { User as _strato_identity_v1_User, User__Output as _strato_identity_v1_User__Output } from '../../../strato/identity/v1/User.ts';

export interface ListUsersResponse {
  'users'?: (_strato_identity_v1_User)[];
  'nextPageToken'?: (string);
}

export interface ListUsersResponse__Output {
  'users': (_strato_identity_v1_User__Output)[];
  'nextPageToken': (string);
}
