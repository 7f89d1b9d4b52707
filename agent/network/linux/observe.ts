// Reads everything the driver manages back from the host: links and VXLAN FDB remotes
// in the host's namespace, the DHCP state directories with their namespaces, links,
// addresses, files and verified dnsmasq processes, the routers (observe-routers.ts),
// and the nft tables. Nothing else is remembered between applies, so a restarted agent
// sees exactly what a running one does.
import { readdir, readFile } from 'node:fs/promises';
import { dhcpNamespaceName } from '../../../common/network-names.ts';
import type { LinkInfo, Netlink } from '../netlink/netlink.ts';
import { dnsmasqPaths } from './dnsmasq-config.ts';
import { findDnsmasq } from './dnsmasq-process.ts';
import { nftObserve } from './nft.ts';
import type { ObservedDhcp, ObservedHost } from './observed.ts';
import { observeRouters } from './observe-routers.ts';

const ZERO_MAC = '00:00:00:00:00:00';

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function listDir(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function observeDhcp(netlink: Netlink, stateDir: string, networkId: string): Promise<ObservedDhcp> {
  const paths = dnsmasqPaths(stateDir, networkId);
  const namespace = dhcpNamespaceName(networkId);
  const namespaceExists = await netlink.namespaceExists(namespace);
  const nsLinks = new Map<string, LinkInfo>();
  const nsAddresses = new Map<string, string[]>();
  if (namespaceExists) {
    const inside = netlink.inNamespace(namespace);
    for (const l of await inside.listLinks()) nsLinks.set(l.name, l);
    for (const a of await inside.listAddresses()) {
      nsAddresses.set(a.link, [...(nsAddresses.get(a.link) ?? []), `${a.address}/${a.prefixLength}`]);
    }
  }
  const [dnsmasq, hostsFile, optsFile] = await Promise.all([
    findDnsmasq(paths.pidFile),
    readOptional(paths.hostsFile),
    readOptional(paths.optsFile),
  ]);
  return {
    networkId,
    namespaceExists,
    nsLinks,
    nsAddresses,
    ...(dnsmasq === undefined ? {} : { dnsmasq }),
    ...(hostsFile === undefined ? {} : { hostsFile }),
    ...(optsFile === undefined ? {} : { optsFile }),
  };
}

export async function observeHost(
  netlink: Netlink,
  stateDir: string,
  nftNamespace: string | undefined,
): Promise<ObservedHost> {
  const [linkList, firewall, dhcpIds, routers] = await Promise.all([
    netlink.listLinks(),
    nftObserve(nftNamespace),
    listDir(`${stateDir}/dhcp`),
    observeRouters(netlink, stateDir),
  ]);
  const links = new Map(linkList.map((l) => [l.name, l]));
  const vxlanRemotes = new Map<string, string[]>();
  await Promise.all(
    linkList
      .filter((l) => l.kind === 'vxlan' && /^vxlan-\d+$/.test(l.name))
      .map(async (l) => {
        const fdb = await netlink.listFdb(l.name);
        vxlanRemotes.set(
          l.name,
          fdb.filter((e) => e.mac === ZERO_MAC && e.dst !== undefined).map((e) => e.dst!),
        );
      }),
  );
  const dhcp = new Map<string, ObservedDhcp>();
  for (const d of await Promise.all(dhcpIds.map((id) => observeDhcp(netlink, stateDir, id)))) dhcp.set(d.networkId, d);
  return { links, vxlanRemotes, dhcp, firewall, routers };
}
