// strato.identity.v1.Identity's requests.
import { z } from 'zod';
import { ROLES } from '../../identity/model.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../identity/password.ts';
import { looksLikeToken } from '../../identity/tokens.ts';
import {
  bool,
  description,
  name,
  oneOf,
  optionalRef,
  pageSize,
  pageToken,
  type RequestSchemas,
  ref,
  required,
  rule,
} from './fields.ts';

const password = z
  .string()
  .check(
    rule('PASSWORD_INVALID', (v: string) =>
      v.length >= PASSWORD_MIN && v.length <= PASSWORD_MAX
        ? undefined
        : `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long`,
    ),
  );

/** A token given in full: its shape is public (43 characters of base64url). */
const token = required('TOKEN_MALFORMED', (v) =>
  looksLikeToken(v) ? undefined : 'is not a token: 43 characters of base64url',
).meta({ examples: ['A'.repeat(43)] });

export const identityRequests: RequestSchemas = {
  // Login holds no field to a format: whatever is not a user's credentials
  // answers UNAUTHENTICATED/BAD_CREDENTIALS alike (identity.proto), so that
  // neither names nor their rules can be probed through it. Its size is the
  // port's message limit.
  'strato.identity.v1.LoginRequest': z.object({ username: z.string(), password: z.string(), project: z.string() }),
  'strato.identity.v1.LogoutRequest': z.object({}),
  'strato.identity.v1.RevokeTokenRequest': z.object({ token }),
  'strato.identity.v1.WhoAmIRequest': z.object({}),
  'strato.identity.v1.CreateProjectRequest': z.object({ name, description }),
  'strato.identity.v1.GetProjectRequest': z.object({ project: ref('project') }),
  'strato.identity.v1.ListProjectsRequest': z.object({ pageSize, pageToken }),
  // Absent fields are kept; an empty description clears it.
  'strato.identity.v1.UpdateProjectRequest': z.object({
    project: ref('project'),
    name: name.optional(),
    description: description.optional(),
  }),
  'strato.identity.v1.DeleteProjectRequest': z.object({ project: ref('project') }),
  'strato.identity.v1.CreateUserRequest': z.object({
    name,
    password,
    project: ref('project'),
    role: oneOf('ROLE_INVALID', ROLES, { empty: true }),
  }),
  'strato.identity.v1.GetUserRequest': z.object({ user: ref('user') }),
  'strato.identity.v1.ListUsersRequest': z.object({ pageSize, pageToken, project: optionalRef('project') }),
  // Absent fields are kept.
  'strato.identity.v1.UpdateUserRequest': z.object({
    user: ref('user'),
    name: name.optional(),
    password: password.optional(),
    enabled: bool.optional(),
    project: ref('project').optional(),
  }),
  'strato.identity.v1.DeleteUserRequest': z.object({ user: ref('user') }),
  // Add and Remove: the role is required here.
  'strato.identity.v1.RoleAssignmentRequest': z.object({
    user: ref('user'),
    project: ref('project'),
    role: oneOf('ROLE_INVALID', ROLES),
  }),
  'strato.identity.v1.ListRoleAssignmentsRequest': z.object({
    pageSize,
    pageToken,
    user: optionalRef('user'),
    project: optionalRef('project'),
  }),
};
