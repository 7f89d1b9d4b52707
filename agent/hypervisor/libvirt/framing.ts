// Message framing of libvirt's RPC (src/rpc/virnetprotocol.x): a 4-byte big-endian
// length that counts the whole frame including itself, then a 24-byte header, then
// the XDR body. A socket delivers frames split across and merged within chunks, so
// the decoder buffers until a whole frame is there.
import { internal } from '../../../common/errors.ts';

export const LEN_BYTES = 4;
export const HEADER_BYTES = 24;
/** VIR_NET_MESSAGE_MAX: the daemon never sends more, so a larger length means corruption. */
export const MESSAGE_MAX = 33554432;

export interface MessageHeader {
  prog: number;
  vers: number;
  proc: number;
  type: number;
  serial: number;
  status: number;
}

export interface Frame {
  header: MessageHeader;
  /** The XDR body after the header (a copy, safe to keep). */
  body: Buffer;
}

export function encodeFrame(header: MessageHeader, body: Uint8Array): Buffer {
  const total = LEN_BYTES + HEADER_BYTES + body.length;
  if (total > MESSAGE_MAX)
    throw internal('LIBVIRT_MESSAGE_TOO_LARGE', `message of ${total} bytes exceeds ${MESSAGE_MAX}`);
  const out = Buffer.allocUnsafe(total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(header.prog, 4);
  out.writeUInt32BE(header.vers, 8);
  out.writeInt32BE(header.proc, 12);
  out.writeInt32BE(header.type, 16);
  out.writeUInt32BE(header.serial, 20);
  out.writeInt32BE(header.status, 24);
  out.set(body, LEN_BYTES + HEADER_BYTES);
  return out;
}

function decodeHeader(buf: Buffer, at: number): MessageHeader {
  return {
    prog: buf.readUInt32BE(at),
    vers: buf.readUInt32BE(at + 4),
    proc: buf.readInt32BE(at + 8),
    type: buf.readInt32BE(at + 12),
    serial: buf.readUInt32BE(at + 16),
    status: buf.readInt32BE(at + 20),
  };
}

/** Accumulates socket chunks and yields whole frames. */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): Frame[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Frame[] = [];
    if (this.buffered < LEN_BYTES) return frames;
    // One concat per push keeps this linear; chunks are usually whole frames anyway.
    let buf = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.buffered);
    let pos = 0;
    while (buf.length - pos >= LEN_BYTES) {
      const len = buf.readUInt32BE(pos);
      if (len < LEN_BYTES + HEADER_BYTES || len > MESSAGE_MAX) {
        throw internal('LIBVIRT_BAD_FRAME', `invalid libvirt frame length ${len}`);
      }
      if (buf.length - pos < len) break;
      const header = decodeHeader(buf, pos + LEN_BYTES);
      const body = Buffer.from(buf.subarray(pos + LEN_BYTES + HEADER_BYTES, pos + len));
      frames.push({ header, body });
      pos += len;
    }
    buf = buf.subarray(pos);
    this.chunks = buf.length > 0 ? [buf] : [];
    this.buffered = buf.length;
    return frames;
  }

  /** Bytes held waiting for the rest of a frame. */
  get pending(): number {
    return this.buffered;
  }
}
