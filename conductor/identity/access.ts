// Who may see what: the access rules every service applies to the Principal
// the API layer authenticated. Which roles may call which RPC at all is the
// policy table's business (conductor/policy/), checked before any service
// runs; here is what remains for the services: a resource of another project
// is invisible (NOT_FOUND, never PERMISSION_DENIED), so it cannot even be
// detected; cloud admins see everything. Readers see what members of their
// project see.
import { StratoError } from '../../common/errors.ts';
import type { Principal } from './model.ts';

export function isAdmin(principal: Principal): boolean {
  return principal.role === 'admin';
}

/** Errors: PERMISSION_DENIED/ADMIN_REQUIRED for anyone but a cloud admin. */
export function requireAdmin(principal: Principal, what = 'this operation'): void {
  if (!isAdmin(principal)) {
    throw new StratoError('PERMISSION_DENIED', 'ADMIN_REQUIRED', `${what} needs the admin role in project admin`);
  }
}

/**
 * Whether `principal` may see a resource owned by `projectId`. Callers answer
 * NOT_FOUND (never PERMISSION_DENIED) when it may not, so other projects'
 * resources cannot even be detected.
 */
export function canSee(principal: Principal, projectId: string, isPublic = false): boolean {
  return isPublic || principal.projectId === projectId || isAdmin(principal);
}
