// The long-lived link to one libvirtd: opens a socket, runs the handshake (auth list,
// open, keepalive), lets the owner re-subscribe events, and when the socket is lost
// reconnects with exponential backoff and jitter. Calls made while disconnected wait
// for the next connection up to a deadline and then fail UNAVAILABLE.
import { StratoError, unavailable } from '../../../common/errors.ts';
import type { Logger } from '../../../common/log.ts';
import { AUTH_NONE, AUTH_POLKIT, FEATURE_PROGRAM_KEEPALIVE, Limits, Proc } from './procedures.ts';
import { RpcConnection } from './rpc-connection.ts';
import { XdrReader, XdrWriter } from './xdr.ts';

export type Encode = ((w: XdrWriter) => void) | null;
export type Decode<T> = (r: XdrReader) => T;

export interface CallSettings {
  /** Per-call deadline once sent. */
  timeoutMs?: number;
}

/** What the operation modules need: one typed request/response call. */
export interface Caller {
  call<T>(proc: number, name: string, encode: Encode, decode: Decode<T>, settings?: CallSettings): Promise<T>;
}

export interface SessionOptions {
  socketPath: string;
  uri: string;
  callTimeoutMs: number;
  /** How long a call made while disconnected waits for the link to come back. */
  unavailableAfterMs: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
  keepaliveIntervalMs: number;
  keepaliveCount: number;
  log: Logger;
  /** Runs on every new connection before it is used, e.g. to re-register events. */
  afterConnect: (caller: Caller) => Promise<void>;
  onEvent: (proc: number, body: Buffer) => void;
  onStateChange: (state: SessionState) => void;
  /** Told of every call that failed (libvirt's error, a timeout, no connection), e.g. to count it. */
  onCallError?: (procedure: string, err: unknown) => void;
}

export type SessionState = 'connecting' | 'ready' | 'closed';

interface Waiter {
  resolve: (conn: RpcConnection) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

const noArgs = (): void => {};
const noResult = (): void => {};

/** Sends one typed call on a given connection. */
async function callOn<T>(
  conn: RpcConnection,
  proc: number,
  name: string,
  encode: Encode,
  decode: Decode<T>,
  timeoutMs: number,
): Promise<T> {
  const w = new XdrWriter();
  (encode ?? noArgs)(w);
  const body = await conn.call(proc, w.bytes(), { timeoutMs, name });
  return decode(new XdrReader(body));
}

export class LibvirtSession implements Caller {
  private readonly opts: SessionOptions;
  private conn: RpcConnection | null = null;
  private stateValue: SessionState = 'connecting';
  private waiters: Waiter[] = [];
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private loopRunning = false;

  constructor(opts: SessionOptions) {
    this.opts = opts;
  }

  get state(): SessionState {
    return this.stateValue;
  }

  /** Starts connecting and resolves once ready; rejects UNAVAILABLE after `deadlineMs`. */
  async start(deadlineMs: number): Promise<void> {
    this.runLoop();
    await this.waitReady(deadlineMs);
  }

  async call<T>(proc: number, name: string, encode: Encode, decode: Decode<T>, settings?: CallSettings): Promise<T> {
    try {
      const conn =
        this.conn !== null && this.stateValue === 'ready'
          ? this.conn
          : await this.waitReady(this.opts.unavailableAfterMs);
      return await callOn(conn, proc, name, encode, decode, settings?.timeoutMs ?? this.opts.callTimeoutMs);
    } catch (err) {
      this.opts.onCallError?.(name, err);
      throw err;
    }
  }

  /** The live connection (waiting for it as a call does), for a stream that lives on one socket. */
  connection(): Promise<RpcConnection> {
    return this.conn !== null && this.stateValue === 'ready'
      ? Promise.resolve(this.conn)
      : this.waitReady(this.opts.unavailableAfterMs);
  }

  /** Stops reconnecting, closes the socket (politely, if it is up) and fails waiting calls. */
  async close(): Promise<void> {
    if (this.stateValue === 'closed') return;
    const conn = this.conn;
    this.setState('closed');
    clearTimeout(this.retryTimer);
    this.failWaiters(unavailable('LIBVIRT_CLIENT_CLOSED', 'libvirt client closed'));
    if (conn?.isOpen) {
      await callOn(conn, Proc.CONNECT_CLOSE, 'connectClose', null, noResult, 2000).catch(() => {});
      conn.close();
    }
    this.conn = null;
  }

