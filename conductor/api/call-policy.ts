// The one place the policy table (conductor/policy/) is enforced: a CallHook
// on the public server, run before every handler of every service. It finds
// the RPC's rule (none: refused; the conductor also refuses to start serving
// such an RPC), authenticates the bearer token unless the RPC is public,
// decides, and hands the Principal to the handler as ctx.caller. When a call
// that the table marks as mutating ends, it writes one audit line.
import { StratoError } from '../../common/errors.ts';
import type { CallContext, CallHook, CallOutcome } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import { authorize, rpcName } from '../policy/decide.ts';
import { ruleFor, uncovered } from '../policy/table.ts';
import { auditCall } from './audit.ts';
import { principalFromToken } from './auth.ts';

export function policyHook(identity: Identity): CallHook {
  return {
    async before(ctx: CallContext) {
      const rule = ruleFor(ctx.method);
      if (!rule) throw new StratoError('PERMISSION_DENIED', 'NO_POLICY', `${rpcName(ctx.method)} has no policy`);
      if (rule.allow === 'public') return undefined;
      const principal = await principalFromToken(ctx.metadata, identity);
      // Known before the decision, so a refused call's audit line says who was refused.
      ctx.caller = principal;
      authorize(rule, principal, ctx.method);
      return principal;
    },
    after(ctx: CallContext, outcome: CallOutcome) {
      if (ruleFor(ctx.method)?.mutates) auditCall(ctx, outcome);
    },
  };
}

/** Throws unless every method of `services` (their full method paths) has a rule. */
export function assertPolicyCovers(methods: Iterable<string>): void {
  const missing = uncovered(methods);
  if (missing.length > 0) throw new Error(`RPCs without a policy (conductor/policy/table.ts): ${missing.join(', ')}`);
}
