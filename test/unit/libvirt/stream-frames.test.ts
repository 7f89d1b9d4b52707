// The meaning of libvirt stream frames (stream-frames.ts), as the daemon sends them
// (remote_daemon_stream.c), and the frames a stream client sends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageHeader } from '../../../agent/hypervisor/libvirt/framing.ts';
import { MessageStatus, MessageType, Proc, REMOTE_PROGRAM } from '../../../agent/hypervisor/libvirt/procedures.ts';
import {
  classifyStreamFrame,
  dataChunks,
  STREAM_CHUNK_MAX,
  streamHeader,
} from '../../../agent/hypervisor/libvirt/stream-frames.ts';
import { XdrWriter } from '../../../agent/hypervisor/libvirt/xdr.ts';

const PROC = Proc.DOMAIN_OPEN_CONSOLE;

function header(type: number, status: number): MessageHeader {
  return { prog: REMOTE_PROGRAM, vers: 1, proc: PROC, type, serial: 9, status };
}

/** virNetMessageError for `code` with `message` (no domain, no network). */
function errorBody(code: number, message: string): Buffer {
  const w = new XdrWriter();
  w.int(code).int(10).optionalString(message).int(2);
  w.uint(0); // no domain
  w.optionalString(null).optionalString(null).optionalString(null).int(0).int(0);
  w.uint(0); // no network
  return w.bytes();
}

test('stream frames from the daemon: data, end of data, errors, and what is ignored', () => {
  const table: Array<[string, MessageHeader, Buffer, string]> = [
    ['data', header(MessageType.STREAM, MessageStatus.CONTINUE), Buffer.from('ls\r\n'), 'data:ls\r\n'],
    ['empty CONTINUE is end of data', header(MessageType.STREAM, MessageStatus.CONTINUE), Buffer.alloc(0), 'eof'],
    ['OK is end of data or a confirm', header(MessageType.STREAM, MessageStatus.OK), Buffer.alloc(0), 'eof'],
    [
      'stream error',
      header(MessageType.STREAM, MessageStatus.ERROR),
      errorBody(55, 'domain is not running'),
      'error:FAILED_PRECONDITION',
    ],
    [
      'error reply to one of our messages',
      header(MessageType.REPLY, MessageStatus.ERROR),
      errorBody(9, 'Active console session exists'),
      'error:',
    ],
    ['an OK reply carries nothing', header(MessageType.REPLY, MessageStatus.OK), Buffer.alloc(0), 'ignore'],
    ['an event is no stream frame', header(MessageType.MESSAGE, MessageStatus.OK), Buffer.alloc(0), 'ignore'],
    [
      'an undecodable error is still an error',
      header(MessageType.STREAM, MessageStatus.ERROR),
      Buffer.alloc(2),
      'error:INTERNAL',
    ],
    ['an unknown status fails the stream', header(MessageType.STREAM, 7), Buffer.alloc(0), 'error:INTERNAL'],
  ];
  for (const [what, h, body, want] of table) {
    const ev = classifyStreamFrame(h, body, 'domainOpenConsole');
    const got =
      ev.kind === 'data'
        ? `data:${ev.bytes.toString()}`
        : ev.kind === 'error'
          ? `error:${want === 'error:' ? '' : ev.error.code}`
          : ev.kind;
    assert.equal(got, want, what);
  }
});

test('a stream error keeps libvirt’s message for the user', () => {
  const ev = classifyStreamFrame(
    header(MessageType.STREAM, MessageStatus.ERROR),
    errorBody(55, 'domain is not running'),
    'domainOpenConsole',
  );
  assert.equal(ev.kind, 'error');
  if (ev.kind === 'error') assert.match(ev.error.message, /domain is not running/);
});

test('outgoing stream messages: type STREAM on the opening call’s proc and serial', () => {
  assert.deepEqual(streamHeader(PROC, 41, MessageStatus.CONTINUE), {
    prog: REMOTE_PROGRAM,
    vers: 1,
    proc: PROC,
    type: MessageType.STREAM,
    serial: 41,
    status: MessageStatus.CONTINUE,
  });
});

test('data is cut into messages of at most 256 KiB, in order, none empty', () => {
  assert.equal(STREAM_CHUNK_MAX, 262144);
  assert.deepEqual(dataChunks(Buffer.alloc(0)), []);
  const data = Buffer.alloc(STREAM_CHUNK_MAX * 2 + 5, 1);
  data[STREAM_CHUNK_MAX] = 2;
  const parts = dataChunks(data);
  assert.deepEqual(
    parts.map((p) => p.length),
    [STREAM_CHUNK_MAX, STREAM_CHUNK_MAX, 5],
  );
  assert.equal(parts[1]?.[0], 2);
  assert.deepEqual(
    dataChunks(Buffer.from('abcdefg'), 3).map((p) => Buffer.from(p).toString()),
    ['abc', 'def', 'g'],
  );
});
