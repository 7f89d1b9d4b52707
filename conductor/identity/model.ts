// Identity records as stored, and the Principal every authenticated call carries.

export type Role = 'admin' | 'member';
export const ROLES: readonly Role[] = ['admin', 'member'];

/** The project whose admins administer the whole cloud (Keystone's cloud admin). */
export const ADMIN_PROJECT = 'admin';

export interface ProjectRecord {
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface UserRecord {
  id: string;
  name: string;
  projectId: string;
  role: Role;
  /** See password.ts for the format. */
  passwordHash: string;
  createdAt: string;
}

export interface TokenRecord {
  userId: string;
  projectId: string;
  /** Project names never change, so the admin check needs no extra read. */
  projectName: string;
  issuedAtMs: number;
  expiresAtMs: number;
}

/** Who is calling, as established from a bearer token. */
export interface Principal {
  userId: string;
  userName: string;
  projectId: string;
  projectName: string;
  /**
   * Effective role: 'admin' only for a user with role admin in the admin project;
   * an admin-role user of any other project acts as a member (cloud-wide power is
   * never granted by a role in an ordinary project).
   */
  role: Role;
  /** sha256 (hex) of the bearer token: what Logout revokes. */
  tokenHash: string;
  expiresAtMs: number;
}

export function effectiveRole(userRole: Role, projectName: string): Role {
  return userRole === 'admin' && projectName === ADMIN_PROJECT ? 'admin' : 'member';
}
