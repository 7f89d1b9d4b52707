// Routers: resolved routers vs what observe-routers.ts found. Per router, in order:
// the state directory (it marks the namespace as ours), the namespace, the NAT table
// (before any leg, so nothing is forwarded un-NATed), the legs with their addresses,
// forwarding, the default route. A router that goes loses its legs (deleting a veth's
// host end takes its pair synchronously; a namespace's own teardown is asynchronous)
// and then its namespace and state. Pure.
import { routerNamespaceName } from '../../../common/network-names.ts';
import type { LinkInfo } from '../netlink/netlink.ts';
import type { ObservedHost, ObservedRouter } from './observed.ts';
import type { ResolvedRouter, ResolvedRouterLeg } from './resolve-routers.ts';
import type { Step } from './steps.ts';

export interface RouterPlan {
  create: Step[];
  remove: Step[];
}

const NS_LEG = /^q([rg])-(.+)$/;
const HOST_LEG = /^tq[rg]/;

/** The host end of a namespace leg (`qr-X` → `tqrX`), or undefined for other links. */
function hostEndOf(nsEnd: string): string | undefined {
  const m = NS_LEG.exec(nsEnd);
  return m === null ? undefined : `tq${m[1]}${m[2]}`;
}

/** One leg: made (or remade) when either end is missing or the MAC differs; else fixed up. */
function planLeg(
  r: ResolvedRouter,
  leg: ResolvedRouterLeg,
  seen: ObservedRouter | undefined,
  obs: ObservedHost,
  out: Step[],
): boolean {
  const hostEnd = obs.links.get(leg.hostEnd);
  const nsEnd: LinkInfo | undefined = seen?.namespaceExists ? seen.nsLinks.get(leg.nsEnd) : undefined;
  const ok = hostEnd?.kind === 'veth' && nsEnd !== undefined && nsEnd.mac === leg.mac;
  if (!ok) {
    if (hostEnd !== undefined) out.push({ kind: 'delete-link', name: leg.hostEnd });
    else if (nsEnd !== undefined) out.push({ kind: 'delete-link', name: leg.nsEnd, namespace: r.namespace });
    out.push({
      kind: 'create-router-veth',
      namespace: r.namespace,
      hostEnd: leg.hostEnd,
      nsEnd: leg.nsEnd,
      mac: leg.mac,
      mtu: leg.mtu,
      bridge: leg.bridge,
    });
  } else {
    if (hostEnd.mtu !== leg.mtu) out.push({ kind: 'set-mtu', link: leg.hostEnd, mtu: leg.mtu });
    if (hostEnd.master !== leg.bridge) out.push({ kind: 'set-master', link: leg.hostEnd, master: leg.bridge });
    if (!hostEnd.up) out.push({ kind: 'set-up', link: leg.hostEnd });
    if (nsEnd.mtu !== leg.mtu) out.push({ kind: 'set-mtu', link: leg.nsEnd, mtu: leg.mtu, namespace: r.namespace });
    if (!nsEnd.up) out.push({ kind: 'set-up', link: leg.nsEnd, namespace: r.namespace });
  }
  const have = new Set(ok ? (seen?.nsAddresses.get(leg.nsEnd) ?? []) : []);
  for (const cidr of leg.addresses) {
    if (have.has(cidr)) continue;
    out.push({
      kind: 'add-address',
      namespace: r.namespace,
      link: leg.nsEnd,
      cidr,
      ...(leg.announce ? { announce: true } : {}),
    });
  }
  for (const cidr of [...have].sort()) {
    if (!leg.addresses.includes(cidr) && !cidr.startsWith('fe80:')) {
      out.push({ kind: 'delete-address', namespace: r.namespace, link: leg.nsEnd, cidr });
    }
  }
  return ok;
}

function planRouter(r: ResolvedRouter, obs: ObservedHost, stateDirOf: (id: string) => string, out: Step[]): void {
  const seen = obs.routers.get(r.routerId);
  if (seen === undefined) out.push({ kind: 'write-router-state', routerId: r.routerId, dir: stateDirOf(r.routerId) });
  const nsExists = seen?.namespaceExists === true;
  // Router ids are the conductor's and unique, so a namespace of this name without our
  // state dir (lost with the dir) is this router's: it is adopted and re-planned whole.
  if (!nsExists) out.push({ kind: 'create-namespace', name: r.namespace, adopt: true });
  if (!nsExists || seen?.natHash !== r.nat.hash) {
    out.push({ kind: 'router-nat', namespace: r.namespace, script: r.nat.script, hash: r.nat.hash });
  }
  // Legs the router no longer has go first: a leg moving to another port frees its subnet.
  const wanted = new Set(r.legs.map((l) => l.nsEnd));
  if (nsExists) {
    for (const name of [...seen.nsLinks.keys()].sort()) {
      if (wanted.has(name)) continue;
      const hostEnd = hostEndOf(name);
      if (hostEnd === undefined) continue;
      out.push(
        obs.links.has(hostEnd)
          ? { kind: 'delete-link', name: hostEnd }
          : { kind: 'delete-link', name, namespace: r.namespace },
      );
    }
  }
  const kept = new Map(r.legs.map((l) => [l.nsEnd, planLeg(r, l, seen, obs, out)]));
  if (!nsExists || !seen.forwarding) out.push({ kind: 'enable-forwarding', namespace: r.namespace });
  const want = r.defaultRoute;
  const have = nsExists && want !== undefined && kept.get(want.dev) === true ? seen.defaultRoute : undefined;
  if (want !== undefined && (have?.via !== want.via || have.dev !== want.dev)) {
    out.push({ kind: 'set-default-route', namespace: r.namespace, via: want.via, dev: want.dev });
  } else if (want === undefined && nsExists && seen.defaultRoute !== undefined) {
    out.push({ kind: 'delete-default-route', namespace: r.namespace });
  }
}

export function planRouters(
  routers: readonly ResolvedRouter[],
  obs: ObservedHost,
  stateDirOf: (routerId: string) => string,
): RouterPlan {
  const create: Step[] = [];
  for (const r of routers) planRouter(r, obs, stateDirOf, create);
  const remove: Step[] = [];
  const wantedIds = new Set(routers.map((r) => r.routerId));
  // Host ends that are wanted, or paired with a leg in one of our namespaces (handled above).
  const hostEnds = new Set(routers.flatMap((r) => r.legs.map((l) => l.hostEnd)));
  for (const seen of obs.routers.values()) {
    for (const name of seen.nsLinks.keys()) {
      const hostEnd = hostEndOf(name);
      if (hostEnd !== undefined) hostEnds.add(hostEnd);
    }
  }
  for (const [routerId, seen] of [...obs.routers].sort(([a], [b]) => a.localeCompare(b))) {
    if (wantedIds.has(routerId)) continue;
    for (const name of [...seen.nsLinks.keys()].sort()) {
      const hostEnd = hostEndOf(name);
      if (hostEnd !== undefined && obs.links.has(hostEnd)) remove.push({ kind: 'delete-link', name: hostEnd });
    }
    if (seen.namespaceExists) remove.push({ kind: 'delete-namespace', name: routerNamespaceName(routerId) });
    remove.push({ kind: 'remove-router-state', routerId, dir: stateDirOf(routerId) });
  }
  // Host ends left behind by a router whose namespace vanished under us.
  for (const link of [...obs.links.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (link.kind === 'veth' && HOST_LEG.test(link.name) && !hostEnds.has(link.name)) {
      remove.push({ kind: 'delete-link', name: link.name });
    }
  }
  return { create, remove };
}
