// Host network orphans on the real kernel, in a network namespace this test creates (a
// simulated host: underlay veth `u0`): the network driver's own plan is what the
// reconciler counts (agent/reconcile/network-orphans.ts). A strato-named bridge and
// tap the pushed state does not name are orphans, and the driver's apply of the
// conductor's state (the periodic re-apply) removes them; a foreign bridge and a
// foreign tap (names strato never gives) are never counted and survive every apply.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LinuxNetworkDriver } from '../../../agent/network/linux/linux-network-driver.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { networkOrphans } from '../../../agent/reconcile/network-orphans.ts';
import { bridgeName, tapName } from '../../../common/network-names.ts';
import { world } from '../../conformance/network-driver/suite-helpers.ts';
import { buildNativeAddon } from '../netlink/helpers.ts';

const tag = randomBytes(3).toString('hex');
const NETNS = `strato-orph-${tag}`;
const UNDERLAY_IP = '10.255.0.1';
const FOREIGN_BRIDGE = `frgn${tag}`;
const FOREIGN_TAP = `vnet${tag}`;
const LEFTOVER_BRIDGE = bridgeName(`dead${tag}0000`);
const LEFTOVER_TAP = tapName(`dead${tag}1111`);

let root: Netlink | undefined;
let host: Netlink;
let driver: LinuxNetworkDriver | undefined;
let stateDir: string | undefined;

before(async () => {
  await buildNativeAddon();
  root = await openNetlink();
  stateDir = await mkdtemp(join(tmpdir(), 'strato-orph-'));
  await chmod(stateDir, 0o755);
  await root.createNamespace(NETNS);
  host = root.inNamespace(NETNS);
  await host.setUp('lo', true);
  await host.createVeth('u0', 'u0-peer', { mtu: 1500, up: true });
  await host.setUp('u0-peer', true);
  await host.addAddress('u0', `${UNDERLAY_IP}/24`);
  driver = new LinuxNetworkDriver({
    netlink: host,
    facts: { underlayDevice: 'u0', underlayIp: UNDERLAY_IP },
    stateDir,
  });
});

after(async () => {
  await driver?.teardown().catch(() => undefined);
  await driver?.close();
  await root?.deleteNamespace(NETNS, { ignoreMissing: true });
  await root?.close();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
});

const names = async (): Promise<string[]> => (await host.listLinks()).map((l) => l.name);

test('strato-named leftovers are counted and removed by the next apply; foreign links are neither', async () => {
  const w = world({ underlayIp: UNDERLAY_IP, flatBridge: 'unused' });
  const state: DesiredHostNetwork = {
    networks: [w.vxlanB()],
    ports: [w.port(w.p3, w.netB, 13)],
  };
  await driver!.apply(state);
  await host.createBridge(FOREIGN_BRIDGE, { mtu: 1500, up: true });
  await host.createTap(FOREIGN_TAP, {});
  await host.createBridge(LEFTOVER_BRIDGE, { mtu: 1500, up: true });
  await host.createTap(LEFTOVER_TAP, {});

  const orphans = networkOrphans(await driver!.plan(state));
  assert.deepEqual(
    orphans.filter((o) => o.kind === 'bridges' || o.kind === 'taps'),
    [
      { kind: 'taps', name: LEFTOVER_TAP },
      { kind: 'bridges', name: LEFTOVER_BRIDGE },
    ],
  );
  for (const o of orphans) assert.ok(!o.name.includes(FOREIGN_BRIDGE) && o.name !== FOREIGN_TAP, JSON.stringify(o));

  for (let i = 0; i < 3; i++) await driver!.apply(state);
  const left = await names();
  assert.ok(left.includes(FOREIGN_BRIDGE), 'the foreign bridge survives');
  assert.ok(left.includes(FOREIGN_TAP), 'the foreign tap survives');
  assert.ok(!left.includes(LEFTOVER_BRIDGE) && !left.includes(LEFTOVER_TAP), 'the strato-named leftovers are gone');
  assert.deepEqual(networkOrphans(await driver!.plan(state)), [], 'nothing left to count');

  await driver!.teardown();
  assert.ok((await names()).includes(FOREIGN_BRIDGE), 'even a teardown leaves the foreign bridge');
});
