// Reads back every router this host made: the state directories under
// `<stateDir>/routers/` say which `qrouter-` namespaces are ours (another agent on the
// same machine, a simulated host, has its own), and each namespace is read for its
// links, addresses, forwarding switch, default route and NAT table.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { routerNamespaceName } from '../../../common/network-names.ts';
import type { LinkInfo, Netlink } from '../netlink/netlink.ts';
import type { ObservedRouter } from './observed.ts';
import { readDefaultRoute, readForwarding, readNatHash } from './router-ns.ts';

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
  const [links, addresses, forwarding, route, natHash] = await Promise.all([
    inside.listLinks(),
    inside.listAddresses(),
    readForwarding(namespace),
    readDefaultRoute(namespace),
    readNatHash(namespace),
  ]);
  for (const l of links) out.nsLinks.set(l.name, l);
  for (const a of addresses) {
    out.nsAddresses.set(a.link, [...(out.nsAddresses.get(a.link) ?? []), `${a.address}/${a.prefixLength}`]);
  }
  out.forwarding = forwarding;
  if (route !== undefined) out.defaultRoute = route;
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
