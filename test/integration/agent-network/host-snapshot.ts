// What strato made on the (root namespace) host for a set of networks and ports, as
// plain data a test compares before and after an agent restart or a delete: link
// names → ifindexes, the nftables ruleset of strato's tables, DHCP namespaces and
// dnsmasq pids. And a last-resort teardown for a test that failed half-way.
import { dnsmasqPaths } from '../../../agent/network/linux/dnsmasq-config.ts';
import { findDnsmasq } from '../../../agent/network/linux/dnsmasq-process.ts';
import { LinuxNetworkDriver } from '../../../agent/network/linux/linux-network-driver.ts';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import type { HostNetworkFacts } from '../../../agent/network/network-driver.ts';
import { dhcpNamespaceName } from '../../../common/network-names.ts';
import { nftTables, STRATO_TABLES } from '../../harness/nft.ts';

export interface HostSnapshot {
  /** strato-named links (brq/tap/vxlan-/dh-) of the given ids → ifindex. */
  links: Record<string, number>;
  /** `nft list table` of strato's tables, '' for a missing one. */
  nft: string;
  namespaces: string[];
  /** network id → dnsmasq pid (absent: none running). */
  dnsmasq: Record<string, number>;
}

/** `nft list tables` lines naming a strato table. */
export async function stratoTablesLeft(): Promise<string[]> {
  return (await nftTables()).split('\n').filter((l) => /\bstrato\b/.test(l));
}

export async function snapshot(
  netlink: Netlink,
  names: readonly string[],
  networkIds: readonly string[],
  networkStateDir: string,
): Promise<HostSnapshot> {
  const links: Record<string, number> = {};
  for (const l of await netlink.listLinks()) if (names.includes(l.name)) links[l.name] = l.index;
  const all = await netlink.listNamespaces();
  const dnsmasq: Record<string, number> = {};
  for (const id of networkIds) {
    const found = await findDnsmasq(dnsmasqPaths(networkStateDir, id).pidFile);
    if (found !== undefined) dnsmasq[id] = found.pid;
  }
  return {
    links,
    nft: await nftTables({ tables: STRATO_TABLES }),
    namespaces: networkIds.map(dhcpNamespaceName).filter((n) => all.includes(n)),
    dnsmasq,
  };
}

/** Removes whatever strato's driver made in the root namespace (the driver's own teardown, then by hand). */
export async function forceTeardown(
  netlink: Netlink,
  facts: HostNetworkFacts,
  networkStateDir: string,
  networkIds: readonly string[],
): Promise<void> {
  const driver = new LinuxNetworkDriver({ netlink, facts, stateDir: networkStateDir });
  await driver.teardown().catch(() => undefined);
  await driver.close();
  for (const id of networkIds) {
    const found = await findDnsmasq(dnsmasqPaths(networkStateDir, id).pidFile);
    if (found !== undefined) process.kill(found.pid, 'SIGKILL');
    await netlink.deleteNamespace(dhcpNamespaceName(id), { ignoreMissing: true }).catch(() => undefined);
  }
}
