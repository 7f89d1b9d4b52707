// Security groups as nftables rules, per port. Pure.
//
// Why two tables: with br_netfilter, bridged IPv4 goes through the inet forward hook
// (where conntrack works), but there the in/out interface is the BRIDGE, not the port,
// and nftables has no physdev match. So a `bridge strato` table (which sees the ports)
// does the stateless work — anti-spoofing, and tagging each packet's skb mark with the
// ids of its source port (low 16 bits) and destination port (high 16 bits) — and the
// `inet strato` table dispatches on those ids to the stateful per-port chains.
//
// Why original-direction packets are re-checked: the in/out chains accept only the
// REPLY direction by conntrack state; every packet of a flow's original direction is
// matched against the current rules. Removing a rule therefore stops an established
// flow at its next packet, with no conntrack flush, while any flow the new rules still
// allow (e.g. an open TCP session across an unrelated change) carries on.
//
// Why host paths: on a flat network the operator bridge has a host address, and what
// the host itself sends to a guest (output hook) or receives from one (input hook)
// never reaches the forward hook. Those packets are sent, by (bridge, guest IP), through
// the SAME per-port in/out chains, so one rule set governs both paths.
import { createHash } from 'node:crypto';
import { invalidArgument } from '../../../common/errors.ts';
import type { SecurityRule } from '../network-driver.ts';
import { normalizeCidrs } from './addr.ts';

export const TABLE = 'strato';
/** Bumped whenever the base tables change shape: a mismatch rebuilds both tables. */
export const BASE_VERSION = 'strato-fw-3';
export const MAX_PORT_ID = 0xffff;

export interface PortFirewallSpec {
  tap: string;
  /** Normalized guest MAC. */
  mac: string;
  ips: string[];
  rules: SecurityRule[];
  portSecurity: boolean;
  /** A flat network's operator bridge, where the host has an address of its own. */
  hostBridge?: string;
}

export interface ChainDef {
  family: 'bridge' | 'inet';
  name: string;
  rules: string[];
}

export interface RenderedPort {
  tap: string;
  /** Mark id; only ports with port security have one. */
  id?: number;
  chains: ChainDef[];
  /** Keys (`"<bridge>" . <ip>`) of the host_in/host_out maps: host↔guest on a flat bridge. */
  hostKeys: string[];
  /** Stored as the comment of the first rule of `from-<tap>`; equal hash = nothing to do. */
  hash: string;
}

export const fromChain = (tap: string): string => `from-${tap}`;
export const toChain = (tap: string): string => `to-${tap}`;
export const outChain = (tap: string): string => `out-${tap}`;
export const inChain = (tap: string): string => `in-${tap}`;

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
export const egressKey = (id: number): number => id;
export const ingressKey = (id: number): number => id * 0x10000;

const PROTOCOLS: readonly string[] = ['tcp', 'udp', 'icmp', 'any'];

/**
 * Refuses a rule nft could not express, whatever the port's security or the rule's
 * remotes: the resolver calls it for every rule before any step, so a bad rule is
 * refused even where it would render to nothing.
 */
export function checkRule(rule: SecurityRule): void {
  const { direction, protocol, portMin, portMax } = rule;
  if (direction !== 'ingress' && direction !== 'egress') {
    throw invalidArgument('INVALID_SECURITY_RULE', `direction ${JSON.stringify(direction)} is not ingress or egress`);
  }
  if (!PROTOCOLS.includes(protocol)) {
    throw invalidArgument('INVALID_SECURITY_RULE', `protocol ${JSON.stringify(protocol)} is not tcp, udp, icmp or any`);
  }
  for (const p of [portMin, portMax]) {
    if (p !== undefined && (!Number.isInteger(p) || p < 0 || p > 65535)) {
      throw invalidArgument('INVALID_SECURITY_RULE', `port ${p} out of range`);
    }
  }
  // For icmp the two are type and code, not a range.
  if ((protocol === 'tcp' || protocol === 'udp') && portMin !== undefined && (portMax ?? portMin) < portMin) {
    throw invalidArgument('INVALID_SECURITY_RULE', `port range ${portMin}-${portMax} is empty`);
  }
  normalizeCidrs(rule.remoteCidrs, 'security rule remote');
}

