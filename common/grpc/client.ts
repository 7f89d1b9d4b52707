// Typed clients with strato's defaults: every call carries a request id and a
// deadline, unary calls are retried on UNAVAILABLE/ABORTED, and failures
// surface as StratoError. `connect` wraps a generated client constructor
// (`ProtoGrpcType['strato']['agent']['v1']['Agent']`) into promise-returning
// methods named like the RPCs; `.raw` is the grpc-js client for anything else.
import { once } from 'node:events';
import type {
  CallOptions,
  ChannelCredentials,
  ChannelOptions,
  Client,
  ClientReadableStream,
  ClientUnaryCall,
  ClientWritableStream,
  Deadline,
  Interceptor,
  requestCallback,
  ServiceDefinition,
} from '@grpc/grpc-js';
import { Metadata } from '@grpc/grpc-js';
import { DEFAULT_DEADLINE_MS, defaultDeadlineInterceptor } from './deadline.ts';
import { clientMessageOptions, type MessageLimits } from './message-limits.ts';
import { requestIdInterceptor } from './request-id.ts';
import { type RetryEvent, type RetryPolicy, retryInterceptor } from './retry.ts';
import { fromCallError } from './status.ts';

export interface ClientOptions {
  credentials: ChannelCredentials;
  /** Deadline of calls that set none. @default 10_000 (DEFAULT_DEADLINE_MS) */
  defaultDeadlineMs?: number;
  /** Retry policy for unary calls, or false for none. @default DEFAULT_RETRY_POLICY */
  retry?: Partial<RetryPolicy> | false;
  onRetry?: (e: RetryEvent) => void;
  /** More interceptors, run inside strato's (after request id, deadline and retry). */
  interceptors?: Interceptor[];
  channelOptions?: ChannelOptions;
  /** The port's message limits (MESSAGE_LIMITS.<port>), from the client's side. @default grpc-js's */
  messageLimits?: MessageLimits;
}

export interface CallOpts {
  /** Overrides the client's default deadline. */
  deadline?: Deadline;
  timeoutMs?: number;
  metadata?: Metadata;
  /** Cancels the call (the promise rejects with CANCELLED). */
  signal?: AbortSignal;
  /** Sees the server's initial metadata (e.g. the echoed x-request-id). */
  onMetadata?: (md: Metadata) => void;
}

type ClientCtor<C extends Client> = (new (
  address: string,
  credentials: ChannelCredentials,
  options?: ChannelOptions,
) => C) & {
  service: ServiceDefinition;
};

// The generated interfaces declare each RPC twice (as in the .proto and in
// camelCase); only the .proto names are kept. Inference reads the last
// overload, which for each call kind is the shortest form.
type RpcName<K> = K extends string ? (K extends Capitalize<K> ? (K extends keyof Client ? never : K) : never) : never;
type Unary<F> = F extends (argument: infer Req, callback: requestCallback<infer Res>) => ClientUnaryCall
  ? (request: Req, opts?: CallOpts) => Promise<Res>
  : never;
type ServerStream<F> = F extends (argument: infer Req, options?: CallOptions) => ClientReadableStream<infer Res>
  ? (request: Req, opts?: CallOpts) => AsyncIterable<Res>
  : never;
type ClientStream<F> = F extends (callback: requestCallback<infer Res>) => ClientWritableStream<infer Req>
  ? (requests: AsyncIterable<Req> | Iterable<Req>, opts?: CallOpts) => Promise<Res>
  : never;
// Client streaming first: its last overload `(callback) => ClientWritableStream`
// would also pass for a unary one (a stream has everything a unary call has).
type Method<F> = [ClientStream<F>] extends [never]
  ? [ServerStream<F>] extends [never]
    ? Unary<F>
    : ServerStream<F>
  : ClientStream<F>;

export type StratoClient<C extends Client> = {
  [K in keyof C as RpcName<K>]: Method<C[K]> extends never ? never : Method<C[K]>;
} & { readonly raw: C; close(): void };

