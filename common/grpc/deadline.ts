// Every call has a deadline. A call without an explicit one gets the client's
// default, shortened to the deadline of the incoming call being served (if
// any): work done for a caller who has given up is wasted work.
import { type Deadline, InterceptingCall, type Interceptor } from '@grpc/grpc-js';
import { currentContext } from './request-id.ts';

/** @default for clients that do not choose one. */
export const DEFAULT_DEADLINE_MS = 10_000;

export function deadlineAfter(ms: number): Date {
  return new Date(Date.now() + ms);
}

/** A grpc-js deadline in ms since the epoch (Infinity when there is none). */
export function deadlineMs(deadline: Deadline | undefined): number {
  if (deadline === undefined) return Number.POSITIVE_INFINITY;
  return deadline instanceof Date ? deadline.getTime() : deadline;
}

/** Milliseconds left before the deadline, never negative. */
export function remainingMs(deadline: Deadline | undefined): number {
  return Math.max(0, deadlineMs(deadline) - Date.now());
}

/** Client interceptor giving calls without a deadline `defaultMs` (or the inherited one, if sooner). */
export function defaultDeadlineInterceptor(defaultMs: number = DEFAULT_DEADLINE_MS): Interceptor {
  return (options, nextCall) => {
    if (options.deadline !== undefined) return new InterceptingCall(nextCall(options));
    const inherited = currentContext()?.deadlineMs ?? Number.POSITIVE_INFINITY;
    const deadline = Math.min(Date.now() + defaultMs, inherited);
    return new InterceptingCall(nextCall({ ...options, deadline }));
  };
}
