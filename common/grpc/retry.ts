// Client-side retries, as a grpc-js interceptor. Only UNAVAILABLE (the server
// or the connection is not there; the call did not run) and ABORTED (a
// conflict the server asks us to retry) are retried: every other code means
// retrying would give the same answer or repeat a side effect. Only unary
// calls are retried (a stream cannot be replayed), never past the deadline.
import {
  InterceptingCall,
  type InterceptingListener,
  type Interceptor,
  Metadata,
  type StatusObject,
  status,
} from '@grpc/grpc-js';
import { deadlineMs } from './deadline.ts';

type NextCall = Parameters<Interceptor>[1];

export const RETRYABLE_CODES: ReadonlySet<status> = new Set([status.UNAVAILABLE, status.ABORTED]);

export interface RetryPolicy {
  /** Attempts in all, the first one included. @default 4 */
  maxAttempts: number;
  /** Wait before the second attempt. @default 100 */
  initialBackoffMs: number;
  /** Cap on any single wait. @default 2000 */
  maxBackoffMs: number;
  /** Growth of the wait per attempt. @default 2 */
  multiplier: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 4,
  initialBackoffMs: 100,
  maxBackoffMs: 2000,
  multiplier: 2,
};

export function withRetryDefaults(policy: Partial<RetryPolicy> = {}): RetryPolicy {
  const p = { ...DEFAULT_RETRY_POLICY, ...policy };
  if (!Number.isInteger(p.maxAttempts) || p.maxAttempts < 1)
    throw new RangeError('maxAttempts must be an integer >= 1');
  if (p.initialBackoffMs < 0 || p.maxBackoffMs < p.initialBackoffMs) {
    throw new RangeError('need 0 <= initialBackoffMs <= maxBackoffMs');
  }
  if (p.multiplier < 1) throw new RangeError('multiplier must be >= 1');
  return p;
}

/**
 * The wait after failed attempt number `attempt` (1-based): exponential,
 * capped, with "equal jitter" (half fixed, half random) so that clients that
 * failed together do not retry together, yet never retry at once.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * policy.multiplier ** (attempt - 1));
  return base / 2 + (random() * base) / 2;
}

export interface RetryEvent {
  method: string;
  attempt: number;
  code: status;
  delayMs: number;
}

export function retryInterceptor(policy: Partial<RetryPolicy> = {}, onRetry?: (e: RetryEvent) => void): Interceptor {
  const p = withRetryDefaults(policy);
  return (options, nextCall) => {
    const method = options.method_definition;
    if (method.requestStream || method.responseStream || p.maxAttempts === 1) {
      return new InterceptingCall(nextCall(options));
    }
    const deadline = deadlineMs(options.deadline);
    let outer: InterceptingListener | undefined;
    let metadata: Metadata | undefined;
    let message: unknown;
    let attempt = 1;
    let current: ReturnType<NextCall> | undefined;
    let timer: NodeJS.Timeout | undefined;
    let done = false;

    const finish = (s: StatusObject): void => {
      if (done) return;
      done = true;
      outer?.onReceiveStatus(s);
    };

    // Holds back an attempt's metadata and reply until its status says
    // whether it is the final attempt, so the caller sees exactly one.
    const attemptListener = (): InterceptingListener => {
      let headers: Metadata | undefined;
      let reply: { value: unknown } | undefined;
      return {
        onReceiveMetadata(md: Metadata) {
          headers = md;
        },
        onReceiveMessage(msg: unknown) {
          reply = { value: msg };
        },
        onReceiveStatus(s: StatusObject) {
          if (done) return;
          if (RETRYABLE_CODES.has(s.code) && attempt < p.maxAttempts) {
            const delayMs = backoffMs(attempt, p);
            if (Date.now() + delayMs < deadline) {
              onRetry?.({ method: method.path, attempt, code: s.code, delayMs });
              attempt++;
              timer = setTimeout(startAttempt, delayMs);
              return;
            }
          }
          if (headers) outer?.onReceiveMetadata(headers);
          if (reply) outer?.onReceiveMessage(reply.value);
          finish(s);
        },
      };
    };

    const startAttempt = (): void => {
      timer = undefined;
      if (done || !metadata) return;
      try {
        current = nextCall(options);
        current.start(metadata.clone(), attemptListener());
        current.sendMessage(message);
        current.halfClose();
      } catch (err) {
        // A timer-started attempt runs outside any caller's stack: a client closed
        // while we waited ("Channel has been shut down") must end this call, not
        // the process.
        finish({
          code: status.UNAVAILABLE,
          details: `retry abandoned: ${(err as Error).message}`,
          metadata: new Metadata(),
        });
      }
    };

    // The first attempt goes through the normal chain; later ones are new
    // calls made from the saved metadata and request.
    return new InterceptingCall(nextCall(options), {
      start(md, listener, next) {
        outer = listener;
        metadata = md.clone();
        next(md, attemptListener());
      },
      sendMessage(msg, next) {
        message = msg;
        next(msg);
      },
      cancel(next) {
        if (timer !== undefined) {
          // Waiting between attempts: no call is in flight to report the cancel.
          clearTimeout(timer);
          timer = undefined;
          finish({ code: status.CANCELLED, details: 'Cancelled on client', metadata: new Metadata() });
        } else if (current) {
          current.cancelWithStatus(status.CANCELLED, 'Cancelled on client');
        }
        next();
      },
    });
  };
}
