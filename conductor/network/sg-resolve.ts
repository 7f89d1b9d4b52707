// Security group rules resolved to addresses (pure): a remote group becomes the
// addresses of its member ports, so agents only ever match CIDRs.
import { formatCidr, parseCidrLenient, parseIp } from './ipv4.ts';
import type { Direction, PortRecord, RuleProtocol, SecurityGroupRecord } from './model.ts';

export interface ResolvedRule {
  /** The rule it came from (for tracing what an agent's netfilter rule is for). */
  ruleId: string;
  direction: Direction;
  protocol: RuleProtocol;
  /** tcp/udp; 0/0 = every port. */
  portMin: number;
  portMax: number;
  icmpType: number | null;
  icmpCode: number | null;
  /** Canonical CIDRs in address order, never empty (a rule matching nobody is left out). */
  remoteCidrs: string[];
}

/** Member addresses of every group, as sorted /32 CIDRs. */
export function groupMembers(ports: readonly PortRecord[]): Map<string, string[]> {
  const ips = new Map<string, Set<string>>();
  for (const p of ports) {
    for (const g of p.securityGroupIds) {
      const set = ips.get(g) ?? new Set<string>();
      for (const f of p.fixedIps) set.add(f.ip);
      ips.set(g, set);
    }
  }
  const out = new Map<string, string[]>();
  for (const [g, set] of ips) out.set(g, sortCidrs([...set].map((ip) => `${ip}/32`)));
  return out;
}

export function sortCidrs(cidrs: string[]): string[] {
  const key = (c: string) => {
    const p = parseCidrLenient(c);
    return p ? p.network * 64 + p.prefix : -1;
  };
  return [...new Set(cidrs)].sort((a, b) => key(a) - key(b));
}

/**
 * The rules that apply to a port: those of each of its groups (in the port's
 * group order, then rule order), remote groups replaced by member addresses.
 */
export function resolvePortRules(
  port: PortRecord,
  groups: ReadonlyMap<string, SecurityGroupRecord>,
  members: ReadonlyMap<string, string[]>,
): ResolvedRule[] {
  const out: ResolvedRule[] = [];
  for (const gid of port.securityGroupIds) {
    const g = groups.get(gid);
    if (!g) continue;
    for (const r of g.rules) {
      // Fails closed: a prefix that does not parse admits nobody rather than everybody.
      const prefix = r.remoteGroupId === '' ? parseCidrLenient(r.remoteIpPrefix) : undefined;
      const remoteCidrs =
        r.remoteGroupId !== '' ? (members.get(r.remoteGroupId) ?? []) : prefix ? [formatCidr(prefix)] : [];
      if (remoteCidrs.length === 0) continue;
      out.push({
        ruleId: r.id,
        direction: r.direction,
        protocol: r.protocol,
        portMin: r.portMin,
        portMax: r.portMax,
        icmpType: r.icmpType,
        icmpCode: r.icmpCode,
        remoteCidrs,
      });
    }
  }
  return out;
}

/** Numeric order of dotted addresses (for stable output). */
export function byIp(a: string, b: string): number {
  return (parseIp(a) ?? 0) - (parseIp(b) ?? 0);
}
