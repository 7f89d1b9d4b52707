// nft script text for the firewall planner: the base tables and the per-port,
// per-bridge and per-underlay-peer pieces, all meant to be concatenated into ONE
// `nft -f -` run, which the kernel applies as a single transaction. Pure.
import {
  BASE_VERSION,
  type ChainDef,
  egressKey,
  fromChain,
  inChain,
  ingressKey,
  outChain,
  type RenderedPort,
  TABLE,
  toChain,
} from './firewall-render.ts';
import { VXLAN_PORT } from './resolve.ts';

const q = (s: string): string => JSON.stringify(s);

/** Both tables from scratch (the `add`/`delete` pair makes deleting a missing table harmless). */
export function baseTables(): string[] {
  return [
    ...deleteTables(),
    `table inet ${TABLE} {`,
    '  map zones { typeof iifname : ct zone; }',
    '  map egress { type mark : verdict; }',
    '  map ingress { type mark : verdict; }',
    '  map host_in { typeof oifname . ip daddr : verdict; }',
    '  map host_out { typeof iifname . ip saddr : verdict; }',
    '  set vxlan_sources4 { type ipv4_addr; }',
    '  set vxlan_sources6 { type ipv6_addr; }',
    '  counter vxlan_dropped { }',
    '  chain raw {',
    '    type filter hook prerouting priority raw; policy accept;',
    // Bridged packets arrive here with the bridge as iif: one conntrack zone per network.
    `    ct zone set iifname map @zones comment ${q(BASE_VERSION)}`,
    '  }',
    '  chain forward {',
    '    type filter hook forward priority filter; policy accept;',
    `    meta mark & 0x0000ffff vmap @egress comment ${q(BASE_VERSION)}`,
    '    meta mark & 0xffff0000 vmap @ingress',
    '  }',
    // The host's own flows on a network bridge get that network's zone too, so a guest's
    // reply to the host (input) finds the entry the host's packet (output) created.
    '  chain raw_out {',
    '    type filter hook output priority raw; policy accept;',
    `    ct zone set oifname map @zones comment ${q(BASE_VERSION)}`,
    '  }',
    '  chain output {',
    '    type filter hook output priority filter; policy accept;',
    `    oifname . ip daddr vmap @host_in comment ${q(BASE_VERSION)}`,
    '  }',
    '  chain input {',
    '    type filter hook input priority filter; policy accept;',
    // The kernel's VXLAN socket listens on the wildcard address (one socket per port,
    // shared by every VXLAN link), so anyone who can reach the host could inject frames
    // into a tenant network: only registered hosts may send to it. Spoofing a registered
    // host's source address is left to the underlay (it is the operator's network).
    `    udp dport ${VXLAN_PORT} ip saddr != @vxlan_sources4 counter name "vxlan_dropped" drop comment ${q(BASE_VERSION)}`,
    `    udp dport ${VXLAN_PORT} ip6 saddr != @vxlan_sources6 counter name "vxlan_dropped" drop`,
    '    iifname . ip saddr vmap @host_out',
    '  }',
    '}',
    `table bridge ${TABLE} {`,
    '  set bridges { type ifname; }',
    '  map from_port { type ifname : verdict; }',
    '  map to_port { type ifname : verdict; }',
    '  chain prerouting {',
    '    type filter hook prerouting priority -300; policy accept;',
    `    iifname vmap @from_port comment ${q(BASE_VERSION)}`,
    // Fail closed: a strato tap (DESIGN.md: tap* names are strato's) without its rules
    // passes nothing. (`meta ibrname` would scope this to our bridges, but needs
    // nft_meta_bridge, which these kernels lack.)
    '    iifname "tap*" drop',
    '  }',
    '  chain forward {',
    '    type filter hook forward priority -300; policy accept;',
    '    oifname vmap @to_port',
    '    oifname "tap*" drop',
    '  }',
    '}',
  ];
}

