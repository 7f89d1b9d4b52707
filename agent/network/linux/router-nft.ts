// A router's NAT as one nftables table in its namespace, `ip strato_router`, replaced
// whole in one `nft -f` transaction (add, delete, define: never a moment without it).
// Pure.
//
// Why only out of the gateway leg: traffic between the router's own subnets leaves by
// a qr- leg and keeps its addresses. Why a floating IP's SNAT comes first: a NAT
// statement is final, so the more specific fixed → floating rule must win over the
// subnet's SNAT to the gateway address.
//
// Why the forward rules: conntrack keeps translating a flow that was NATed before a
// floating IP (or SNAT) was removed or moved, so a continuous ping would keep flowing
// through a floating IP that no longer exists, or to the guest that held it before.
// Every forwarded packet of a NATed flow whose translation is no longer one the router
// makes (a floating . fixed pair it holds, or SNAT to the gateway address while SNAT is
// on) is dropped, which cuts such flows at their next packet without a conntrack flush.
import { createHash } from 'node:crypto';
import type { FloatingIp } from '../network-driver.ts';

export const ROUTER_TABLE = 'strato_router';
/** Bumped whenever the table changes shape; part of every hash. */
export const ROUTER_NFT_VERSION = 'strato-router-2';

export interface RouterNatSpec {
  /** The qg- leg; absent: the router has no gateway (no NAT at all). */
  gatewayIf?: string;
  /** The gateway address, when SNAT is on. */
  snatTo?: string;
  /** The router's subnets (network/prefix), SNATed to `snatTo`. */
  subnets: string[];
  floatingIps: FloatingIp[];
}

export interface RenderedRouterNat {
  /** The whole `nft -f` script: it replaces the table. */
  script: string;
  /** The comment of the first rule of chain `forward`: equal = nothing to do. */
  hash: string;
}

export function renderRouterNat(spec: RouterNatSpec): RenderedRouterNat {
  const q = JSON.stringify;
  const gw = spec.gatewayIf;
  const fips = gw === undefined ? [] : spec.floatingIps;
  const elements = (items: string[]): string => (items.length > 0 ? ` elements = { ${items.join(', ')} }` : '');
  const body = [
    `  set floating { type ipv4_addr . ipv4_addr;${elements(fips.map((f) => `${f.floatingIp} . ${f.fixedIp}`))} }`,
    `  set snat_to { type ipv4_addr;${elements(gw && spec.snatTo ? [spec.snatTo] : [])} }`,
    '  chain prerouting {',
    '    type nat hook prerouting priority dstnat; policy accept;',
    ...fips.map((f) => `    ip daddr ${f.floatingIp} dnat to ${f.fixedIp}`),
    '  }',
    '  chain postrouting {',
    '    type nat hook postrouting priority srcnat; policy accept;',
    ...fips.map((f) => `    oifname ${q(gw)} ip saddr ${f.fixedIp} snat to ${f.floatingIp}`),
    ...(gw && spec.snatTo && spec.subnets.length > 0
      ? [`    oifname ${q(gw)} ip saddr { ${spec.subnets.join(', ')} } snat to ${spec.snatTo}`]
      : []),
    '  }',
  ];
  const hash = `${ROUTER_NFT_VERSION} ${createHash('sha256').update(body.join('\n')).digest('hex').slice(0, 16)}`;
  const script = [
    `table ip ${ROUTER_TABLE}`,
    `delete table ip ${ROUTER_TABLE}`,
    `table ip ${ROUTER_TABLE} {`,
    ...body,
    '  chain forward {',
    '    type filter hook forward priority filter; policy accept;',
    `    ct status dnat ct original ip daddr . ct reply ip saddr != @floating drop comment ${q(hash)}`,
    '    ct status snat ct reply ip daddr @snat_to accept',
    '    ct status snat ct reply ip daddr . ct original ip saddr != @floating drop',
    '  }',
    '}',
  ].join('\n');
  return { script, hash };
}

export const deleteRouterNatScript = (): string => `table ip ${ROUTER_TABLE}\ndelete table ip ${ROUTER_TABLE}`;
