// Identity records as stored, and the Principal every authenticated call carries.
//
// Roles follow Keystone's default roles: a user holds roles in projects (role
// assignments: user × project × role), and a token is scoped to one project.
// `reader` reads, `member` creates and changes inside its project, `admin`
// in project `admin` is the cloud admin (everything, every project). The
// roles imply each other (admin ⊃ member ⊃ reader), so the strongest one held
// is what counts.

export type Role = 'admin' | 'member' | 'reader';
/** Weakest first. */
export const ROLES: readonly Role[] = ['reader', 'member', 'admin'];

/** Whether `held` is at least `needed` (admin ⊃ member ⊃ reader). */
export function roleAtLeast(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

/** The project whose admins administer the whole cloud (Keystone's cloud admin). */
export const ADMIN_PROJECT = 'admin';

export interface ProjectRecord {
  id: string;
  /** Unique; the admin project's never changes (tokens keep it, see TokenRecord). */
  name: string;
  /** Free text; absent in records from before descriptions. */
  description?: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt?: string;
}

export interface UserRecord {
  id: string;
  name: string;
  /** The default project: where a login without a project goes (Keystone's default_project_id). */
  projectId: string;
  /** A disabled user cannot log in and its tokens stop working at once. Absent = enabled (older records). */
  enabled?: boolean;
  /** See password.ts for the format. */
  passwordHash: string;
  /**
   * Moves on when the password changes or the user is disabled: tokens minted
   * under an older value are refused (as Keystone revokes a user's tokens
   * then). A counter, not a time, so a change in the same millisecond as a
   * login still ends that login's token. Absent = 0.
   */
  tokenEpoch?: number;
  createdAt: string;
  updatedAt?: string;
}

export function isEnabled(u: Pick<UserRecord, 'enabled'>): boolean {
  return u.enabled !== false;
}

/** The roles one user holds in one project (one record per pair; empty pairs are deleted). */
export interface RoleAssignmentRecord {
  userId: string;
  projectId: string;
  /** Non-empty, in ROLES order. */
  roles: Role[];
  updatedAt: string;
}

export interface TokenRecord {
  userId: string;
  projectId: string;
  /** The admin project's name never changes, so the cloud-admin check needs no extra read. */
  projectName: string;
  issuedAtMs: number;
  expiresAtMs: number;
  /** The user's tokenEpoch when the token was minted. Absent = 0. */
  userEpoch?: number;
}

/** Who is calling, as established from a bearer token. */
export interface Principal {
  userId: string;
  userName: string;
  /** The project the token is scoped to. */
  projectId: string;
  projectName: string;
  /**
   * Effective role in that project: the strongest role held there, except
   * that `admin` is kept only in the admin project (the cloud admin); an
   * admin of any other project acts as a member (cloud-wide power is never
   * granted by a role in an ordinary project).
   */
  role: Role;
  /** sha256 (hex) of the bearer token: what Logout revokes. */
  tokenHash: string;
  expiresAtMs: number;
}

/** The strongest of `roles` as it counts in `projectName` (see Principal.role); undefined for none. */
export function effectiveRole(roles: readonly Role[], projectName: string): Role | undefined {
  const strongest = [...ROLES].reverse().find((r) => roles.includes(r));
  if (strongest === 'admin' && projectName !== ADMIN_PROJECT) return 'member';
  return strongest;
}
