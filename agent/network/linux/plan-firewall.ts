// Desired security state vs the observed nft tables → at most ONE step: an nft script
// applied as a single transaction. Unchanged ports (same rule hash, elements in place)
// are not touched; a port whose rules changed has its chains flushed and refilled in
// that same transaction, so no packet ever sees a half-written chain. The underlay
// addresses VXLAN is accepted from change in that same transaction too. Pure.

import { MAX_PORT_ID, type PortFirewallSpec, renderPort } from './firewall-render.ts';
import {
  addPort,
  baseTables,
  deleteTables,
  type PortElements,
  removePortElements,
  vxlanSourceLines,
  zoneLines,
} from './firewall-script.ts';
import type { ObservedFirewall } from './observed.ts';
import type { Step } from './steps.ts';

const PORT_CHAIN = /^(?:from|to|out|in)-(.+)$/;

function lowestFree(used: Set<number>, max: number, what: string): number {
  for (let i = 1; i <= max; i++) if (!used.has(i)) return i;
  throw new Error(`no free ${what} id`);
}

function observedTaps(obs: ObservedFirewall): Set<string> {
  const taps = new Set<string>([
    ...obs.fromPort,
    ...obs.toPort,
    ...obs.egress.keys(),
    ...obs.ingress.keys(),
    ...obs.hostIn.keys(),
    ...obs.hostOut.keys(),
  ]);
  for (const c of obs.chains) {
    const m = PORT_CHAIN.exec(c.name);
    if (m) taps.add(m[1]!);
  }
  return taps;
}

function elementsOf(obs: ObservedFirewall, tap: string): PortElements {
  const egressId = obs.egress.get(tap);
  const ingressId = obs.ingress.get(tap);
  return {
    fromPort: obs.fromPort.has(tap),
    toPort: obs.toPort.has(tap),
    hostIn: obs.hostIn.get(tap) ?? [],
    hostOut: obs.hostOut.get(tap) ?? [],
    ...(egressId === undefined ? {} : { egressId }),
    ...(ingressId === undefined ? {} : { ingressId }),
  };
}

const sameKeys = (a: string[] | undefined, b: string[]): boolean =>
  JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...b].sort());

function chainsOf(obs: ObservedFirewall, tap: string): { family: 'bridge' | 'inet'; name: string }[] {
  return obs.chains.filter((c) => PORT_CHAIN.exec(c.name)?.[1] === tap);
}

/** Stable ids: an observed port keeps its mark id, a network its zone; new ones take the lowest free. */
function assignIds(keys: string[], observed: Map<string, number>, max: number, what: string): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>(observed.values());
  const seen = new Set<number>();
  for (const k of keys) {
    const id = observed.get(k);
    if (id !== undefined && !seen.has(id)) {
      out.set(k, id);
      seen.add(id);
    }
  }
  for (const k of keys) {
    if (out.has(k)) continue;
    const id = lowestFree(used, max, what);
    used.add(id);
    out.set(k, id);
  }
  return out;
}

export interface FirewallWant {
  ports: PortFirewallSpec[];
  /** Bridges of the networks on this host: one conntrack zone each. */
  bridges: string[];
  /** Canonical underlay addresses VXLAN is accepted from; from any other, it is dropped. */
  vxlanSources: string[];
}

export function planFirewall(want: FirewallWant, obs: ObservedFirewall): Step[] {
  const { ports, bridges } = want;
  const sources = [...new Set(want.vxlanSources)].sort();
  if (ports.length === 0 && bridges.length === 0) {
    if (!obs.inetTable && !obs.bridgeTable) return [];
    return [{ kind: 'nft', script: deleteTables().join('\n'), changes: ['delete tables'] }];
  }
  const sorted = [...ports].sort((a, b) => a.tap.localeCompare(b.tap));
  const secure = sorted.filter((p) => p.portSecurity).map((p) => p.tap);
  const ids = assignIds(secure, obs.egress, MAX_PORT_ID, 'port mark');
  const zones = assignIds([...new Set(bridges)].sort(), obs.zones, 0xffff, 'conntrack zone');
  const rendered = sorted.map((p) => renderPort(p, ids.get(p.tap)));

  if (!obs.baseOk) {
    const lines = [...baseTables()];
    for (const [bridge, zone] of zones) lines.push(...zoneLines(bridge, zone, 'add'));
    lines.push(...vxlanSourceLines(sources, 'add'));
    for (const r of rendered) lines.push(...addPort(r));
    return [{ kind: 'nft', script: lines.join('\n'), changes: ['rebuild tables'] }];
  }

  const removals: string[] = [];
  const chainDeletes: string[] = [];
  const additions: string[] = [];
  const changes: string[] = [];
  const desiredTaps = new Set(sorted.map((p) => p.tap));
  for (const tap of [...observedTaps(obs)].sort()) {
    if (desiredTaps.has(tap)) continue;
    removals.push(...removePortElements(tap, elementsOf(obs, tap)));
    for (const c of chainsOf(obs, tap)) chainDeletes.push(`delete chain ${c.family} strato ${c.name}`);
    changes.push(`remove port ${tap}`);
  }
  for (const r of rendered) {
    const el = elementsOf(obs, r.tap);
    const inPlace =
      el.fromPort &&
      el.toPort &&
      (r.id === undefined ? el.egressId === undefined : el.egressId === r.id && el.ingressId === r.id) &&
      sameKeys(el.hostIn, r.hostKeys) &&
      sameKeys(el.hostOut, r.hostKeys);
    if (obs.portHashes.get(r.tap) === r.hash && inPlace) continue;
    removals.push(...removePortElements(r.tap, el));
    const keep = new Set(r.chains.map((c) => `${c.family} ${c.name}`));
    for (const c of chainsOf(obs, r.tap)) {
      if (!keep.has(`${c.family} ${c.name}`)) chainDeletes.push(`delete chain ${c.family} strato ${c.name}`);
    }
    additions.push(...addPort(r));
    changes.push(`${obs.portHashes.has(r.tap) ? 'update' : 'add'} port ${r.tap}`);
  }
  for (const [bridge, zone] of obs.zones) {
    if (zones.get(bridge) === zone) continue;
    removals.push(`delete element inet strato zones { ${JSON.stringify(bridge)} }`);
  }
  for (const bridge of obs.bridges) if (!zones.has(bridge)) removals.push(...zoneLines(bridge, 0, 'delete').slice(1));
  for (const [bridge, zone] of zones) {
    const zoneOk = obs.zones.get(bridge) === zone;
    if (zoneOk && obs.bridges.has(bridge)) continue;
    if (!zoneOk) additions.push(zoneLines(bridge, zone, 'add')[0]!);
    if (!obs.bridges.has(bridge)) additions.push(zoneLines(bridge, zone, 'add')[1]!);
    changes.push(`zone ${bridge}=${zone}`);
  }
  for (const bridge of obs.zones.keys()) if (!zones.has(bridge)) changes.push(`remove zone ${bridge}`);
  const leaving = [...obs.vxlanSources].filter((ip) => !sources.includes(ip)).sort();
  const joining = sources.filter((ip) => !obs.vxlanSources.has(ip));
  removals.push(...vxlanSourceLines(leaving, 'delete'));
  additions.push(...vxlanSourceLines(joining, 'add'));
  for (const ip of joining) changes.push(`vxlan source +${ip}`);
  for (const ip of leaving) changes.push(`vxlan source -${ip}`);
  const lines = [...removals, ...chainDeletes, ...additions];
  if (lines.length === 0) return [];
  return [{ kind: 'nft', script: lines.join('\n'), changes }];
}
