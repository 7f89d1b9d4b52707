// One agent call of a volume step, and what it means: the agent answered (with a
// result, or with an error it chose: the operation failed there), or it gave no
// answer at all (its agent restarting, the host cut off, not registered right
// now). No answer is not a failure: the step waits with back-off and asks again
// (at once when the host registers again) until the operation's timeout has
// passed since it started; only then does it fail, saying which host did not
// answer and for how long, so the user knows what to fix.
import { StratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import type { AgentTarget } from '../agents/agent-api.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import type { Fault } from './model.ts';
import type { OpContext, OpOutcome } from './op-driver.ts';

export type HostCall<T> = { ok: true; value: T } | { ok: false; error: StratoError; noAnswer: boolean };

/** Where a step finds a host's agent. */
export interface HostLookup {
  get(id: string): Promise<AgentTarget | undefined>;
}

/** Runs `f` against host `hostId`'s agent; a host that is not registered counts as no answer. */
export async function callHost<T>(
  hosts: HostLookup,
  hostId: string,
  signal: AbortSignal,
  f: (host: AgentTarget) => Promise<T>,
): Promise<HostCall<T>> {
  const host = hostId === '' ? undefined : await hosts.get(hostId);
  if (!host) {
    const error = new StratoError('UNAVAILABLE', 'HOST_NOT_REGISTERED', `host ${hostId || '(none)'} is not registered`);
    return { ok: false, error, noAnswer: true };
  }
  try {
    return { ok: true, value: await f(host) };
  } catch (err) {
    if (signal.aborted) throw err;
    const error = toStratoError(err);
    return { ok: false, error, noAnswer: isNoAnswer(error) || error.reason === 'HOST_NOT_REGISTERED' };
  }
}

export function faultOf(err: Pick<StratoError, 'code' | 'reason' | 'message'>, at: string): Fault {
  return { code: err.code, reason: err.reason, message: err.message, at };
}

/** Longest single wait: a host that comes back is usually noticed sooner, by its registration. */
const MAX_WAIT_MS = 10_000;

/**
 * A host gave no answer: wait and ask again until it has been silent for
 * `timeoutMs` (a long copy that ran for a while does not count against it),
 * else `giveUp` with a fault (UNAVAILABLE/HOST_UNREACHABLE) that names the host
 * and the time waited.
 */
export function waitOrGiveUp<R>(
  ctx: OpContext,
  timeoutMs: number,
  hostId: string,
  error: StratoError,
  giveUp: (fault: Fault) => OpOutcome<R>,
): OpOutcome<R> {
  const left = ctx.silentSinceMs + timeoutMs - ctx.now();
  const why = `host ${hostId || '(none)'} did not answer: ${error.code} ${error.reason}: ${error.message}`;
  if (left > 0) return { kind: 'wait', ms: Math.min(left, MAX_WAIT_MS, 500 * 2 ** Math.min(ctx.tries, 5)), why };
  const waitedS = Math.round(timeoutMs / 1000);
  ctx.log.warn({ hostId, code: error.code, reason: error.reason, waitedS }, 'host did not answer in time');
  return giveUp({
    code: 'UNAVAILABLE',
    reason: 'HOST_UNREACHABLE',
    message: `${why} (waited ${waitedS} s); retry once the host is back`,
    at: new Date(ctx.now()).toISOString(),
  });
}
