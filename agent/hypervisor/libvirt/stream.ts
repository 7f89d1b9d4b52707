// A libvirt stream (virStream) on our own connection, as a Node Duplex: what is
// written goes to the daemon as data messages, what the daemon sends is read.
// Ending the writable side finishes the stream (the daemon confirms), destroying it
// aborts; the daemon's end of data ends the readable side, and then we finish too,
// so the daemon's half is released (one console session per domain). The wire rules
// are in stream-frames.ts.
//
// Flow control, as libvirt does it: the daemon sends one data message of a stream at
// a time and the next only once the previous left its queue, and it stops reading a
// client with too many unanswered messages, so a socket we read slowly slows it. The
// socket is shared by every call of the agent, though, so we never stop reading it:
// unread data is held up to `maxUnreadBytes` and a reader that falls further behind
// loses the stream (RESOURCE_EXHAUSTED) instead of stalling every other call.
// Writes wait for the socket to drain.
import { Duplex } from 'node:stream';
import { StratoError } from '../../../common/errors.ts';
import type { Frame } from './framing.ts';
import { LibvirtErrorCode } from './libvirt-errors.ts';
import { MessageStatus, MessageType } from './procedures.ts';
import type { RpcConnection, StreamSink } from './rpc-connection.ts';
import { classifyStreamFrame, dataChunks, streamHeader } from './stream-frames.ts';

export interface StreamOptions {
  /** Procedure name for errors and logs, e.g. 'domainOpenConsole'. */
  name: string;
  /** Deadline of the opening call and of the finish handshake. */
  timeoutMs: number;
  /** @default 1 MiB */
  maxUnreadBytes?: number;
  /**
   * Treat the daemon's "stream had I/O failure / unexpected termination" (VIR_ERR_RPC
   * on the stream) as the end of data. A console's pty hangs up so when the session
   * is taken over (FORCE) or the guest goes away: the end of a session, not a fault.
   * @default false
   */
  endOnHangup?: boolean;
}

const EMPTY = Buffer.alloc(0);

export class LibvirtStream extends Duplex {
  private readonly conn: RpcConnection;
  private readonly proc: number;
  private readonly serial: number;
  private readonly opts: Required<StreamOptions>;
  /** The daemon's side is over (end of data, error, or the confirm of our finish). */
  private remoteDone = false;
  private finishWaiter: { resolve: () => void; reject: (err: Error) => void } | undefined;
  private unregistered = false;
  private pushedEnd = false;

  private constructor(conn: RpcConnection, proc: number, args: Uint8Array, opts: StreamOptions) {
    super({ allowHalfOpen: false });
    this.conn = conn;
    this.proc = proc;
    this.opts = { maxUnreadBytes: 1024 * 1024, endOnHangup: false, ...opts };
    const sink: StreamSink = { onFrame: (f) => this.onFrame(f), onLost: (err) => this.fail(err) };
    const { serial, opened } = conn.callStream(proc, args, sink, { timeoutMs: opts.timeoutMs, name: opts.name });
    this.serial = serial;
    this.opened = opened;
  }

  private readonly opened: Promise<void>;

  /** Opens the stream with the call `proc(args)`; rejects with the daemon's error. */
  static async open(conn: RpcConnection, proc: number, args: Uint8Array, opts: StreamOptions): Promise<LibvirtStream> {
    const s = new LibvirtStream(conn, proc, args, opts);
    try {
      await s.opened;
    } catch (err) {
      s.unregistered = true;
      s.destroy();
      throw err;
    }
    return s;
  }

