// Reads back every router this host made: the state directories under
// `<stateDir>/routers/` say which `qrouter-` namespaces are ours (another agent on the
// same machine, a simulated host, has its own), and each namespace is read for its
// links, addresses, forwarding switch and default route (netlink, from the worker in
// the namespace) and its NAT table (nft).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { routerNamespaceName } from '../../../common/network-names.ts';
import type { LinkInfo, Netlink } from '../netlink/netlink.ts';
import type { ObservedRouter } from './observed.ts';
import { readNatHash } from './router-ns.ts';

/** The directory whose existence marks router `routerId` as this host's. */
export const routerStateDir = (stateDir: string, routerId: string): string => join(stateDir, 'routers', routerId);

async function observeRouter(netlink: Netlink, routerId: string): Promise<ObservedRouter> {
  const namespace = routerNamespaceName(routerId);
  const out: ObservedRouter = {
    routerId,
    namespaceExists: await netlink.namespaceExists(namespace),
    nsLinks: new Map<string, LinkInfo>(),
    nsAddresses: new Map<string, string[]>(),
    forwarding: false,
  };
  if (!out.namespaceExists) return out;
  const inside = netlink.inNamespace(namespace);
  const [links, addresses, forwarding, routes, natHash] = await Promise.all([
    inside.listLinks(),
    inside.listAddresses(),
    inside.readSysctl('net/ipv4/ip_forward'),
    inside.listRoutes4(),
    readNatHash(namespace),
  ]);
  for (const l of links) out.nsLinks.set(l.name, l);
  for (const a of addresses) {
    out.nsAddresses.set(a.link, [...(out.nsAddresses.get(a.link) ?? []), `${a.address}/${a.prefixLength}`]);
  }
  out.forwarding = forwarding.trim() === '1';
  const route = routes.find((r) => r.prefixLength === 0 && r.gateway !== undefined && r.dev !== undefined);
  if (route !== undefined) out.defaultRoute = { via: route.gateway!, dev: route.dev! };
  if (natHash !== undefined) out.natHash = natHash;
  return out;
}

export async function observeRouters(netlink: Netlink, stateDir: string): Promise<Map<string, ObservedRouter>> {
  let ids: string[];
  try {
    ids = await readdir(join(stateDir, 'routers'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
  const routers = await Promise.all(ids.map((id) => observeRouter(netlink, id)));
  return new Map(routers.map((r) => [r.routerId, r]));
}
