// Bridges, VXLAN links, FDB peers and taps: resolved desired state vs the host's links.
// Returns the work in the order it must run — network links before taps, taps gone
// before their network's links go. Pure.
import type { LinkInfo } from '../netlink/netlink.ts';
import type { ObservedHost } from './observed.ts';
import type { ResolvedNetwork, ResolvedPort, ResolvedState } from './resolve.ts';
import { VXLAN_PORT } from './resolve.ts';
import type { Step } from './steps.ts';

export interface LinkPlan {
  networks: Step[];
  createTaps: Step[];
  deleteTaps: Step[];
  deleteNetworks: Step[];
}

const OURS_BRIDGE = /^brq/;
const OURS_VXLAN = /^vxlan-\d+$/;
const OURS_TAP = /^tap/;
const OURS_DHCP_VETH = /^dh-/;

function fixLink(link: LinkInfo, mtu: number, master: string | undefined, out: Step[]): void {
  if (link.mtu !== mtu) out.push({ kind: 'set-mtu', link: link.name, mtu });
  if (master !== undefined && link.master !== master) out.push({ kind: 'set-master', link: link.name, master });
  if (!link.up) out.push({ kind: 'set-up', link: link.name });
}

function vxlanMatches(
  link: LinkInfo,
  want: NonNullable<ResolvedNetwork['vxlan']>,
  devIndex: number | undefined,
): boolean {
  const v = link.vxlan;
  return (
    link.kind === 'vxlan' &&
    v !== undefined &&
    v.vni === want.vni &&
    v.local === want.local &&
    v.port === VXLAN_PORT &&
    !v.learning &&
    (devIndex === undefined || v.devIndex === devIndex)
  );
}

function planNetwork(n: ResolvedNetwork, obs: ObservedHost, out: Step[]): void {
  const bridge = obs.links.get(n.bridge);
  if (n.managedBridge) {
    if (bridge === undefined) out.push({ kind: 'create-bridge', name: n.bridge, mtu: n.mtu });
    else fixLink(bridge, n.mtu, undefined, out);
  }
  const vx = n.vxlan;
  if (vx === undefined) return;
  const link = obs.links.get(vx.name);
  const devIndex = obs.links.get(vx.dev)?.index;
  if (link !== undefined && !vxlanMatches(link, vx, devIndex)) out.push({ kind: 'delete-link', name: vx.name });
  const fresh = link === undefined || !vxlanMatches(link, vx, devIndex);
  if (fresh) {
    out.push({
      kind: 'create-vxlan',
      name: vx.name,
      vni: vx.vni,
      local: vx.local,
      dev: vx.dev,
      mtu: vx.mtu,
      bridge: n.bridge,
    });
  } else fixLink(link, vx.mtu, n.bridge, out);
  const have = new Set(fresh ? [] : (obs.vxlanRemotes.get(vx.name) ?? []));
  for (const peer of n.peers) if (!have.has(peer)) out.push({ kind: 'fdb-append', dev: vx.name, dst: peer });
  for (const dst of [...have].sort()) if (!n.peers.includes(dst)) out.push({ kind: 'fdb-delete', dev: vx.name, dst });
}

function createPort(p: ResolvedPort): Step {
  return p.attach === undefined
    ? { kind: 'create-tap', name: p.tap, mac: p.hostMac, mtu: p.mtu, bridge: p.bridge }
    : {
        kind: 'create-veth-port',
        name: p.tap,
        guestIf: p.attach.guestIf,
        namespace: p.attach.namespace,
        mac: p.attach.mac,
        mtu: p.mtu,
        bridge: p.bridge,
      };
}

function planTap(p: ResolvedPort, obs: ObservedHost, out: { create: Step[]; del: Step[] }): void {
  const link = obs.links.get(p.tap);
  const ok = p.attach === undefined ? link?.kind === 'tun' && link.mac === p.hostMac : link?.kind === 'veth';
  if (link === undefined || !ok) {
    if (link !== undefined) out.del.push({ kind: 'delete-link', name: p.tap });
    out.create.push(createPort(p));
  } else fixLink(link, p.mtu, p.bridge, out.create);
}

export function planLinks(desired: ResolvedState, obs: ObservedHost): LinkPlan {
  const networks: Step[] = [];
  for (const n of desired.networks) planNetwork(n, obs, networks);
  const taps = { create: [] as Step[], del: [] as Step[] };
  for (const p of desired.ports) planTap(p, obs, taps);
  const wantTaps = new Set(desired.ports.map((p) => p.tap));
  const wantBridges = new Set(desired.networks.filter((n) => n.managedBridge).map((n) => n.bridge));
  const wantVxlans = new Set(desired.networks.flatMap((n) => (n.vxlan ? [n.vxlan.name] : [])));
  const wantDhcp = new Set(desired.networks.flatMap((n) => (n.dhcp ? [n.dhcp.hostEnd] : [])));
  const deleteNetworks: Step[] = [];
  for (const link of [...obs.links.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if ((link.kind === 'tun' || link.kind === 'veth') && OURS_TAP.test(link.name) && !wantTaps.has(link.name)) {
      taps.del.push({ kind: 'delete-link', name: link.name });
    } else if (link.kind === 'vxlan' && OURS_VXLAN.test(link.name) && !wantVxlans.has(link.name)) {
      deleteNetworks.push({ kind: 'delete-link', name: link.name });
    } else if (link.kind === 'veth' && OURS_DHCP_VETH.test(link.name) && !wantDhcp.has(link.name)) {
      deleteNetworks.push({ kind: 'delete-link', name: link.name });
    }
  }
  // Bridges last: their ports (vxlan, dhcp veth) are gone by then.
  for (const link of [...obs.links.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (link.kind === 'bridge' && OURS_BRIDGE.test(link.name) && !wantBridges.has(link.name)) {
      deleteNetworks.push({ kind: 'delete-link', name: link.name });
    }
  }
  return { networks, createTaps: taps.create, deleteTaps: taps.del, deleteNetworks };
}
