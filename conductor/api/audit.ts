// The audit trail: one JSON line with the constant message `audit` for every
// call that changes state (the policy table says which), whatever its outcome,
// saying who (user, project, source address), what (the RPC, with the
// request id of its log lines) and how it ended (code, reason). Never
// anything from the request or the reply: no passwords, tokens, user data or
// CHAP secrets can reach it.
import { clip } from '../../common/errors.ts';
import type { CallContext, CallOutcome } from '../../common/grpc/handlers.ts';
import { isPrincipal } from './auth.ts';

/** Who a login attempt was for, set by the Login handler (no token names the caller yet). */
export interface LoginCaller {
  userName: string;
  userId?: string;
  projectId?: string;
  projectName?: string;
}

function who(caller: unknown): Record<string, string> {
  if (isPrincipal(caller)) {
    return { userId: caller.userId, user: caller.userName, projectId: caller.projectId, project: caller.projectName };
  }
  const c = caller as Partial<LoginCaller> | undefined;
  if (typeof c?.userName !== 'string') return {};
  return {
    user: clip(c.userName, 64),
    ...(c.userId ? { userId: c.userId } : {}),
    ...(c.projectId ? { projectId: c.projectId } : {}),
    ...(c.projectName ? { project: c.projectName } : {}),
  };
}

export function auditCall(ctx: CallContext, outcome: CallOutcome): void {
  // ctx.log carries requestId and method already.
  ctx.log.info(
    {
      ...who(ctx.caller),
      source: ctx.remoteAddress,
      code: outcome.code,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      durationMs: outcome.durationMs,
    },
    'audit',
  );
}
