// What one RPC of the public API requires of its caller. The table of every
// RPC is table.ts; enforcing it is one hook on the public server
// (conductor/api/call-policy.ts), run before any handler.

/**
 * The weakest caller an RPC admits: `public` (no token: Login), `authenticated`
 * (any valid token: about the caller itself), `reader` or `member` (that role
 * or a stronger one in the token's project), `admin` (the cloud admin: the
 * admin role in project admin).
 */
export type Caller = 'public' | 'authenticated' | 'reader' | 'member' | 'admin';

export interface Rule {
  allow: Caller;
  /**
   * Works on resources of the caller's project: another project's answer
   * NOT_FOUND (never PERMISSION_DENIED), lists show the caller's project's
   * (every project's only for the cloud admin asking with all_projects).
   * Otherwise the RPC is about the cloud (flavors, hosts) or the caller.
   */
  projectScoped: boolean;
  /** Changes state: every call, whatever its outcome, is audited. */
  mutates: boolean;
}

/** Reads a project's resources. */
export const read = (allow: 'reader' | 'member' = 'reader'): Rule => ({ allow, projectScoped: true, mutates: false });
/** Creates or changes a project's resources. */
export const write = (): Rule => ({ allow: 'member', projectScoped: true, mutates: true });
/** Reads what belongs to the cloud and every project may use (flavors). */
export const cloudRead: Rule = { allow: 'reader', projectScoped: false, mutates: false };
/** What belongs to the calling user alone (its key pairs), whatever its role; another user's is NOT_FOUND. */
export const personal = (mutates: boolean): Rule => ({ allow: 'authenticated', projectScoped: false, mutates });
export const adminRead: Rule = { allow: 'admin', projectScoped: false, mutates: false };
export const adminWrite: Rule = { allow: 'admin', projectScoped: false, mutates: true };
