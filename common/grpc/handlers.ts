// Server-side call wrapping: handlers are plain async functions of the request
// (unary), async generators (server streaming) or consumers of an async
// iterable (client streaming). The wrapper gives each call a request id, a
// child logger and an abort signal, runs it in the request context, logs one
// line when it ends, and turns whatever it throws into a gRPC status through
// the one error model. A request the strict decoder could not read
// (request-decoding.ts) is answered INVALID_ARGUMENT here, before the handler.
// A server may inject a CallHook (authentication, authorization, audit): it
// runs before every handler and sees how every call ended, so no handler can
// forget it; what it means is the injecting daemon's business, not common/'s.
// A server may also inject a RequestCheck (the conductor's public schemas):
// after the hook, a request the check refuses (every message of a stream too,
// as the handler reads it) is answered INVALID_ARGUMENT before the handler.
// An optional CallObserver hears how each call ended (metrics), so the daemons
// can count calls without this module knowing how.
import { once } from 'node:events';
import {
  type handleBidiStreamingCall,
  type handleClientStreamingCall,
  type handleServerStreamingCall,
  type handleUnaryCall,
  Metadata,
  type MethodDefinition,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type UntypedHandleCall,
} from '@grpc/grpc-js';
import { type ErrorCode, StratoError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { type PeerIdentity, peerIdentity } from './credentials.ts';
import { deadlineMs } from './deadline.ts';
import { MalformedRequest } from './request-decoding.ts';
import { newRequestId, REQUEST_ID_KEY, requestIdFrom, runInContext } from './request-id.ts';
import { toGrpcStatus, toStratoError } from './status.ts';

// Codes that say the server failed (worth a warning), not the caller.
const SERVER_FAULTS: ReadonlySet<ErrorCode> = new Set(['INTERNAL', 'UNKNOWN', 'DATA_LOSS']);

export interface CallContext {
  requestId: string;
  /** Logger carrying requestId and method. */
  log: Logger;
  /** The caller's metadata. */
  metadata: Metadata;
  /** Aborted when the caller cancels or the deadline passes: stop work then. */
  signal: AbortSignal;
  /** ms since the epoch; Infinity without a deadline. */
  deadlineMs: number;
  /** Full method path, e.g. `/strato.agent.v1.Agent/Spawn`. */
  method: string;
  /** The verified client certificate's identity (mutual TLS only). */
  peer(): PeerIdentity | undefined;
  /** The caller's network address as the server saw it, e.g. `127.0.0.1:40312`, `[::1]:40312`. */
  remoteAddress: string;
  /**
   * On whose behalf the call runs, as the server's CallHook established it
   * (opaque here; undefined without a hook). A handler that learns who the
   * caller is only while it runs (a login) may set it, for the hook's `after`.
   */
  caller: unknown;
}

/** How a call ended, for CallHook.after. */
export interface CallOutcome {
  code: ErrorCode | 'OK';
  /** The error's reason; '' for OK, a cancelled call or a deadline. */
  reason: string;
  durationMs: number;
}

/**
 * Runs around every call of a server. `before` runs once the request is
 * decoded and before the handler: what it returns becomes ctx.caller, and what
 * it throws ends the call with that error (the handler never runs). `after`
 * runs exactly once when the call has ended, whatever the outcome; it must not
 * throw (an error there is logged, never sent).
 */
export interface CallHook {
  before(ctx: CallContext): Promise<unknown> | unknown;
  after?(ctx: CallContext, outcome: CallOutcome): void;
}

export type UnaryHandler<Req, Res> = (request: Req, ctx: CallContext) => Promise<Res> | Res;
export type ServerStreamHandler<Req, Res> = (request: Req, ctx: CallContext) => AsyncIterable<Res>;
export type ClientStreamHandler<Req, Res> = (requests: AsyncIterable<Req>, ctx: CallContext) => Promise<Res> | Res;
export type BidiStreamHandler<Req, Res> = (requests: AsyncIterable<Req>, ctx: CallContext) => AsyncIterable<Res>;

/**
 * strato's handler for each method of a generated `XHandlers` interface:
 * `const impl: Implementation<AgentHandlers> = { async Spawn(req, ctx) { … } }`.
 */
export type Implementation<H> = {
  // Generated interfaces extend grpc-js's index-signed type: keep only the RPCs.
  [K in keyof H as string extends K ? never : number extends K ? never : K]: HandlerFor<H[K]>;
};
export type HandlerFor<F> =
  F extends handleBidiStreamingCall<infer Req, infer Res>
    ? BidiStreamHandler<Req, Res>
    : F extends handleServerStreamingCall<infer Req, infer Res>
      ? ServerStreamHandler<Req, Res>
      : F extends handleClientStreamingCall<infer Req, infer Res>
        ? ClientStreamHandler<Req, Res>
        : F extends handleUnaryCall<infer Req, infer Res>
          ? UnaryHandler<Req, Res>
          : never;

/**
 * Rewrites an error before it is sent, e.g. to keep an internal error's
 * details from callers. What it changes is logged with the original.
 */
export type ErrorMapper = (err: StratoError, requestId: string) => StratoError;

/**
 * Told once per call, when it ends: its full method path, the code it ended
 * with ('OK', the error's code as sent, or CANCELLED/DEADLINE_EXCEEDED when the
 * caller went away) and how long it ran. Must not throw.
 */
export type CallObserver = (method: string, code: ErrorCode | 'OK', durationS: number) => void;

/**
 * Checks one decoded request message before the handler sees it; throws a
 * StratoError (INVALID_ARGUMENT naming the field) to refuse it.
 */
export type RequestCheck = (request: unknown) => void;

/** What wrapHandler needs besides the method and its handler. */
export interface WrapOptions {
  log: Logger;
  mapError?: ErrorMapper | undefined;
  observe?: CallObserver | undefined;
  hook?: CallHook | undefined;
  check?: RequestCheck | undefined;
}

type AnyCall =
  | ServerUnaryCall<unknown, unknown>
  | ServerReadableStream<unknown, unknown>
  | ServerWritableStream<unknown, unknown>
  | ServerDuplexStream<unknown, unknown>;

interface CallScope {
  ctx: CallContext;
  /** Logs the end of the call and returns the status to send for an error. */
  end(err?: unknown): ReturnType<typeof toGrpcStatus> | undefined;
}

function begin(call: AnyCall, w: Wrapped): CallScope {
  const { method, log, mapError, observe, hook } = w;
  const started = performance.now();
  const requestId = requestIdFrom(call.metadata) ?? newRequestId();
  const headers = new Metadata();
  headers.set(REQUEST_ID_KEY, requestId);
  call.sendMetadata(headers);
  const abort = new AbortController();
  (call as NodeJS.EventEmitter).on('cancelled', () => abort.abort());
  const child = log.child({ requestId, method });
  const ctx: CallContext = {
    requestId,
    log: child,
    metadata: call.metadata,
    signal: abort.signal,
    deadlineMs: deadlineMs(call.getDeadline()),
    method,
    peer: () => peerIdentity(call),
    remoteAddress: call.getPeer(),
    caller: undefined,
  };
  let ended = false;
  const after = (code: ErrorCode | 'OK', reason: string, durationMs: number) => {
    try {
      hook?.after?.(ctx, { code, reason, durationMs });
    } catch (e) {
      child.error({ err: e }, 'call hook failed');
    }
  };
  return {
    ctx,
    end(err) {
      if (ended) return undefined;
      ended = true;
      const elapsedMs = performance.now() - started;
      const durationMs = Math.round(elapsedMs * 1000) / 1000;
      if (abort.signal.aborted) {
        // The caller is gone (cancelled, or its deadline passed): whatever the
        // handler threw on the way out is nobody's problem and nobody gets it.
        const code: ErrorCode = Date.now() >= ctx.deadlineMs ? 'DEADLINE_EXCEEDED' : 'CANCELLED';
        child.info({ code, durationMs }, 'grpc call');
        after(code, '', durationMs);
        observe?.(method, code, elapsedMs / 1000);
        return undefined;
      }
      if (err === undefined) {
        child.info({ code: 'OK', durationMs }, 'grpc call');
        after('OK', '', durationMs);
        observe?.(method, 'OK', elapsedMs / 1000);
        return undefined;
      }
      const raw = toStratoError(err, requestId);
      const se = mapError ? mapError(raw, requestId) : raw;
      after(se.code, se.reason, durationMs);
      observe?.(method, se.code, elapsedMs / 1000);
      if (!(err instanceof StratoError)) {
        // Unexpected: the caller gets a generic message, the log gets the truth.
        child.error({ code: se.code, reason: se.reason, durationMs, err }, 'grpc call');
      } else if (se !== raw) {
        // An error that had to be rewritten for the caller is a check missing upstream.
        child.warn({ code: se.code, reason: se.reason, durationMs, internalReason: raw.reason, err }, 'grpc call');
      } else if (SERVER_FAULTS.has(se.code)) {
        child.warn({ code: se.code, reason: se.reason, durationMs, err }, 'grpc call');
      } else {
        child.info({ code: se.code, reason: se.reason, durationMs }, 'grpc call');
      }
      return toGrpcStatus(se);
    },
  };
}

/** Writes an async iterable to a server stream with backpressure, stopping on cancel. */
async function pump(
  call: ServerWritableStream<unknown, unknown> | ServerDuplexStream<unknown, unknown>,
  src: AsyncIterable<unknown>,
  signal: AbortSignal,
): Promise<void> {
  for await (const msg of src) {
    if (signal.aborted) return;
    if (!call.write(msg)) await once(call, 'drain', { signal });
  }
}

/** A request message fit for the handler, or the error for one that could not be decoded or fails the check. */
function accepted(message: unknown, check: RequestCheck | undefined): unknown {
  if (message instanceof MalformedRequest) throw message.error();
  check?.(message);
  return message;
}

/**
 * Passes a client stream's messages on, throwing at the first one that is not accepted.
 * Not `for await`: leaving that loop by a throw would destroy the call's stream, and a
 * destroyed bidirectional call can no longer carry the error's status to the client
 * (it would wait for its deadline instead).
 */
async function* wellFormed(messages: AsyncIterable<unknown>, check: RequestCheck | undefined): AsyncIterable<unknown> {
  const it = messages[Symbol.asyncIterator]();
  for (let n = await it.next(); !n.done; n = await it.next()) yield accepted(n.value, check);
}

export function wrapHandler(
  def: MethodDefinition<unknown, unknown>,
  handler: (...args: never[]) => unknown,
  options: WrapOptions,
): UntypedHandleCall {
  const method = def.path;
  const h = handler as (input: unknown, ctx: CallContext) => unknown;
  const { log, mapError, observe, hook, check } = options;
  const scoped: Wrapped = { method, h, log, mapError, observe, hook, check, requestStream: def.requestStream };
  if (!def.requestStream && !def.responseStream) {
    const unary: handleUnaryCall<unknown, unknown> = (call, callback) => respond(call, call.request, callback, scoped);
    return unary;
  }
  if (!def.requestStream) {
    return (call: ServerWritableStream<unknown, unknown>) => streamOut(call, call.request, scoped);
  }
  if (!def.responseStream) {
    const clientStream: handleClientStreamingCall<unknown, unknown> = (call, callback) =>
      respond(call, wellFormed(call as AsyncIterable<unknown>, check), callback, scoped);
    return clientStream;
  }
  return (call: ServerDuplexStream<unknown, unknown>) =>
    streamOut(call, wellFormed(call as AsyncIterable<unknown>, check), scoped);
}

interface Wrapped {
  method: string;
  h: (input: unknown, ctx: CallContext) => unknown;
  log: Logger;
  mapError: ErrorMapper | undefined;
  observe: CallObserver | undefined;
  hook: CallHook | undefined;
  check: RequestCheck | undefined;
  /** A stream's messages are checked as they come (wellFormed), a single request in run(). */
  requestStream: boolean;
}

/**
 * The handler's result, or the error for a request that could not be decoded,
 * that the hook refused (who may call comes before what they sent) or that
 * the check refused.
 */
async function run(w: Wrapped, input: unknown, ctx: CallContext): Promise<unknown> {
  if (input instanceof MalformedRequest) throw input.error();
  if (w.hook) ctx.caller = await w.hook.before(ctx);
  return w.h(w.requestStream ? input : accepted(input, w.check), ctx);
}

/** Calls with a single response (unary, client streaming). */
function respond(
  call: ServerUnaryCall<unknown, unknown> | ServerReadableStream<unknown, unknown>,
  input: unknown,
  callback: Parameters<handleUnaryCall<unknown, unknown>>[1],
  w: Wrapped,
): void {
  const scope = begin(call, w);
  runInContext({ requestId: scope.ctx.requestId, deadlineMs: scope.ctx.deadlineMs }, async () => {
    let res: unknown;
    try {
      res = await run(w, input, scope.ctx);
    } catch (err) {
      const status = scope.end(err);
      if (status) callback(status);
      return;
    }
    scope.end();
    callback(null, res);
  });
}

function streamOut(
  call: ServerWritableStream<unknown, unknown> | ServerDuplexStream<unknown, unknown>,
  input: unknown,
  w: Wrapped,
): void {
  const scope = begin(call, w);
  runInContext({ requestId: scope.ctx.requestId, deadlineMs: scope.ctx.deadlineMs }, async () => {
    try {
      await pump(call, (await run(w, input, scope.ctx)) as AsyncIterable<unknown>, scope.ctx.signal);
      scope.end();
      if (!scope.ctx.signal.aborted) call.end();
    } catch (err) {
      const status = scope.end(err);
      // grpc-js turns a stream's 'error' event into the call's final status.
      if (status) call.emit('error', status);
    }
  });
}
