// Runs the NetworkDriver conformance suite against the real Linux driver: the kernel
// through netlink, nftables and dnsmasq, on a simulated host that is a network
// namespace this test creates (underlay veth `u0` with MTU 1500, an operator bridge
// for flat networks). DHCP and router namespaces are machine-wide and named after the fresh
// network ids of each test. Everything a subject made is removed when its test ends,
// failed or not.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { dnsmasqPaths } from '../../../agent/network/linux/dnsmasq-config.ts';
import { findDnsmasq } from '../../../agent/network/linux/dnsmasq-process.ts';
import { LinuxNetworkDriver } from '../../../agent/network/linux/linux-network-driver.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { dhcpNamespaceName, routerNamespaceName } from '../../../common/network-names.ts';
import { buildNativeAddon } from '../../integration/netlink/helpers.ts';
import { networkDriverConformance } from './network-driver-suite.ts';

const tag = randomBytes(3).toString('hex');
const UNDERLAY_IP = '10.255.0.1';
const FLAT_BRIDGE = 'br-flat';
let root: Promise<Netlink> | undefined;
let count = 0;

/** One netlink client for the whole file, opened on first use. */
function rootNetlink(): Promise<Netlink> {
  root ??= buildNativeAddon().then(() => openNetlink());
  return root;
}

after(async () => {
  await (await root)?.close();
});

/** Kills the dnsmasq and removes the DHCP namespace of every network the driver served. */
async function removeDhcp(nl: Netlink, stateDir: string): Promise<void> {
  for (const id of await readdir(join(stateDir, 'dhcp')).catch(() => [] as string[])) {
    const found = await findDnsmasq(dnsmasqPaths(stateDir, id).pidFile);
    if (found !== undefined) process.kill(found.pid, 'SIGKILL');
    await nl.deleteNamespace(dhcpNamespaceName(id), { ignoreMissing: true });
  }
}

networkDriverConformance('linux', async () => {
  const nl = await rootNetlink();
  const netns = `strato-ndc-${tag}-${++count}`;
  const stateDir = await mkdtemp(join(tmpdir(), 'strato-ndc-'));
  // dnsmasq drops to its own account and re-reads its files from here.
  await chmod(stateDir, 0o755);
  await nl.createNamespace(netns);
  const host = nl.inNamespace(netns);
  const driver = new LinuxNetworkDriver({
    netlink: host,
    facts: { underlayDevice: 'u0', underlayIp: UNDERLAY_IP },
    stateDir,
  });
  const close = async (): Promise<void> => {
    await driver.teardown().catch(() => undefined);
    await driver.close();
    // Should teardown have failed: DHCP and router namespaces and dnsmasq live outside the host namespace.
    await removeDhcp(nl, stateDir);
    for (const id of await readdir(join(stateDir, 'routers')).catch(() => [] as string[])) {
      await nl.deleteNamespace(routerNamespaceName(id), { ignoreMissing: true });
    }
    await nl.deleteNamespace(netns, { ignoreMissing: true });
    await rm(stateDir, { recursive: true, force: true });
  };
  try {
    await host.setUp('lo', true);
    await host.createVeth('u0', 'u0-peer', { mtu: 1500, up: true });
    await host.setUp('u0-peer', true);
    await host.addAddress('u0', `${UNDERLAY_IP}/24`);
    await host.createBridge(FLAT_BRIDGE, { mtu: 1500, up: true });
  } catch (err) {
    await close();
    throw err;
  }
  return { driver, host: { underlayIp: UNDERLAY_IP, flatBridge: FLAT_BRIDGE }, close };
});
