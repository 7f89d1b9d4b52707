// Request ids follow a user's request across every hop (CLI -> conductor ->
// agent) in the `x-request-id` metadata key. A server handler runs inside an
// AsyncLocalStorage context holding its id (and deadline), so any call it
// makes downstream carries the same id without threading it by hand.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { InterceptingCall, type Interceptor, type Metadata } from '@grpc/grpc-js';

export const REQUEST_ID_KEY = 'x-request-id';

export interface RequestContext {
  requestId: string;
  /** The incoming call's deadline in ms since the epoch, if it has one. */
  deadlineMs?: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs fn with `ctx` as the current request context (what handlers get). */
export function runInContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function newRequestId(): string {
  return randomUUID();
}

// Ids come from callers and end up in logs: accept only short printable tokens.
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id from metadata if it is well-formed, else undefined. */
export function requestIdFrom(metadata: Metadata): string | undefined {
  const value = metadata.get(REQUEST_ID_KEY)[0];
  return typeof value === 'string' && VALID_ID.test(value) ? value : undefined;
}

/**
 * Client interceptor: sends the current context's request id, or a new one,
 * unless the caller already put one in the metadata.
 */
export const requestIdInterceptor: Interceptor = (options, nextCall) =>
  new InterceptingCall(nextCall(options), {
    start(metadata, listener, next) {
      if (metadata.get(REQUEST_ID_KEY).length === 0) {
        metadata.set(REQUEST_ID_KEY, currentRequestId() ?? newRequestId());
      }
      next(metadata, listener);
    },
  });
