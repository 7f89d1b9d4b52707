// A tiny stand-in for libvirtd on a temporary UNIX socket that speaks the real framing
// and XDR, for unit tests of connection behaviour (ordering, keepalive, reconnect)
// that the real daemon cannot be made to show on demand.
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeFrame, FrameDecoder, type MessageHeader } from '../../../agent/hypervisor/libvirt/framing.ts';
import {
  KEEPALIVE_PROGRAM,
  MessageStatus,
  MessageType,
  Proc,
  REMOTE_PROGRAM,
} from '../../../agent/hypervisor/libvirt/procedures.ts';
import { XdrWriter } from '../../../agent/hypervisor/libvirt/xdr.ts';

export type Reply = { ok: Buffer } | { error: { code: number; domain: number; message: string } } | 'never';

export class FakeDaemon {
  readonly socketPath: string;
  private server: net.Server | null = null;
  readonly sockets = new Set<net.Socket>();
  readonly calls: number[] = [];
  pongs = 0;
  private nextCallbackId = 7;
  /** STREAM messages clients sent (stream data, finish, abort), in order. */
  readonly streamFrames: Array<{ header: MessageHeader; body: Buffer }> = [];
  /** Hears each STREAM message as it arrives (e.g. to confirm a finish). */
  onStream: ((header: MessageHeader, body: Buffer) => void) | undefined;
  /** Per-procedure answers beyond the handshake; default is an empty OK body. */
  handlers = new Map<number, (body: Buffer, header: MessageHeader) => Reply | Promise<Reply>>();

  /** A fresh socket in a new temp directory, or `socketPath` to take over a dead one's. */
  constructor(socketPath?: string) {
    this.socketPath = socketPath ?? join(mkdtempSync(join(tmpdir(), 'strato-fake-libvirtd-')), 'sock');
  }

  async listen(): Promise<void> {
    const server = net.createServer((s) => this.accept(s));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.socketPath, resolve));
  }

  /** Stops listening and drops every client, like a daemon that died. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Sends an unsolicited event frame to every client. */
  broadcast(proc: number, body: Buffer): void {
    for (const s of this.sockets) s.write(frame({ proc, type: MessageType.MESSAGE, serial: 0 }, body));
  }

  /** Sends a STREAM message of the stream opened by call `serial` of `proc` to every client. */
  sendStream(proc: number, serial: number, status: number, body: Uint8Array = Buffer.alloc(0)): void {
    for (const s of this.sockets) s.write(frame({ proc, type: MessageType.STREAM, serial, status }, body));
  }

  ping(): void {
    for (const s of this.sockets) {
      s.write(
        encodeFrame(
          { prog: KEEPALIVE_PROGRAM, vers: 1, proc: 1, type: MessageType.MESSAGE, serial: 0, status: 0 },
          Buffer.alloc(0),
        ),
      );
    }
  }

  private accept(s: net.Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => {});
    const dec = new FrameDecoder();
    s.on('data', (chunk: Buffer) => {
      for (const { header, body } of dec.push(chunk)) {
        if (header.prog === KEEPALIVE_PROGRAM) {
          if (header.proc === 2) this.pongs++;
          continue;
        }
        if (header.type === MessageType.STREAM) {
          // A stream message is no call: libvirtd answers none of them but finish/abort.
          this.streamFrames.push({ header, body });
          this.onStream?.(header, body);
          continue;
        }
        this.calls.push(header.proc);
        void Promise.resolve(this.answer(header, body)).then((reply) => this.send(s, header, reply));
      }
    });
  }

  private send(s: net.Socket, header: MessageHeader, reply: Reply): void {
    if (reply === 'never' || s.destroyed) return;
    if ('ok' in reply) s.write(frame({ proc: header.proc, type: MessageType.REPLY, serial: header.serial }, reply.ok));
    else {
      const w = new XdrWriter();
      const e = reply.error;
      w.int(e.code).int(e.domain).optionalString(e.message).int(2).int(0);
      w.optionalString(null).optionalString(null).optionalString(null).int(0).int(0).int(0);
      s.write(
        frame(
          { proc: header.proc, type: MessageType.REPLY, serial: header.serial, status: MessageStatus.ERROR },
          w.bytes(),
        ),
      );
    }
  }

  private answer(header: MessageHeader, body: Buffer): Reply | Promise<Reply> {
    const h = this.handlers.get(header.proc);
    if (h) return h(body, header);
    switch (header.proc) {
      case Proc.AUTH_LIST:
        return { ok: new XdrWriter().array([0], (w, n) => w.int(n)).bytes() };
      case Proc.CONNECT_SUPPORTS_FEATURE:
        return { ok: new XdrWriter().int(1).bytes() };
      case Proc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY:
        return { ok: new XdrWriter().int(this.nextCallbackId++).bytes() };
      default:
        return { ok: Buffer.alloc(0) };
    }
  }
}

function frame(h: Partial<MessageHeader> & Pick<MessageHeader, 'proc' | 'type' | 'serial'>, body: Uint8Array): Buffer {
  return encodeFrame({ prog: REMOTE_PROGRAM, vers: 1, status: MessageStatus.OK, ...h }, body);
}
