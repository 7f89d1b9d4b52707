// Original file: strato/identity/v1/identity.proto

import type { RoleAssignment as _strato_identity_v1_RoleAssignment, RoleAssignment__Output as _strato_identity_v1_RoleAssignment__Output } from '../../../strato/identity/v1/RoleAssignment.ts';

export interface ListRoleAssignmentsResponse {
  'assignments'?: (_strato_identity_v1_RoleAssignment)[];
  'nextPageToken'?: (string);
}

export interface ListRoleAssignmentsResponse__Output {
  'assignments': (_strato_identity_v1_RoleAssignment__Output)[];
  'nextPageToken': (string);
}
