// The conductor's `state_json` (ApplyNetworkState) → a HostNetworkState, checked for
// shape only: every field has the type network-driver.ts declares, and unknown fields
// are refused (Firecracker-style strict parsing) — a field this agent does not know
// could be a security rule it would silently not enforce. Values (CIDRs, MACs, names,
// VNIs, MTUs) are checked by the driver's resolver before it takes any step. Pure.
import { invalidArgument } from '../../common/errors.ts';
import type {
  DhcpHost,
  DhcpSpec,
  DhcpSubnet,
  HostNetworkState,
  NetworkSpec,
  PortBinding,
  SecurityRule,
} from './network-driver.ts';

/** Largest document accepted (a host with thousands of ports stays far below it). */
export const MAX_STATE_JSON_BYTES = 16 * 1024 * 1024;

type Obj = Record<string, unknown>;

function bad(path: string, message: string): never {
  throw invalidArgument('STATE_INVALID', `state_json ${path}: ${message}`, { details: { field: path } });
}

function object(v: unknown, path: string, allowed: readonly string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(path, 'must be an object');
  for (const k of Object.keys(v)) if (!allowed.includes(k)) bad(`${path}.${k}`, 'is not a known field');
  return v as Obj;
}

function str(o: Obj, k: string, path: string): string {
  const v = o[k];
  if (typeof v !== 'string' || v === '') bad(`${path}.${k}`, 'must be a non-empty string');
  return v;
}

function optStr(o: Obj, k: string, path: string): string | undefined {
  return o[k] === undefined ? undefined : str(o, k, path);
}

function optInt(o: Obj, k: string, path: string): number | undefined {
  const v = o[k];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) bad(`${path}.${k}`, 'must be an integer');
  return v;
}

function list<T>(o: Obj, k: string, path: string, item: (v: unknown, p: string) => T, optional = false): T[] {
  const v = o[k];
  if (v === undefined && optional) return [];
  if (!Array.isArray(v)) bad(`${path}.${k}`, 'must be an array');
  return v.map((x, i) => item(x, `${path}.${k}[${i}]`));
}

function stringItem(v: unknown, p: string): string {
  if (typeof v !== 'string' || v === '') bad(p, 'must be a non-empty string');
  return v;
}

function oneOf<T extends string>(o: Obj, k: string, path: string, values: readonly T[]): T {
  const v = str(o, k, path);
  if (!(values as readonly string[]).includes(v)) bad(`${path}.${k}`, `must be one of ${values.join(', ')}`);
  return v as T;
}

function subnet(v: unknown, p: string): DhcpSubnet {
  const o = object(v, p, ['cidr', 'serverIp', 'gateway', 'dns']);
  const s: DhcpSubnet = {
    cidr: str(o, 'cidr', p),
    serverIp: str(o, 'serverIp', p),
    dns: list(o, 'dns', p, stringItem),
  };
  const gateway = optStr(o, 'gateway', p);
  if (gateway !== undefined) s.gateway = gateway;
  return s;
}

function dhcpHost(v: unknown, p: string): DhcpHost {
  const o = object(v, p, ['mac', 'ip', 'hostname']);
  const h: DhcpHost = { mac: str(o, 'mac', p), ip: str(o, 'ip', p) };
  const hostname = optStr(o, 'hostname', p);
  if (hostname !== undefined) h.hostname = hostname;
  return h;
}

function dhcp(v: unknown, p: string): DhcpSpec {
  const o = object(v, p, ['mac', 'subnets', 'hosts', 'upstreamDns']);
  const d: DhcpSpec = {
    mac: str(o, 'mac', p),
    subnets: list(o, 'subnets', p, subnet),
    hosts: list(o, 'hosts', p, dhcpHost),
  };
  if (o.upstreamDns !== undefined) d.upstreamDns = list(o, 'upstreamDns', p, stringItem);
  return d;
}

function network(v: unknown, p: string): NetworkSpec {
  const o = object(v, p, ['networkId', 'type', 'vni', 'physicalBridge', 'mtu', 'bridge', 'vxlanPeers', 'dhcp']);
  const n: NetworkSpec = {
    networkId: str(o, 'networkId', p),
    type: oneOf(o, 'type', p, ['vxlan', 'flat'] as const),
    bridge: str(o, 'bridge', p),
    vxlanPeers: list(o, 'vxlanPeers', p, stringItem, true),
  };
  const vni = optInt(o, 'vni', p);
  const mtu = optInt(o, 'mtu', p);
  const physicalBridge = optStr(o, 'physicalBridge', p);
  if (vni !== undefined) n.vni = vni;
  if (mtu !== undefined) n.mtu = mtu;
  if (physicalBridge !== undefined) n.physicalBridge = physicalBridge;
  if (o.dhcp !== undefined) n.dhcp = dhcp(o.dhcp, `${p}.dhcp`);
  return n;
}

function rule(v: unknown, p: string): SecurityRule {
  const o = object(v, p, ['direction', 'protocol', 'portMin', 'portMax', 'remoteCidrs']);
  const r: SecurityRule = {
    direction: oneOf(o, 'direction', p, ['ingress', 'egress'] as const),
    protocol: oneOf(o, 'protocol', p, ['tcp', 'udp', 'icmp', 'any'] as const),
    remoteCidrs: list(o, 'remoteCidrs', p, stringItem),
  };
  const portMin = optInt(o, 'portMin', p);
  const portMax = optInt(o, 'portMax', p);
  if (portMin !== undefined) r.portMin = portMin;
  if (portMax !== undefined) r.portMax = portMax;
  return r;
}

function port(v: unknown, p: string): PortBinding {
  const o = object(v, p, ['portId', 'networkId', 'tap', 'mac', 'ips', 'securityGroups', 'portSecurity', 'attach']);
  const b: PortBinding = {
    portId: str(o, 'portId', p),
    networkId: str(o, 'networkId', p),
    tap: str(o, 'tap', p),
    mac: str(o, 'mac', p),
    ips: list(o, 'ips', p, stringItem),
    securityGroups: list(o, 'securityGroups', p, rule),
  };
  if (o.portSecurity !== undefined) {
    if (typeof o.portSecurity !== 'boolean') bad(`${p}.portSecurity`, 'must be a boolean');
    b.portSecurity = o.portSecurity;
  }
  if (o.attach !== undefined) {
    const a = object(o.attach, `${p}.attach`, ['namespace']);
    b.attach = { namespace: str(a, 'namespace', `${p}.attach`) };
  }
  return b;
}

/** Parses and shape-checks the JSON of a HostNetworkState. Throws INVALID_ARGUMENT (STATE_INVALID). */
export function parseHostNetworkState(json: string): HostNetworkState {
  if (Buffer.byteLength(json) > MAX_STATE_JSON_BYTES) bad('', `is larger than ${MAX_STATE_JSON_BYTES} bytes`);
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    bad('', `is not JSON (${(err as Error).message})`);
  }
  const o = object(doc, '$', ['networks', 'ports', 'underlayPeers']);
  const state: HostNetworkState = { networks: list(o, 'networks', '$', network), ports: list(o, 'ports', '$', port) };
  if (o.underlayPeers !== undefined) state.underlayPeers = list(o, 'underlayPeers', '$', stringItem);
  return state;
}
