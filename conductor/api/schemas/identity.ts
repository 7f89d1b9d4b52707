// strato.identity.v1.Identity's requests.
import { z } from 'zod';
import { ROLES } from '../../identity/model.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../identity/password.ts';
import { name, oneOf, pageSize, pageToken, type RequestSchemas, ref, rule } from './fields.ts';

const password = z
  .string()
  .check(
    rule('PASSWORD_INVALID', (v: string) =>
      v.length >= PASSWORD_MIN && v.length <= PASSWORD_MAX
        ? undefined
        : `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long`,
    ),
  );

export const identityRequests: RequestSchemas = {
  // Login holds no field to a format: whatever is not a user's credentials
  // answers UNAUTHENTICATED/BAD_CREDENTIALS alike (identity.proto), so that
  // neither names nor their rules can be probed through it. Its size is the
  // port's message limit.
  'strato.identity.v1.LoginRequest': z.object({ username: z.string(), password: z.string(), project: z.string() }),
  'strato.identity.v1.LogoutRequest': z.object({}),
  'strato.identity.v1.WhoAmIRequest': z.object({}),
  'strato.identity.v1.CreateProjectRequest': z.object({ name }),
  'strato.identity.v1.ListProjectsRequest': z.object({ pageSize, pageToken }),
  'strato.identity.v1.CreateUserRequest': z.object({
    name,
    password,
    project: ref('project'),
    role: oneOf('ROLE_INVALID', ROLES, { empty: true }),
  }),
};
