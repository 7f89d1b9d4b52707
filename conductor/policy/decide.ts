// The decision for one call, pure: may this principal call an RPC with this
// rule? PERMISSION_DENIED only for what the caller's own token lacks (a role
// too weak in its own project, or not the cloud admin), never for whom a
// resource belongs to: that is the services' NOT_FOUND, so nothing of another
// project is revealed.
import { StratoError } from '../../common/errors.ts';
import { ADMIN_PROJECT, type Principal, roleAtLeast } from '../identity/model.ts';
import type { Rule } from './rule.ts';

/** The RPC's short name for messages: `CreateServer` of `/strato.compute.v1.Servers/CreateServer`. */
export const rpcName = (method: string): string => method.slice(method.lastIndexOf('/') + 1);

/** Throws PERMISSION_DENIED (ADMIN_REQUIRED, ROLE_REQUIRED) unless `p` may call `method`. */
export function authorize(rule: Rule, p: Principal, method: string): void {
  switch (rule.allow) {
    case 'public':
    case 'authenticated':
      return;
    case 'admin':
      if (p.role === 'admin') return;
      throw new StratoError(
        'PERMISSION_DENIED',
        'ADMIN_REQUIRED',
        `${rpcName(method)} needs the admin role in project ${ADMIN_PROJECT}`,
      );
    default:
      if (roleAtLeast(p.role, rule.allow)) return;
      throw new StratoError(
        'PERMISSION_DENIED',
        'ROLE_REQUIRED',
        `${rpcName(method)} needs the ${rule.allow} role in project ${p.projectName}; this token has ${p.role}`,
        { details: { role: rule.allow } },
      );
  }
}
