// What a libvirt stream frame means, and the frames a stream client sends, as
// libvirt 9.0's virnetclientstream.c and the daemon's remote_daemon_stream.c use
// them. A stream rides on the serial and procedure of the call that opened it
// (e.g. REMOTE_PROC_DOMAIN_OPEN_CONSOLE), with messages of type STREAM:
//   status CONTINUE + bytes  data, in either direction (fire and forget)
//   status CONTINUE, empty   end of data (some daemons) — same as status OK, empty
//   status OK, empty         from the daemon: end of data, or the confirm of our
//                            finish/abort; from us: finish (the daemon confirms)
//   status ERROR + error     from the daemon: the stream failed; from us, empty: abort
// An error about one of our messages may also come back as a REPLY with status
// ERROR on the stream's serial. Pure: tested in test/unit/libvirt/stream-frames.test.ts.
import { StratoError } from '../../../common/errors.ts';
import type { MessageHeader } from './framing.ts';
import { decodeErrorStruct, toStratoError } from './libvirt-errors.ts';
import { MessageStatus, MessageType, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION } from './procedures.ts';
import { XdrReader } from './xdr.ts';

/**
 * VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX: the most data the daemon puts in one stream
 * message, and the most we put in one (older daemons refuse larger ones).
 */
export const STREAM_CHUNK_MAX = 262144;

export type StreamEvent =
  | { kind: 'data'; bytes: Buffer }
  | { kind: 'eof' }
  | { kind: 'error'; error: StratoError }
  /** A frame that is no part of a stream's conversation (ignored, never fatal). */
  | { kind: 'ignore' };

/** The meaning of a STREAM or REPLY frame that arrived on a stream's serial. */
export function classifyStreamFrame(header: MessageHeader, body: Buffer, name: string): StreamEvent {
  if (header.type === MessageType.REPLY) {
    // The daemon answers a data message it could not deliver, or a finish/abort that
    // failed, with an error reply; an OK reply here carries nothing for us.
    return header.status === MessageStatus.ERROR
      ? { kind: 'error', error: decodeError(body, name) }
      : { kind: 'ignore' };
  }
  if (header.type !== MessageType.STREAM) return { kind: 'ignore' };
  switch (header.status) {
    case MessageStatus.CONTINUE:
      return body.length === 0 ? { kind: 'eof' } : { kind: 'data', bytes: body };
    case MessageStatus.OK:
      return { kind: 'eof' };
    case MessageStatus.ERROR:
      return { kind: 'error', error: decodeError(body, name) };
    default:
      return {
        kind: 'error',
        error: new StratoError('INTERNAL', 'LIBVIRT_UNEXPECTED_STATUS', `${name}: stream status ${header.status}`),
      };
  }
}

function decodeError(body: Buffer, name: string): StratoError {
  try {
    return toStratoError(decodeErrorStruct(new XdrReader(body)), name);
  } catch {
    return new StratoError('INTERNAL', 'LIBVIRT_STREAM_FAILED', `${name}: the stream failed without an error`);
  }
}

/** The header of a message we send on stream (proc, serial). */
export function streamHeader(proc: number, serial: number, status: number): MessageHeader {
  return { prog: REMOTE_PROGRAM, vers: REMOTE_PROTOCOL_VERSION, proc, type: MessageType.STREAM, serial, status };
}

/** Splits outgoing bytes into data messages the daemon accepts. */
export function dataChunks(data: Uint8Array, max = STREAM_CHUNK_MAX): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += max) out.push(data.subarray(at, Math.min(at + max, data.length)));
  return out;
}
