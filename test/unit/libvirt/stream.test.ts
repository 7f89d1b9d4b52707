// A libvirt stream (stream.ts) against a stand-in daemon that speaks the wire
// format: data both ways on the opening call's serial, the finish and abort
// handshakes, the daemon's errors and hangups, the bound on unread data and the
// loss of the connection — what the real libvirtd cannot be made to show on demand.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { MessageStatus, Proc } from '../../../agent/hypervisor/libvirt/procedures.ts';
import { XdrWriter } from '../../../agent/hypervisor/libvirt/xdr.ts';
import { isStratoError } from '../../../common/errors.ts';
import { log } from '../../../common/log.ts';
import { FakeDaemon } from './fake-daemon.ts';

const quiet = log.child({ test: 'libvirt-stream' }, { level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const DOM = { name: 'strato-x', uuid: '0a6a231e-d301-402b-ab16-7e6b4d9c5d24', id: 3 };
const OPEN = Proc.DOMAIN_OPEN_CONSOLE;

/** A daemon that accepts domainOpenConsole, a client, and the serial the console's stream rides on. */
async function openConsole(): Promise<{ daemon: FakeDaemon; client: LibvirtClient; serial: () => number }> {
  const daemon = new FakeDaemon();
  await daemon.listen();
  cleanups.push(async () => {
    await daemon.stop();
    await rm(dirname(daemon.socketPath), { recursive: true, force: true });
  });
  let serial = -1;
  daemon.handlers.set(OPEN, (_body, header) => {
    serial = header.serial;
    return { ok: Buffer.alloc(0) };
  });
  const client = await LibvirtClient.connect({ socketPath: daemon.socketPath, log: quiet });
  cleanups.push(() => client.close());
  return { daemon, client, serial: () => serial };
}

function errorBody(code: number, message: string): Buffer {
  const w = new XdrWriter();
  w.int(code).int(10).optionalString(message).int(2).uint(0);
  w.optionalString(null).optionalString(null).optionalString(null).int(0).int(0).uint(0);
  return w.bytes();
}

const waitUntil = async (ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !ok(); i++) await sleep(5);
  assert.ok(ok(), 'condition not reached in 1 s');
};

test('data both ways on the opening call’s serial; end() finishes and waits for the confirm', async () => {
  const { daemon, client, serial } = await openConsole();
  const s = await client.openConsole(DOM);
  let read = '';
  s.on('data', (b: Buffer) => {
    read += b.toString();
  });
  daemon.sendStream(OPEN, serial(), MessageStatus.CONTINUE, Buffer.from('login: '));
  s.write('ls\n');
  await waitUntil(() => read === 'login: ' && daemon.streamFrames.length === 1);
  const typed = daemon.streamFrames[0]!;
  assert.equal(typed.header.serial, serial());
  assert.equal(typed.header.status, MessageStatus.CONTINUE);
  assert.equal(typed.body.toString(), 'ls\n');

  let confirmed = false;
  daemon.onStream = (h) => {
    if (h.status === MessageStatus.OK) {
      confirmed = true;
      daemon.sendStream(OPEN, serial(), MessageStatus.OK); // the daemon's zero-length confirm
    }
  };
  s.end();
  await once(s, 'close');
  assert.ok(confirmed, 'the finish was sent');
  assert.equal(s.errored, null);
});

test('destroy() aborts: the daemon gets status ERROR with no body', async () => {
  const { daemon, client, serial } = await openConsole();
  const s = await client.openConsole(DOM);
  s.destroy();
  await waitUntil(() => daemon.streamFrames.length === 1);
  assert.equal(daemon.streamFrames[0]?.header.status, MessageStatus.ERROR);
  assert.equal(daemon.streamFrames[0]?.header.serial, serial());
  assert.equal(daemon.streamFrames[0]?.body.length, 0);
});

test('the daemon’s end of data ends the stream, and we finish our half', async () => {
  const { daemon, client, serial } = await openConsole();
  const s = await client.openConsole(DOM);
  daemon.onStream = (h) => {
    if (h.status === MessageStatus.OK) daemon.sendStream(OPEN, serial(), MessageStatus.OK);
  };
  s.resume();
  daemon.sendStream(OPEN, serial(), MessageStatus.OK);
  await once(s, 'close');
  assert.equal(s.errored, null);
  assert.deepEqual(
    daemon.streamFrames.map((f) => f.header.status),
    [MessageStatus.OK],
  );
});

test('a console’s hangup (VIR_ERR_RPC) is its end; another stream error fails it with the mapped code', async () => {
  const { daemon, client, serial } = await openConsole();
  const hung = await client.openConsole(DOM);
  hung.resume();
  daemon.sendStream(OPEN, serial(), MessageStatus.ERROR, errorBody(39, 'stream had I/O failure'));
  await once(hung, 'close');
  assert.equal(hung.errored, null, 'takeover or guest gone: the session just ends');

  const failed = await client.openConsole(DOM);
  failed.resume();
  const err = once(failed, 'error');
  daemon.sendStream(OPEN, serial(), MessageStatus.ERROR, errorBody(55, 'domain is not running'));
  const [e] = await err;
  assert.ok(isStratoError(e, 'FAILED_PRECONDITION'), String(e));
});

test('a reader that falls more than maxUnreadBytes behind loses the stream (RESOURCE_EXHAUSTED) and it is aborted', async () => {
  const { daemon, client, serial } = await openConsole();
  const s = await client.openConsole(DOM);
  // Nobody reads: the default bound is 1 MiB.
  const err = once(s, 'error');
  for (let i = 0; i < 5; i++) daemon.sendStream(OPEN, serial(), MessageStatus.CONTINUE, Buffer.alloc(256 * 1024, 1));
  const [e] = await err;
  assert.ok(isStratoError(e, 'RESOURCE_EXHAUSTED'), String(e));
  await waitUntil(() => daemon.streamFrames.some((f) => f.header.status === MessageStatus.ERROR));
});

test('the connection lost fails an open stream UNAVAILABLE; a refused open leaves no stream', async () => {
  const { daemon, client } = await openConsole();
  daemon.handlers.set(OPEN, () => ({ error: { code: 9, domain: 10, message: 'Active console session exists' } }));
  await assert.rejects(client.openConsole(DOM, 0), (e: unknown) => isStratoError(e));
  daemon.handlers.set(OPEN, () => ({ ok: Buffer.alloc(0) }));
  const s = await client.openConsole(DOM);
  const err = once(s, 'error');
  for (const sock of daemon.sockets) sock.destroy();
  const [e] = await err;
  assert.ok(isStratoError(e, 'UNAVAILABLE'), String(e));
});
