// Identity records as messages. Never a password hash, never a token hash.
import type { Project } from '../../common/gen/strato/identity/v1/Project.ts';
import type { User } from '../../common/gen/strato/identity/v1/User.ts';
import { isEnabled, type ProjectRecord, type Role, type UserRecord } from '../identity/model.ts';

export function projectToProto(p: ProjectRecord): Project {
  return {
    id: p.id,
    name: p.name,
    description: p.description ?? '',
    createdAt: p.createdAt,
    updatedAt: p.updatedAt ?? '',
  };
}

/** `role`: the role to show (in the default project, or the token's effective role). */
export function userToProto(u: UserRecord, role: Role | '' = ''): User {
  return {
    id: u.id,
    name: u.name,
    projectId: u.projectId,
    role,
    createdAt: u.createdAt,
    enabled: isEnabled(u),
    updatedAt: u.updatedAt ?? '',
  };
}

export const iso = (ms: number): string => new Date(ms).toISOString();
