// One socket to libvirtd: frames out, frames in, a serial → pending-call map so many
// calls can be in flight at once, per-call timeouts, keepalive, and routing of
// unsolicited MESSAGE frames (events) to a handler. No reconnect here: a lost socket
// fails its in-flight calls and reports `onClose`; the session layer reconnects.
import net from 'node:net';
import { StratoError, unavailable } from '../../../common/errors.ts';
import { encodeFrame, type Frame, FrameDecoder, type MessageHeader } from './framing.ts';
import { decodeErrorStruct, toStratoError } from './libvirt-errors.ts';
import {
  KEEPALIVE_PROC_PING,
  KEEPALIVE_PROC_PONG,
  KEEPALIVE_PROGRAM,
  KEEPALIVE_VERSION,
  MessageStatus,
  MessageType,
  REMOTE_PROGRAM,
  REMOTE_PROTOCOL_VERSION,
} from './procedures.ts';
import { XdrReader } from './xdr.ts';

export interface CallOptions {
  /** Reject with DEADLINE_EXCEEDED after this long; the late reply is dropped. */
  timeoutMs: number;
  /** A readable procedure name for errors and logs. */
  name?: string;
}

interface Pending {
  proc: number;
  name: string;
  resolve: (body: Buffer) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export type EventHandler = (proc: number, body: Buffer) => void;
/** Hears the frames of one stream (stream.ts) and the connection's loss. */
export interface StreamSink {
  onFrame(frame: Frame): void;
  onLost(err: Error): void;
}
export type CloseHandler = (err: Error | undefined) => void;

export class RpcConnection {
  private readonly socket: net.Socket;
  private readonly decoder = new FrameDecoder();
  private readonly pending = new Map<number, Pending>();
  /** Open streams by the serial of the call that opened them. */
  private readonly streams = new Map<number, StreamSink>();
  private nextSerial = 1;
  private closed = false;
  private lastRx = Date.now();
  private keepaliveTimer: NodeJS.Timeout | undefined;
  onEvent: EventHandler = () => {};
  onClose: CloseHandler = () => {};

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.shutdown(err));
    socket.on('close', () => this.shutdown(undefined));
  }

  /** Opens the UNIX socket; rejects UNAVAILABLE when nothing listens there. */
  static open(socketPath: string, timeoutMs: number): Promise<RpcConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ path: socketPath });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(unavailable('LIBVIRT_CONNECT_TIMEOUT', `connecting to ${socketPath} timed out`));
      }, timeoutMs);
      const onError = (err: Error): void => {
        clearTimeout(timer);
        reject(
          unavailable('LIBVIRT_UNREACHABLE', `cannot connect to libvirtd at ${socketPath}: ${err.message}`, {
            cause: err,
          }),
        );
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', onError);
        resolve(new RpcConnection(socket));
      });
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /** Sends one CALL and resolves with the reply body (status OK) or rejects with the mapped libvirt error. */
  call(proc: number, body: Uint8Array, opts: CallOptions): Promise<Buffer> {
    const name = opts.name ?? `proc ${proc}`;
    if (this.closed) {
      return Promise.reject(unavailable('LIBVIRT_CONNECTION_LOST', `libvirt connection closed before ${name}`));
    }
    const serial = this.nextSerial;
    this.nextSerial = this.nextSerial >= 0xfffffffe ? 1 : this.nextSerial + 1;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(serial);
        reject(
          new StratoError(
            'DEADLINE_EXCEEDED',
            'LIBVIRT_CALL_TIMEOUT',
            `libvirt ${name} timed out after ${opts.timeoutMs} ms`,
          ),
        );
      }, opts.timeoutMs);
      this.pending.set(serial, { proc, name, resolve, reject, timer });
      this.socket.write(
        encodeFrame(
          {
            prog: REMOTE_PROGRAM,
            vers: REMOTE_PROTOCOL_VERSION,
            proc,
            type: MessageType.CALL,
            serial,
            status: MessageStatus.OK,
          },
          body,
        ),
      );
    });
  }

  /**
   * Makes a call that opens a stream (e.g. domainOpenConsole): `sink` hears every
   * STREAM frame on the call's serial from now until `removeStream`, even those that
   * arrive with the reply. `opened` resolves once the daemon accepted the call.
   */
  callStream(
    proc: number,
    body: Uint8Array,
    sink: StreamSink,
    opts: CallOptions,
  ): { serial: number; opened: Promise<void> } {
    // call() takes nextSerial synchronously, so registering under it first misses no frame.
    const serial = this.nextSerial;
    this.streams.set(serial, sink);
    const opened = this.call(proc, body, opts).then(
      () => {},
      (err: unknown) => {
        this.streams.delete(serial);
        throw err;
      },
    );
    return { serial, opened };
  }

  /** Sends one STREAM message; false when the socket buffers (wait for `drained`). */
  sendStream(header: MessageHeader, body: Uint8Array): boolean {
    if (this.closed) throw unavailable('LIBVIRT_CONNECTION_LOST', 'libvirt connection closed during a stream');
    return this.socket.write(encodeFrame(header, body));
  }

  /** Resolves once the socket's buffer has been written out (or the connection is gone). */
  drained(): Promise<void> {
    if (this.closed || !this.socket.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.once('drain', done);
      this.socket.once('close', done);
    });
  }

  removeStream(serial: number): void {
    this.streams.delete(serial);
  }

  /**
   * Watches the peer once the daemon agreed to keepalive: we ping after `intervalMs` of
   * silence (the daemon answers), and give up after `count` silent intervals, so a hung
   * daemon is noticed even though its socket stays open.
   */
  startKeepalive(intervalMs: number, count: number): void {
    if (this.keepaliveTimer !== undefined || this.closed) return;
    this.keepaliveTimer = setInterval(() => {
      const silent = Date.now() - this.lastRx;
      if (silent >= intervalMs * count) {
        this.socket.destroy(unavailable('LIBVIRT_KEEPALIVE_TIMEOUT', `libvirtd silent for ${silent} ms`));
      } else if (silent >= intervalMs) {
        this.sendKeepalive(KEEPALIVE_PROC_PING);
      }
    }, intervalMs);
    this.keepaliveTimer.unref();
  }

  /** Ends the socket; in-flight calls fail with UNAVAILABLE. */
  close(): void {
    this.socket.end();
    this.socket.destroySoon();
    this.shutdown(undefined);
  }

  private sendKeepalive(proc: number): void {
    if (this.closed) return;
    this.socket.write(
      encodeFrame(
        {
          prog: KEEPALIVE_PROGRAM,
          vers: KEEPALIVE_VERSION,
          proc,
          type: MessageType.MESSAGE,
          serial: 0,
          status: MessageStatus.OK,
        },
        Buffer.alloc(0),
      ),
    );
  }

  private onData(chunk: Buffer): void {
    this.lastRx = Date.now();
    let frames: Frame[];
    try {
      frames = this.decoder.push(chunk);
    } catch (err) {
      this.socket.destroy(err as Error);
      return;
    }
    for (const frame of frames) this.dispatch(frame);
  }

  private dispatch({ header, body }: Frame): void {
    if (header.prog === KEEPALIVE_PROGRAM) {
      if (header.proc === KEEPALIVE_PROC_PING) this.sendKeepalive(KEEPALIVE_PROC_PONG);
      return;
    }
    if (header.prog !== REMOTE_PROGRAM) return;
    if (header.type === MessageType.STREAM) {
      this.streams.get(header.serial)?.onFrame({ header, body });
      return;
    }
    // Events share serial numbers with nothing: route by type before looking at serials.
    if (header.type === MessageType.MESSAGE) {
      try {
        this.onEvent(header.proc, body);
      } catch {
        // A broken subscriber must not take the connection down.
      }
      return;
    }
    if (header.type !== MessageType.REPLY) return;
    const p = this.pending.get(header.serial);
    if (p === undefined) {
      // An error about a stream's message comes back as a reply on the stream's serial.
      this.streams.get(header.serial)?.onFrame({ header, body });
      return; // or a call that timed out earlier
    }
    this.pending.delete(header.serial);
    clearTimeout(p.timer);
    if (header.status === MessageStatus.OK) {
      p.resolve(body);
    } else if (header.status === MessageStatus.ERROR) {
      try {
        p.reject(toStratoError(decodeErrorStruct(new XdrReader(body)), p.name));
      } catch (err) {
        p.reject(err as Error);
      }
    } else {
      p.reject(
        new StratoError('INTERNAL', 'LIBVIRT_UNEXPECTED_STATUS', `${p.name}: unexpected status ${header.status}`),
      );
    }
  }

  private shutdown(err: Error | undefined): void {
    if (this.closed) return;
    this.closed = true;
    if (this.keepaliveTimer !== undefined) clearInterval(this.keepaliveTimer);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      // The daemon may or may not have acted on it: the caller decides whether to retry.
      p.reject(unavailable('LIBVIRT_CONNECTION_LOST', `libvirt connection lost during ${p.name}`, { cause: err }));
    }
    this.pending.clear();
    const lost = unavailable('LIBVIRT_CONNECTION_LOST', 'libvirt connection lost during a stream', { cause: err });
    for (const s of this.streams.values()) s.onLost(lost);
    this.streams.clear();
    this.onClose(err);
  }
}