export function deleteTables(): string[] {
  return [
    `add table inet ${TABLE}`,
    `delete table inet ${TABLE}`,
    `add table bridge ${TABLE}`,
    `delete table bridge ${TABLE}`,
  ];
}

function chainLines(c: ChainDef, hash: string | undefined): string[] {
  const at = `${c.family} ${TABLE} ${c.name}`;
  const out = [`add chain ${at}`, `flush chain ${at}`];
  c.rules.forEach((r, i) => {
    out.push(`add rule ${at} ${r}${i === 0 && hash !== undefined ? ` comment ${q(hash)}` : ''}`);
  });
  return out;
}

/** What a port's elements were, as observed, so they can be deleted before re-adding. */
export interface PortElements {
  fromPort: boolean;
  toPort: boolean;
  egressId?: number;
  ingressId?: number;
  /** Observed host_in / host_out keys, `"<bridge>" . <ip>`. */
  hostIn?: string[];
  hostOut?: string[];
}

export function removePortElements(tap: string, el: PortElements): string[] {
  const out: string[] = [];
  if (el.fromPort) out.push(`delete element bridge ${TABLE} from_port { ${q(tap)} }`);
  if (el.toPort) out.push(`delete element bridge ${TABLE} to_port { ${q(tap)} }`);
  if (el.egressId !== undefined) out.push(`delete element inet ${TABLE} egress { ${egressKey(el.egressId)} }`);
  if (el.ingressId !== undefined) out.push(`delete element inet ${TABLE} ingress { ${ingressKey(el.ingressId)} }`);
  for (const k of el.hostIn ?? []) out.push(`delete element inet ${TABLE} host_in { ${k} }`);
  for (const k of el.hostOut ?? []) out.push(`delete element inet ${TABLE} host_out { ${k} }`);
  return out;
}

export function addPort(p: RenderedPort): string[] {
  const out: string[] = [];
  for (const c of p.chains) out.push(...chainLines(c, c.name === fromChain(p.tap) ? p.hash : undefined));
  out.push(`add element bridge ${TABLE} from_port { ${q(p.tap)} : jump ${fromChain(p.tap)} }`);
  out.push(`add element bridge ${TABLE} to_port { ${q(p.tap)} : jump ${toChain(p.tap)} }`);
  if (p.id !== undefined) {
    out.push(`add element inet ${TABLE} egress { ${egressKey(p.id)} : jump ${outChain(p.tap)} }`);
    out.push(`add element inet ${TABLE} ingress { ${ingressKey(p.id)} : jump ${inChain(p.tap)} }`);
    for (const k of p.hostKeys) {
      out.push(`add element inet ${TABLE} host_in { ${k} : jump ${inChain(p.tap)} }`);
      out.push(`add element inet ${TABLE} host_out { ${k} : jump ${outChain(p.tap)} }`);
    }
  }
  return out;
}

export function zoneLines(bridge: string, zone: number, op: 'add' | 'delete'): string[] {
  return op === 'add'
    ? [
        `add element inet ${TABLE} zones { ${q(bridge)} : ${zone} }`,
        `add element bridge ${TABLE} bridges { ${q(bridge)} }`,
      ]
    : [
        `delete element inet ${TABLE} zones { ${q(bridge)} }`,
        `delete element bridge ${TABLE} bridges { ${q(bridge)} }`,
      ];
}

/** Adds or deletes underlay addresses in the VXLAN source sets (nothing for an empty list). */
export function vxlanSourceLines(ips: readonly string[], op: 'add' | 'delete'): string[] {
  const out: string[] = [];
  for (const [set, family] of [
    ['vxlan_sources4', ips.filter((ip) => !ip.includes(':'))],
    ['vxlan_sources6', ips.filter((ip) => ip.includes(':'))],
  ] as const) {
    if (family.length > 0) out.push(`${op} element inet ${TABLE} ${set} { ${family.join(', ')} }`);
  }
  return out;
}