export function createRawClient<C extends Client>(Ctor: ClientCtor<C>, address: string, options: ClientOptions): C {
  const interceptors: Interceptor[] = [
    requestIdInterceptor,
    defaultDeadlineInterceptor(options.defaultDeadlineMs ?? DEFAULT_DEADLINE_MS),
  ];
  if (options.retry !== false) interceptors.push(retryInterceptor(options.retry ?? {}, options.onRetry));
  interceptors.push(...(options.interceptors ?? []));
  const limits = options.messageLimits ? clientMessageOptions(options.messageLimits) : {};
  return new Ctor(address, options.credentials, { ...options.channelOptions, ...limits, interceptors });
}

/** A client whose RPC methods return promises (unary, client-streaming) or async iterables (server-streaming). */
export function connect<C extends Client>(
  Ctor: ClientCtor<C>,
  address: string,
  options: ClientOptions,
): StratoClient<C> {
  const raw = createRawClient(Ctor, address, options);
  const out: Record<string, unknown> = { raw, close: () => raw.close() };
  for (const [name, def] of Object.entries(Ctor.service)) {
    const fn = (raw as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!.bind(raw);
    if (!def.requestStream && !def.responseStream) out[name] = (req: unknown, o?: CallOpts) => unary(fn, req, o);
    else if (!def.requestStream) out[name] = (req: unknown, o?: CallOpts) => serverStream(fn, req, o);
    else if (!def.responseStream) out[name] = (reqs: AsyncIterable<unknown>, o?: CallOpts) => clientStream(fn, reqs, o);
  }
  return out as StratoClient<C>;
}

function callOptions(o: CallOpts = {}): CallOptions {
  const opts: CallOptions = {};
  if (o.deadline !== undefined) opts.deadline = o.deadline;
  else if (o.timeoutMs !== undefined) opts.deadline = Date.now() + o.timeoutMs;
  return opts;
}

function watch(
  call: { cancel(): void; on(e: 'metadata', f: (md: Metadata) => void): unknown },
  o: CallOpts = {},
): void {
  if (o.onMetadata) call.on('metadata', o.onMetadata);
  if (o.signal?.aborted) call.cancel();
  else o.signal?.addEventListener('abort', () => call.cancel(), { once: true });
}

type AnyFn = (...args: unknown[]) => unknown;

function unary(fn: AnyFn, req: unknown, o?: CallOpts): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const call = fn(req, o?.metadata ?? new Metadata(), callOptions(o), (err: unknown, res: unknown) =>
      err ? reject(fromCallError(err)) : resolve(res),
    ) as ClientUnaryCall;
    watch(call, o);
  });
}

async function* serverStream(fn: AnyFn, req: unknown, o?: CallOpts): AsyncGenerator<unknown> {
  const call = fn(req, o?.metadata ?? new Metadata(), callOptions(o)) as ClientReadableStream<unknown>;
  watch(call, o);
  let ended = false;
  try {
    for await (const msg of call) yield msg;
    ended = true;
  } catch (err) {
    ended = true;
    throw fromCallError(err);
  } finally {
    // The consumer stopped early: tell the server instead of leaving the stream open.
    if (!ended) call.cancel();
  }
}

function clientStream(fn: AnyFn, reqs: AsyncIterable<unknown> | Iterable<unknown>, o?: CallOpts): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const call = fn(o?.metadata ?? new Metadata(), callOptions(o), (err: unknown, res: unknown) =>
      err ? reject(fromCallError(err)) : resolve(res),
    ) as ClientWritableStream<unknown>;
    watch(call, o);
    (async () => {
      for await (const r of reqs) {
        if (!call.write(r)) await once(call, 'drain');
      }
      call.end();
    })().catch((err: unknown) => {
      call.cancel();
      reject(err);
    });
  });
}
