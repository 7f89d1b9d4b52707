// The root namespace without an idle thread: its reads are served on the main
// thread, its writes in a worker that ends once idle, and both give the same
// results and errors as a worker does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import { isStratoError, type StratoError } from '../../../common/errors.ts';
import { threadsNamed } from '../../harness/threads.ts';
import { waitFor } from '../../harness/wait.ts';
import { buildNativeAddon, type ToolTraps, trapTools, uniqueName } from './helpers.ts';

const ns = uniqueName('strato-nlt-r-');
// Interface names are at most 15 bytes: 'rr' + 6 hex + a/b.
const veth = uniqueName('rr');

/** Threads of this process that are netlink workers for the root namespace. */
const rootWorkers = () => threadsNamed('netlink:root');

async function failure(p: Promise<unknown>): Promise<StratoError> {
  try {
    await p;
  } catch (err) {
    assert.ok(isStratoError(err), `not a StratoError: ${String(err)}`);
    return err;
  }
  return assert.fail('expected a failure');
}

describe('netlink in the root namespace without an idle thread (real kernel)', () => {
  let traps: ToolTraps;
  let root: Netlink;

  before(async () => {
    traps = await trapTools();
    await buildNativeAddon();
    root = await openNetlink({ idleMs: 300 });
    await root.createNamespace(ns);
  });

  after(async () => {
    await root?.deleteLink(`${veth}a`, { ignoreMissing: true });
    await root?.deleteNamespace(ns, { ignoreMissing: true });
    await root?.close();
    await traps?.restore();
  });

  it('reads the root namespace without a worker thread', async () => {
    await waitFor(rootWorkers, (n) => n === 0, {
      what: 'the root worker createNamespace used to end',
      timeoutMs: 3000,
    });
    const links = await root.listLinks();
    assert.ok(links.some((l) => l.name === 'lo'));
    assert.equal((await root.getLink('lo')).name, 'lo');
    assert.ok((await root.listAddresses('lo')).some((a) => a.address === '127.0.0.1' && a.prefixLength === 8));
    await root.listRoutes4();
    await root.listNeighbours();
    await root.listFdb();
    assert.match(await root.readSysctl('net/ipv4/ip_forward'), /^[01]\n$/);
    assert.equal(rootWorkers(), 0);
  });

  it('writes in a worker thread that ends once idle; reads see the writes at once', async () => {
    await root.createVeth(`${veth}a`, `${veth}b`);
    assert.equal(rootWorkers(), 1);
    assert.equal((await root.getLink(`${veth}a`)).kind, 'veth');
    await root.deleteLink(`${veth}a`);
    assert.equal(
      (await root.listLinks()).some((l) => l.name === `${veth}a`),
      false,
    );
    await waitFor(rootWorkers, (n) => n === 0, { what: 'the idle root worker to end', timeoutMs: 3000 });
  });

  it('fails a root read exactly as a worker fails the same read', async () => {
    const inThread = await failure(root.getLink('strato-nosuch'));
    const inWorker = await failure(root.inNamespace(ns).getLink('strato-nosuch'));
    assert.equal(inThread.code, 'NOT_FOUND');
    // The same error but for its subject, which names the worker's namespace.
    const plain = (e: StratoError) => ({
      code: e.code,
      reason: e.reason,
      message: e.message.replace(` in namespace ${ns}`, ''),
      details: { ...e.details, subject: e.details.subject?.replace(` in namespace ${ns}`, '') },
    });
    assert.deepEqual(plain(inThread), plain(inWorker));
    assert.notEqual(inThread.message, inWorker.message, 'the worker names its namespace');
    assert.equal(rootWorkers(), 0);
  });

  it('never ran ip or virsh', () => {
    assert.equal(traps.spawned(), false, `a tool was spawned: see ${traps.marker}`);
  });
});
