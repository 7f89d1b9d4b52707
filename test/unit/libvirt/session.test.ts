import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { LibvirtClient, type LibvirtClientOptions } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { Proc } from '../../../agent/hypervisor/libvirt/procedures.ts';
import { readDomain, writeDomain } from '../../../agent/hypervisor/libvirt/remote-types.ts';
import { XdrReader, XdrWriter } from '../../../agent/hypervisor/libvirt/xdr.ts';
import { isStratoError } from '../../../common/errors.ts';
import { log } from '../../../common/log.ts';
import { FakeDaemon } from './fake-daemon.ts';

const quiet = log.child({ test: 'libvirt-session' }, { level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup(opts: LibvirtClientOptions = {}): Promise<{ daemon: FakeDaemon; client: LibvirtClient }> {
  const daemon = new FakeDaemon();
  await daemon.listen();
  cleanups.push(async () => {
    await daemon.stop();
    await rm(dirname(daemon.socketPath), { recursive: true, force: true });
  });
  const client = await LibvirtClient.connect({
    socketPath: daemon.socketPath,
    log: quiet,
    backoffInitialMs: 20,
    ...opts,
  });
  cleanups.push(() => client.close());
  return { daemon, client };
}

const uuid = '0a6a231e-d301-402b-ab16-7e6b4d9c5d24';
const domainBody = (name: string, id = 3): Buffer => {
  const w = new XdrWriter();
  writeDomain(w, { name, uuid, id });
  return w.bytes();
};

test('handshake asks for the auth list first, then opens and enables keepalive', async () => {
  const { daemon } = await setup();
  assert.deepEqual(daemon.calls.slice(0, 3), [Proc.AUTH_LIST, Proc.CONNECT_OPEN, Proc.CONNECT_SUPPORTS_FEATURE]);
});

test('replies arriving out of order reach the right callers', async () => {
  const { daemon, client } = await setup();
  daemon.handlers.set(Proc.DOMAIN_LOOKUP_BY_NAME, async (body) => {
    const name = new XdrReader(body).string();
    await sleep(name === 'slow' ? 60 : 0);
    return { ok: domainBody(name) };
  });
  const [slow, fast] = await Promise.all([client.lookupDomain('slow'), client.lookupDomain('fast')]);
  assert.equal(slow.name, 'slow');
  assert.equal(fast.name, 'fast');
});

test('an event sent before the reply of the call that caused it is delivered', async () => {
  const { daemon, client } = await setup({ events: ['lifecycle'] });
  const events: string[] = [];
  client.on('lifecycle', (e) => events.push(`${e.domain.name}:${e.event}:${e.detail}`));
  daemon.handlers.set(Proc.DOMAIN_DEFINE_XML_FLAGS, () => {
    const w = new XdrWriter().int(7);
    writeDomain(w, { name: 'vm1', uuid, id: -1 });
    w.int(0).int(0); // DEFINED / ADDED
    daemon.broadcast(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, w.bytes());
    return { ok: domainBody('vm1', -1) };
  });
  const dom = await client.defineDomain('<domain/>');
  assert.equal(dom.name, 'vm1');
  assert.deepEqual(events, ['vm1:DEFINED:ADDED']);
});

test('libvirt errors become StratoErrors carrying the libvirt code', async () => {
  const { daemon, client } = await setup();
  daemon.handlers.set(Proc.DOMAIN_LOOKUP_BY_NAME, () => ({
    error: { code: 42, domain: 10, message: 'Domain not found' },
  }));
  await assert.rejects(client.lookupDomain('x'), (err) => {
    assert.ok(isStratoError(err, 'NOT_FOUND'));
    assert.equal(err.reason, 'DOMAIN_NOT_FOUND');
    assert.equal(err.details.libvirtCode, '42');
    return true;
  });
});

test('a call without a reply times out and a late reply is ignored', async () => {
  const { daemon, client } = await setup({ callTimeoutMs: 100 });
  daemon.handlers.set(Proc.DOMAIN_LOOKUP_BY_NAME, async () => {
    await sleep(200);
    return { ok: domainBody('late') };
  });
  await assert.rejects(client.lookupDomain('x'), (err) => isStratoError(err, 'DEADLINE_EXCEEDED'));
  daemon.handlers.set(Proc.CONNECT_GET_CAPABILITIES, () => ({ ok: new XdrWriter().string('<capabilities/>').bytes() }));
  await sleep(150); // the late lookup reply lands meanwhile and must not confuse the next call
  assert.equal(client.state, 'ready');
  assert.equal(await client.getCapabilities(), '<capabilities/>');
});

test('answers keepalive pings with pongs', async () => {
  const { daemon } = await setup();
  daemon.ping();
  for (let i = 0; i < 50 && daemon.pongs === 0; i++) await sleep(10);
  assert.equal(daemon.pongs, 1);
});

test('reconnects after the daemon drops the socket and re-registers events', async () => {
  const { daemon, client } = await setup({ events: ['lifecycle', 'device-removed'] });
  const registrations = () => daemon.calls.filter((p) => p === Proc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY).length;
  assert.equal(registrations(), 2);
  const inFlight = new Promise<void>((resolve) => {
    daemon.handlers.set(Proc.DOMAIN_LOOKUP_BY_NAME, () => {
      resolve();
      return 'never';
    });
  });
  const lost = client.lookupDomain('x');
  await inFlight;
  const reconnected = new Promise<void>((r) => client.once('connected', r));
  for (const s of daemon.sockets) s.destroy();
  // A call in flight when the socket dies fails: the daemon may or may not have acted on it.
  await assert.rejects(lost, (err) => isStratoError(err, 'UNAVAILABLE') && err.reason === 'LIBVIRT_CONNECTION_LOST');
  await reconnected;
  assert.equal(registrations(), 4);
  const removed = new Promise<string>((r) => client.once('device-removed', (e) => r(e.devAlias)));
  const w = new XdrWriter().int(8);
  writeDomain(w, { name: 'vm1', uuid, id: 3 });
  w.string('virtio-disk1');
  daemon.broadcast(Proc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED, w.bytes());
  assert.equal(await removed, 'virtio-disk1');
});

test('calls wait while the daemon is down, then fail UNAVAILABLE after their deadline or succeed on return', async () => {
  const { daemon, client } = await setup({ unavailableAfterMs: 150 });
  daemon.handlers.set(Proc.DOMAIN_LOOKUP_BY_NAME, (body) => ({ ok: domainBody(new XdrReader(body).string()) }));
  const handlers = daemon.handlers;
  await daemon.stop();
  await assert.rejects(client.lookupDomain('a'), (err) => isStratoError(err, 'UNAVAILABLE'));
  // Starts waiting while down; the daemon comes back within the deadline.
  const waiting = client.lookupDomain('b');
  const revived = new FakeDaemon(daemon.socketPath);
  revived.handlers = handlers;
  await rm(daemon.socketPath, { force: true });
  await revived.listen();
  cleanups.push(() => revived.stop());
  assert.equal((await waiting).name, 'b');
});

test('connect fails UNAVAILABLE when nothing listens', async () => {
  const t0 = Date.now();
  await assert.rejects(
    LibvirtClient.connect({ socketPath: '/nonexistent/libvirt-sock', connectTimeoutMs: 200, log: quiet }),
    (err) => isStratoError(err, 'UNAVAILABLE'),
  );
  assert.ok(Date.now() - t0 < 2000);
});

test('decodes a domain reference', () => {
  assert.deepEqual(readDomain(new XdrReader(domainBody('vm', 4))), { name: 'vm', uuid, id: 4 });
});