  private setState(s: SessionState): void {
    if (this.stateValue === s) return;
    this.stateValue = s;
    this.opts.onStateChange(s);
  }

  private waitReady(timeoutMs: number): Promise<RpcConnection> {
    if (this.stateValue === 'closed')
      return Promise.reject(unavailable('LIBVIRT_CLIENT_CLOSED', 'libvirt client closed'));
    if (this.stateValue === 'ready' && this.conn !== null) return Promise.resolve(this.conn);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(
            unavailable(
              'LIBVIRT_UNAVAILABLE',
              `libvirtd at ${this.opts.socketPath} not reachable within ${timeoutMs} ms`,
              {
                details: { socketPath: this.opts.socketPath },
              },
            ),
          );
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  private failWaiters(err: Error): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.waiters = [];
  }

  private runLoop(): void {
    if (this.loopRunning || this.stateValue === 'closed') return;
    this.loopRunning = true;
    void this.tryConnect();
  }

  private async tryConnect(): Promise<void> {
    const { socketPath, log } = this.opts;
    let conn: RpcConnection | null = null;
    try {
      conn = await RpcConnection.open(socketPath, this.opts.callTimeoutMs);
      conn.onEvent = this.opts.onEvent;
      const opened = conn;
      conn.onClose = (err) => this.onConnectionClosed(opened, err);
      await this.handshake(conn);
      if (this.stateValue === 'closed') {
        conn.close();
        return;
      }
      this.conn = conn;
      this.attempt = 0;
      this.loopRunning = false;
      this.setState('ready');
      log.info({ socketPath }, 'libvirt connected');
      for (const w of this.waiters) {
        clearTimeout(w.timer);
        w.resolve(conn);
      }
      this.waiters = [];
    } catch (err) {
      conn?.close();
      if (this.stateValue === 'closed') return;
      const delay = this.nextDelay();
      log.warn(
        { socketPath, attempt: this.attempt, delayMs: delay, err: (err as Error).message },
        'libvirt connect failed',
      );
      this.retryTimer = setTimeout(() => void this.tryConnect(), delay);
    }
  }

  /** Exponential backoff with full jitter in the upper half, capped. */
  private nextDelay(): number {
    const base = Math.min(this.opts.backoffMaxMs, this.opts.backoffInitialMs * 2 ** this.attempt);
    this.attempt++;
    return Math.round(base / 2 + Math.random() * (base / 2));
  }

  private onConnectionClosed(conn: RpcConnection, err: Error | undefined): void {
    if (this.conn !== conn) return; // a connection that never became ready
    this.conn = null;
    if (this.stateValue === 'closed') return;
    this.opts.log.warn({ socketPath: this.opts.socketPath, err: err?.message }, 'libvirt connection lost');
    this.setState('connecting');
    this.runLoop();
  }

  private async handshake(conn: RpcConnection): Promise<void> {
    const t = this.opts.callTimeoutMs;
    const caller: Caller = {
      call: (proc, name, encode, decode, settings) =>
        callOn(conn, proc, name, encode, decode, settings?.timeoutMs ?? t),
    };
    // The daemon refuses everything (code 39) until the client has asked for the auth list.
    const auth = await caller.call(Proc.AUTH_LIST, 'authList', null, (r) =>
      r.array((r) => r.int(), Limits.AUTH_TYPE_LIST_MAX),
    );
    if (!auth.includes(AUTH_NONE)) {
      if (!auth.includes(AUTH_POLKIT)) {
        throw new StratoError(
          'UNAUTHENTICATED',
          'LIBVIRT_AUTH_UNSUPPORTED',
          `libvirtd offers auth types ${auth.join(',')} only`,
        );
      }
      const ok = await caller.call(Proc.AUTH_POLKIT, 'authPolkit', null, (r) => r.int());
      if (ok !== 1)
        throw new StratoError('UNAUTHENTICATED', 'LIBVIRT_AUTH_FAILED', 'polkit refused the libvirt connection');
    }
    await caller.call(Proc.CONNECT_OPEN, 'connectOpen', (w) => w.optionalString(this.opts.uri).uint(0), noResult);
    const keepalive = await caller.call(
      Proc.CONNECT_SUPPORTS_FEATURE,
      'connectSupportsFeature',
      (w) => w.int(FEATURE_PROGRAM_KEEPALIVE),
      (r) => r.int(),
    );
    if (keepalive === 1) conn.startKeepalive(this.opts.keepaliveIntervalMs, this.opts.keepaliveCount);
    await this.opts.afterConnect(caller);
  }
}
