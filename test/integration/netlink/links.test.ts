// The real netlink client against the real kernel, inside throw-away namespaces:
// links, master, up/down, MTU, moves between namespaces, typed errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import { netlinkErrnoCode } from '../../../agent/network/netlink/netlink-errors.ts';
import { isStratoError } from '../../../common/errors.ts';
import { waitFor } from '../../harness/wait.ts';
import { buildNativeAddon, type ToolTraps, trapTools, uniqueName } from './helpers.ts';

const nsA = uniqueName('strato-nlt-a-');
const nsB = uniqueName('strato-nlt-b-');

function rejectsWith(promise: Promise<unknown>, code: string, errno: string): Promise<void> {
  return assert.rejects(promise, (err: unknown) => {
    assert.ok(isStratoError(err), `expected a StratoError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.equal(netlinkErrnoCode(err), errno);
    return true;
  });
}

describe('netlink links (real kernel)', () => {
  let traps: ToolTraps;
  let root: Netlink;
  let a: Netlink;
  let b: Netlink;
  let rootLinksBefore: string[];

  before(async () => {
    traps = await trapTools();
    await buildNativeAddon();
    root = await openNetlink();
    rootLinksBefore = (await root.listLinks()).map((l) => l.name).sort();
    await root.createNamespace(nsA);
    await root.createNamespace(nsB);
    a = root.inNamespace(nsA);
    b = root.inNamespace(nsB);
  });

  after(async () => {
    await root?.deleteNamespace(nsA, { ignoreMissing: true });
    await root?.deleteNamespace(nsB, { ignoreMissing: true });
    await root?.close();
    await traps?.restore();
  });

  it('creates a bridge, sets it up and down and changes its MTU', async () => {
    await a.createBridge('br0');
    let br = await a.getLink('br0');
    assert.equal(br.kind, 'bridge');
    assert.equal(br.up, false);
    await a.setUp('br0', true);
    await a.setMtu('br0', 1400);
    br = await a.getLink('br0');
    assert.equal(br.up, true);
    assert.equal(br.mtu, 1400);
    assert.match(br.mac ?? '', /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
    await a.setUp('br0', false);
    assert.equal((await a.getLink('br0')).up, false);
  });

  it('creates a veth pair with its peer in a second namespace', async () => {
    await a.createVeth('va0', 'vb0', { peerNamespace: nsB, up: true });
    const end = await a.getLink('va0');
    assert.equal(end.kind, 'veth');
    assert.equal(end.up, true);
    assert.equal(await a.findLink('vb0'), undefined, 'peer is not in A');
    assert.equal((await b.getLink('vb0')).kind, 'veth');
  });

  it('counts packets on a link (IPv6 autoconfiguration traffic over an up veth pair)', async () => {
    await b.setUp('vb0', true);
    await waitFor(
      async () => ({ tx: (await a.getLink('va0')).stats.txPackets, rx: (await b.getLink('vb0')).stats.rxPackets }),
      ({ tx, rx }) => tx > 0 && rx > 0,
      { what: 'packets sent on va0 and received on vb0', timeoutMs: 5000 },
    );
  });

  it('moves a link from namespace A to B and back', async () => {
    await a.createVeth('mv0', 'mv1');
    await a.moveToNamespace('mv0', nsB);
    assert.equal(await a.findLink('mv0'), undefined, 'gone from A');
    assert.equal((await b.getLink('mv0')).kind, 'veth', 'present in B');
    await b.moveToNamespace('mv0', nsA);
    assert.ok(await a.findLink('mv0'));
    assert.equal(await b.findLink('mv0'), undefined);
    await a.deleteLink('mv0');
    assert.equal(await a.findLink('mv1'), undefined, 'deleting one end deletes the pair');
  });

  it('enslaves and releases a veth end and a tap', async () => {
    await a.createVeth('pv0', 'pv1');
    await a.setMaster('pv0', 'br0');
    assert.equal((await a.getLink('pv0')).master, 'br0');
    await a.createTap('tap0', { master: 'br0', up: true, mtu: 1400 });
    const tap = await a.getLink('tap0');
    assert.equal(tap.kind, 'tun');
    assert.equal(tap.master, 'br0');
    assert.equal(tap.up, true);
    assert.equal(tap.mtu, 1400);
    await a.setMaster('tap0', null);
    assert.equal((await a.getLink('tap0')).master, undefined);
    const ports = (await a.listLinks()).filter((l) => l.master === 'br0').map((l) => l.name);
    assert.deepEqual(ports, ['pv0']);
    await a.deleteLink('tap0');
    assert.equal(await a.findLink('tap0'), undefined);
  });

  it('creates a VXLAN link with its options', async () => {
    await a.createBridge('underlay');
    await a.addAddress('underlay', '10.77.0.1/24');
    await a.createVxlan(
      'vxlan-4242',
      { vni: 4242, local: '10.77.0.1', dev: 'underlay', port: 4790, learning: false, ttl: 32 },
      { master: 'br0' },
    );
    const underlay = await a.getLink('underlay');
    const vx = await a.getLink('vxlan-4242');
    assert.equal(vx.kind, 'vxlan');
    assert.equal(vx.master, 'br0');
    assert.deepEqual(vx.vxlan, {
      vni: 4242,
      local: '10.77.0.1',
      devIndex: underlay.index,
      port: 4790,
      learning: false,
      ttl: 32,
    });
    assert.equal(typeof vx.stats.rxBytes, 'number');
    await a.createVxlan('vxlan-9', { vni: 9 });
    const defaults = await a.getLink('vxlan-9');
    assert.equal(defaults.vxlan?.port, 4789, 'IANA port by default');
    assert.equal(defaults.vxlan?.learning, false, 'no learning by default');
  });

  it('rejects creating an existing link with ALREADY_EXISTS (EEXIST)', async () => {
    await rejectsWith(a.createBridge('br0'), 'ALREADY_EXISTS', 'EEXIST');
    await rejectsWith(a.createVeth('va0', 'zz0'), 'ALREADY_EXISTS', 'EEXIST');
    await rejectsWith(a.createTap('br0'), 'ALREADY_EXISTS', 'EEXIST');
    await a.createTap('tapdup0');
    await rejectsWith(a.createTap('tapdup0'), 'ALREADY_EXISTS', 'EEXIST');
  });

  it('reports missing links as NOT_FOUND (ENODEV) unless told to ignore them', async () => {
    await rejectsWith(a.deleteLink('nope0'), 'NOT_FOUND', 'ENODEV');
    await a.deleteLink('nope0', { ignoreMissing: true });
    await rejectsWith(a.getLink('nope0'), 'NOT_FOUND', 'ENODEV');
    await rejectsWith(a.setUp('nope0', true), 'NOT_FOUND', 'ENODEV');
    await rejectsWith(a.setMaster('pv0', 'nobridge'), 'NOT_FOUND', 'ENODEV');
    await rejectsWith(a.moveToNamespace('pv0', 'strato-nlt-missing'), 'NOT_FOUND', 'ENOENT');
  });

  it('refuses bad input before reaching the kernel', async () => {
    const invalid = (p: Promise<unknown>) => assert.rejects(p, (e: unknown) => isStratoError(e, 'INVALID_ARGUMENT'));
    await invalid(a.createBridge('this-name-is-too-long'));
    await invalid(a.setMtu('br0', 10));
    await invalid(a.createVxlan('vxlan-x', { vni: 0 }));
    await invalid(a.addAddress('br0', '10.0.0.300/24'));
    assert.equal(await a.findLink('this-name-is-t'), undefined);
  });

  it('left the agent namespace untouched', async () => {
    // Other tests may add links to the agent namespace meanwhile: only ours matter.
    const before = new Set(rootLinksBefore);
    const inRoot = new Set((await root.listLinks()).map((l) => l.name));
    const ours = (await a.listLinks()).map((l) => l.name).filter((n) => n !== 'lo' && !before.has(n));
    assert.ok(ours.length >= 6, `namespace A holds the test's links (${ours.join(' ')})`);
    for (const name of ours) assert.equal(inRoot.has(name), false, `${name} leaked into the agent namespace`);
    assert.equal(await root.findLink('vxlan-4242'), undefined);
  });

  it('never ran ip or virsh', () => {
    assert.equal(traps.spawned(), false, `a tool was spawned: see ${traps.marker}`);
  });
});
