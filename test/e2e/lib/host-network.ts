// Looking at a simulated host's network plumbing directly (its links through the
// netlink client, its namespaces, dnsmasq processes and nft tables), to check what
// the agents did behind the API: counters that prove traffic crossed the tunnel, and
// nothing left behind once instances, ports and networks are gone.
import { readdir, readFile } from 'node:fs/promises';
import type { LinkStatsCounters } from '../../../agent/network/netlink/netlink.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import { bridgeName, dhcpHostVethName, dhcpNamespaceName, tapName, vxlanName } from '../../../common/network-names.ts';
import { nftTables, STRATO_TABLES } from '../../harness/nft.ts';
import type { CloudHost } from './cloud.ts';

/** A link's counters inside a host, or undefined when the host has no such link. */
export async function linkStats(host: CloudHost, name: string): Promise<LinkStatsCounters | undefined> {
  const nl = await openNetlink({ namespace: host.sim.netns });
  try {
    return (await nl.findLink(name))?.stats;
  } finally {
    await nl.close();
  }
}

export async function linkNames(host: CloudHost): Promise<string[]> {
  const nl = await openNetlink({ namespace: host.sim.netns });
  try {
    return (await nl.listLinks()).map((l) => l.name);
  } finally {
    await nl.close();
  }
}

/** Named network namespaces as the host's agent sees them (its private /run/netns). */
export async function namespacesOn(host: CloudHost): Promise<string[]> {
  const r = await host.sim.exec('ip', ['netns', 'list']);
  return r.stdout
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((n) => n !== '');
}

/** Command lines of the machine's dnsmasq processes that mention `needle`. */
export async function dnsmasqProcesses(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const argv = cmdline.split('\0');
    if ((argv[0] ?? '').endsWith('dnsmasq') && cmdline.includes(needle)) found.push(`${pid}: ${argv.join(' ')}`);
  }
  return found;
}

export interface NetworkTrace {
  networkIds: readonly string[];
  vnis: readonly number[];
  portIds: readonly string[];
}

/** Everything of these networks and ports still on a host, as readable strings. */
export async function leftoversOn(host: CloudHost, t: NetworkTrace): Promise<string[]> {
  const links = new Set(await linkNames(host));
  const wantGone = [
    ...t.networkIds.flatMap((n) => [bridgeName(n), dhcpHostVethName(n)]),
    ...t.vnis.map(vxlanName),
    ...t.portIds.map(tapName),
  ];
  const out = wantGone.filter((l) => links.has(l)).map((l) => `link ${l}`);
  const nss = new Set(await namespacesOn(host));
  out.push(...t.networkIds.filter((n) => nss.has(dhcpNamespaceName(n))).map((n) => `netns ${dhcpNamespaceName(n)}`));
  for (const n of t.networkIds) out.push(...(await dnsmasqProcesses(n)).map((p) => `dnsmasq ${p}`));
  const nft = await nftTables({ netns: host.sim.netns, tables: STRATO_TABLES });
  for (const name of [...t.portIds.map(tapName), ...t.networkIds.map(bridgeName)]) {
    if (nft.includes(name)) out.push(`nft rules naming ${name}`);
  }
  return out.map((s) => `${host.id}: ${s}`);
}

const KINDS = ['link brq', 'link vxlan-', 'link tap', 'netns qdhcp-', 'dnsmasq ', 'nft rules naming tap'];

/**
 * Which kinds of plumbing `leftoversOn` did NOT find in `present` (taken while the
 * networks are in use): proves the clean-up check can see what it looks for.
 */
export function kindsMissing(present: readonly string[]): string[] {
  return KINDS.filter((k) => !present.some((p) => p.includes(`: ${k}`)));
}