/** The protocol part of a checked rule. */
function protocolMatch(rule: SecurityRule, family: 4 | 6): string {
  const { protocol, portMin, portMax } = rule;
  if (protocol === 'any') return '';
  if (protocol === 'icmp') {
    if (family === 6) return 'meta l4proto ipv6-icmp';
    return portMin === undefined ? 'meta l4proto icmp' : `icmp type ${portMin}`;
  }
  if (portMin === undefined) return `meta l4proto ${protocol}`;
  const max = portMax ?? portMin;
  return `${protocol} dport ${max === portMin ? portMin : `${portMin}-${max}`}`;
}

/** One security rule as nft rules (one per address family it names). */
export function ruleLines(rule: SecurityRule, verdict: 'accept' | 'return'): string[] {
  checkRule(rule);
  const remote = rule.direction === 'ingress' ? 'saddr' : 'daddr';
  const { v4, v6 } = normalizeCidrs(rule.remoteCidrs, 'security rule remote');
  const out: string[] = [];
  const emit = (family: 4 | 6, cidrs: string[]): void => {
    if (cidrs.length === 0) return;
    const proto = protocolMatch(rule, family);
    const all = family === 4 ? '0.0.0.0/0' : '::/0';
    const addr = cidrs.includes(all)
      ? `meta nfproto ${family === 4 ? 'ipv4' : 'ipv6'}`
      : `${family === 4 ? 'ip' : 'ip6'} ${remote} { ${cidrs.join(', ')} }`;
    out.push([addr, proto, verdict].filter((x) => x).join(' '));
  };
  emit(4, v4);
  emit(6, v6);
  return out;
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}

export function renderPort(spec: PortFirewallSpec, id: number | undefined): RenderedPort {
  const { tap, mac } = spec;
  const chains: ChainDef[] = [];
  const hostKeys: string[] = [];
  if (!spec.portSecurity || id === undefined) {
    chains.push({ family: 'bridge', name: fromChain(tap), rules: ['accept'] });
    chains.push({ family: 'bridge', name: toChain(tap), rules: ['accept'] });
  } else {
    const ips = [...new Set(spec.ips)].sort();
    const v4 = ips.filter((ip) => !ip.includes(':'));
    if (spec.hostBridge !== undefined) for (const ip of v4) hostKeys.push(`${JSON.stringify(spec.hostBridge)} . ${ip}`);
    const from = [
      `ether saddr != ${mac} drop`,
      `meta mark set ${hex(egressKey(id))}`,
      `ether type arp arp saddr ether != ${mac} drop`,
      `ether type arp arp saddr ip != { ${['0.0.0.0', ...v4].join(', ')} } drop`,
      'ether type arp accept',
      // A guest must never answer DHCP for others.
      'ip protocol udp udp sport 67 drop',
      'ip saddr 0.0.0.0 ip daddr 255.255.255.255 udp sport 68 udp dport 67 accept',
    ];
    if (v4.length > 0) from.push(`ip saddr { ${v4.join(', ')} } accept`);
    from.push('drop');
    chains.push({ family: 'bridge', name: fromChain(tap), rules: from });
    chains.push({
      family: 'bridge',
      name: toChain(tap),
      rules: [`meta mark set meta mark & 0x0000ffff | ${hex(ingressKey(id))}`, 'accept'],
    });
    const egress = spec.rules.filter((r) => r.direction === 'egress').flatMap((r) => ruleLines(r, 'return'));
    const ingress = spec.rules.filter((r) => r.direction === 'ingress').flatMap((r) => ruleLines(r, 'accept'));
    for (const r of spec.rules) if (r.direction !== 'egress' && r.direction !== 'ingress') ruleLines(r, 'accept');
    chains.push({
      family: 'inet',
      name: outChain(tap),
      rules: [
        'ct state invalid drop',
        'ct direction reply return',
        'ct state related return',
        'udp sport 68 udp dport 67 return',
        ...dedupe(egress),
        'drop',
      ],
    });
    chains.push({
      family: 'inet',
      name: inChain(tap),
      rules: [
        'ct state invalid drop',
        'ct direction reply accept',
        'ct state related accept',
        'udp sport 67 udp dport 68 accept',
        ...dedupe(ingress),
        'drop',
      ],
    });
  }
  const hash = createHash('sha256').update(JSON.stringify({ id, chains, hostKeys })).digest('hex').slice(0, 16);
  return { tap, ...(id === undefined ? {} : { id }), chains, hostKeys, hash };
}
