// Addresses, VXLAN FDB remotes (the all-zeros MAC appended once per remote host)
// and IP neighbours, through the real client inside a throw-away namespace.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import { netlinkErrnoCode } from '../../../agent/network/netlink/netlink-errors.ts';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { isStratoError } from '../../../common/errors.ts';
import { buildNativeAddon, type ToolTraps, trapTools, uniqueName } from './helpers.ts';

const ns = uniqueName('strato-nlt-f-');
const ZERO = '00:00:00:00:00:00';

describe('netlink addresses, FDB and neighbours (real kernel)', () => {
  let traps: ToolTraps;
  let root: Netlink;
  let nl: Netlink;

  before(async () => {
    traps = await trapTools();
    await buildNativeAddon();
    root = await openNetlink();
    await root.createNamespace(ns);
    nl = root.inNamespace(ns);
    await nl.createBridge('uplink', { up: true });
    await nl.createVxlan('vxlan-77', { vni: 77, local: '10.88.0.1', dev: 'uplink' });
  });

  after(async () => {
    await root?.deleteNamespace(ns, { ignoreMissing: true });
    await root?.close();
    await traps?.restore();
  });

  it('adds, lists and deletes IPv4 and IPv6 addresses', async () => {
    await nl.addAddress('uplink', '10.88.0.1/24');
    await nl.addAddress('uplink', 'fd88::1/64');
    const mine = (await nl.listAddresses('uplink')).filter((x) => !x.address.startsWith('fe80'));
    assert.deepEqual(mine.map((x) => `${x.family} ${x.address}/${x.prefixLength}`).sort(), [
      'inet 10.88.0.1/24',
      'inet6 fd88::1/64',
    ]);
    assert.ok(mine.every((x) => x.link === 'uplink'));
    await assert.rejects(nl.addAddress('uplink', '10.88.0.1/24'), (e: unknown) => isStratoError(e, 'ALREADY_EXISTS'));
    await nl.deleteAddress('uplink', 'fd88::1/64');
    const left = (await nl.listAddresses('uplink')).map((x) => x.address);
    assert.ok(left.includes('10.88.0.1') && !left.includes('fd88::1'));
    await assert.rejects(nl.deleteAddress('uplink', '10.88.0.9/24'), (e: unknown) => isStratoError(e, 'NOT_FOUND'));
    await nl.deleteAddress('uplink', '10.88.0.9/24', { ignoreMissing: true });
  });

  it('appends the all-zeros MAC once per remote and lists both', async () => {
    await nl.appendFdb({ dev: 'vxlan-77', mac: ZERO, dst: '10.88.0.2' });
    await nl.appendFdb({ dev: 'vxlan-77', mac: ZERO, dst: '10.88.0.3' });
    const remotes = (await nl.listFdb('vxlan-77')).filter((e) => e.mac === ZERO);
    assert.deepEqual(remotes.map((e) => e.dst).sort(), ['10.88.0.2', '10.88.0.3']);
    assert.ok(remotes.every((e) => e.self && e.permanent && e.dev === 'vxlan-77'));
  });

  it('deletes one remote and leaves the other', async () => {
    await nl.deleteFdb({ dev: 'vxlan-77', mac: ZERO, dst: '10.88.0.2' });
    const remotes = (await nl.listFdb('vxlan-77')).filter((e) => e.mac === ZERO);
    assert.deepEqual(
      remotes.map((e) => e.dst),
      ['10.88.0.3'],
    );
    // The kernel itself treats a missing remote of a known MAC as deleted …
    await nl.deleteFdb({ dev: 'vxlan-77', mac: ZERO, dst: '10.88.0.2' });
    // … but a MAC without any entry is ENOENT.
    const unknown = { dev: 'vxlan-77', mac: 'fa:16:3e:99:99:99', dst: '10.88.0.2' };
    await assert.rejects(nl.deleteFdb(unknown), (e: unknown) => {
      assert.ok(isStratoError(e, 'NOT_FOUND'), String(e));
      assert.equal(netlinkErrnoCode(e), 'ENOENT');
      return true;
    });
    await nl.deleteFdb(unknown, { ignoreMissing: true });
  });

  it('adds a unicast MAC once (add is exclusive) and replaces it', async () => {
    const mac = 'fa:16:3e:12:34:56';
    await nl.addFdb({ dev: 'vxlan-77', mac, dst: '10.88.0.4' });
    await assert.rejects(nl.addFdb({ dev: 'vxlan-77', mac, dst: '10.88.0.4' }), (e: unknown) =>
      isStratoError(e, 'ALREADY_EXISTS'),
    );
    await nl.replaceFdb({ dev: 'vxlan-77', mac, dst: '10.88.0.5' });
    const entries = (await nl.listFdb('vxlan-77')).filter((e) => e.mac === mac);
    assert.deepEqual(
      entries.map((e) => e.dst),
      ['10.88.0.5'],
    );
    await nl.deleteFdb({ dev: 'vxlan-77', mac });
    assert.equal((await nl.listFdb('vxlan-77')).filter((e) => e.mac === mac).length, 0);
  });

  it('keeps FDB entries out of the agent namespace', async () => {
    assert.equal((await root.listFdb()).filter((e) => e.dev === 'vxlan-77').length, 0);
  });

  it('replaces, lists and deletes permanent IP neighbours', async () => {
    await nl.replaceNeighbour('uplink', '10.88.0.20', 'fa:16:3e:00:00:20');
    await nl.replaceNeighbour('uplink', '10.88.0.20', 'fa:16:3e:00:00:21');
    const n = (await nl.listNeighbours('uplink')).filter((x) => x.ip === '10.88.0.20');
    assert.deepEqual(n, [{ dev: 'uplink', ip: '10.88.0.20', mac: 'fa:16:3e:00:00:21', permanent: true }]);
    await nl.deleteNeighbour('uplink', '10.88.0.20');
    assert.equal((await nl.listNeighbours('uplink')).filter((x) => x.ip === '10.88.0.20').length, 0);
    await nl.deleteNeighbour('uplink', '10.88.0.20', { ignoreMissing: true });
  });

  it('never ran ip or virsh', () => {
    assert.equal(traps.spawned(), false, `a tool was spawned: see ${traps.marker}`);
  });
});