  override _read(): void {
    // Data is pushed as it arrives (see the flow control note above).
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.remoteDone) {
      cb(new StratoError('FAILED_PRECONDITION', 'STREAM_ENDED', `${this.opts.name}: the stream has ended`));
      return;
    }
    let drained = true;
    try {
      for (const part of dataChunks(chunk)) {
        drained = this.conn.sendStream(streamHeader(this.proc, this.serial, MessageStatus.CONTINUE), part) && drained;
      }
    } catch (err) {
      cb(err as Error);
      return;
    }
    if (drained) cb();
    else this.conn.drained().then(() => cb(), cb);
  }

  /** Finish: tell the daemon we are done and wait for its confirm. */
  override _final(cb: (err?: Error | null) => void): void {
    if (this.remoteDone && this.unregistered) {
      cb();
      return;
    }
    const timer = setTimeout(
      () =>
        this.fail(
          new StratoError('DEADLINE_EXCEEDED', 'LIBVIRT_CALL_TIMEOUT', `${this.opts.name}: finish not confirmed`),
        ),
      this.opts.timeoutMs,
    );
    this.finishWaiter = {
      resolve: () => {
        clearTimeout(timer);
        this.unregister();
        this.endReadable();
        cb();
      },
      reject: (err) => {
        clearTimeout(timer);
        cb(err);
      },
    };
    try {
      this.conn.sendStream(streamHeader(this.proc, this.serial, MessageStatus.OK), EMPTY);
    } catch (err) {
      this.finishWaiter = undefined;
      clearTimeout(timer);
      cb(err as Error);
    }
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (!this.unregistered) {
      // Abort: the daemon drops its half at once (its confirm finds no listener).
      try {
        this.conn.sendStream(streamHeader(this.proc, this.serial, MessageStatus.ERROR), EMPTY);
      } catch {
        // The connection is gone: so is the daemon's half.
      }
      this.unregister();
    }
    const w = this.finishWaiter;
    this.finishWaiter = undefined;
    w?.reject(err ?? new StratoError('CANCELLED', 'STREAM_ABORTED', `${this.opts.name}: the stream was aborted`));
    cb(err);
  }

  private onFrame(frame: Frame): void {
    const ev = classifyStreamFrame(frame.header, frame.body, this.opts.name);
    switch (ev.kind) {
      case 'data':
        if (this.remoteDone) return;
        this.push(ev.bytes);
        if (this.readableLength > this.opts.maxUnreadBytes) {
          // Aborts the daemon's half too (destroy, not fail).
          this.destroy(
            new StratoError(
              'RESOURCE_EXHAUSTED',
              'STREAM_READER_TOO_SLOW',
              `${this.opts.name}: more than ${this.opts.maxUnreadBytes} bytes unread`,
            ),
          );
        }
        return;
      case 'eof': {
        this.remoteDone = true;
        const w = this.finishWaiter;
        if (w !== undefined) {
          this.finishWaiter = undefined;
          w.resolve();
        } else {
          // The daemon's end of data (the guest's console closed): end the readable
          // side; allowHalfOpen=false then ends ours, which sends the finish.
          this.endReadable();
        }
        return;
      }
      case 'error':
        if (this.opts.endOnHangup && frame.header.type === MessageType.STREAM && isHangup(ev.error)) {
          // The daemon dropped its half already: nothing to finish or abort.
          this.remoteDone = true;
          this.unregister();
          const w = this.finishWaiter;
          this.finishWaiter = undefined;
          w?.resolve();
          this.endReadable();
          return;
        }
        this.fail(ev.error);
        return;
      case 'ignore':
        return;
    }
  }

  private endReadable(): void {
    if (this.pushedEnd) return;
    this.pushedEnd = true;
    this.push(null);
  }

  /** The daemon's half is gone already (its error, or the connection lost): nothing to abort. */
  private fail(err: Error): void {
    this.remoteDone = true;
    this.unregister();
    this.destroy(err);
  }

  private unregister(): void {
    if (this.unregistered) return;
    this.unregistered = true;
    this.conn.removeStream(this.serial);
  }
}

function isHangup(err: StratoError): boolean {
  return err.details?.libvirtCode === String(LibvirtErrorCode.RPC);
}
