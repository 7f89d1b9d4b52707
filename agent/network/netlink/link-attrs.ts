// Builds rtnetlink request bodies (ifinfomsg/ndmsg data + attributes) with the
// `netlink` package's typed helpers. Pure: names are already resolved to indexes
// and namespaces to file descriptors by the caller, so this is table-testable.
import { AttrStream, FlagsNew, ifla, rt, type StreamData } from 'netlink';
import { invalidArgument } from '../../../common/errors.ts';
import { checkPort, checkVni, ipToBuffer, macToBuffer, u16be } from './codec.ts';

export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_BRIDGE = 7;
export const AF_INET6 = 10;
/** IFLA_INFO_DATA attribute of veth: the peer's ifinfomsg followed by its IFLA_* attributes. */
const VETH_INFO_PEER = 1;

export function streamToBuffer(data: StreamData): Buffer {
  const out = new AttrStream();
  out.emit(data);
  return Buffer.concat(out.bufs);
}

export interface LinkRequest {
  data: rt.Link;
  attrs: ifla.LinkAttrs;
}

/** Attributes every created link may carry (already resolved). */
export interface CommonLinkFields {
  mtu?: number;
  mac?: string;
  masterIndex?: number;
  up?: boolean;
  /** fd of the namespace to create the link in (IFLA_NET_NS_FD). */
  netNsFd?: number;
}

function commonRequest(name: string, fields: CommonLinkFields): LinkRequest {
  const attrs: ifla.LinkAttrs = { ifname: name };
  if (fields.mtu !== undefined) attrs.mtu = fields.mtu;
  if (fields.mac !== undefined) attrs.address = macToBuffer(fields.mac);
  if (fields.masterIndex !== undefined) attrs.master = fields.masterIndex;
  if (fields.netNsFd !== undefined) attrs.netNsFd = fields.netNsFd;
  const data: rt.Link = fields.up ? { flags: { up: true }, change: { up: true } } : {};
  return { data, attrs };
}

function withInfo(req: LinkRequest, kind: string, infoData?: StreamData): LinkRequest {
  const info: ifla.Info = { kind };
  if (infoData !== undefined) info.data = streamToBuffer(infoData);
  return { data: req.data, attrs: { ...req.attrs, linkinfo: streamToBuffer(ifla.formatInfo(info)) } };
}

export function bridgeRequest(name: string, fields: CommonLinkFields = {}): LinkRequest {
  return withInfo(commonRequest(name, fields), 'bridge');
}

export interface VethPeerFields {
  name: string;
  netNsFd?: number;
  mtu?: number;
}

export function vethRequest(name: string, peer: VethPeerFields, fields: CommonLinkFields = {}): LinkRequest {
  const peerAttrs: ifla.LinkAttrs = { ifname: peer.name };
  if (peer.netNsFd !== undefined) peerAttrs.netNsFd = peer.netNsFd;
  if (peer.mtu !== undefined) peerAttrs.mtu = peer.mtu;
  // The package types VETH_INFO_PEER as opaque bytes: build the ifinfomsg by hand.
  const peerBody = Buffer.concat([rt.formatLink({}), streamToBuffer(ifla.formatLinkAttrs(peerAttrs))]);
  const infoData = (out: AttrStream) => out.push(VETH_INFO_PEER, peerBody);
  return withInfo(commonRequest(name, fields), 'veth', infoData);
}

export interface VxlanFields {
  vni: number;
  local?: string;
  group?: string;
  devIndex?: number;
  port: number;
  learning: boolean;
  ttl?: number;
}

export function vxlanData(v: VxlanFields): ifla.Vxlan {
  const data: ifla.Vxlan = { id: checkVni(v.vni), port: u16be(checkPort(v.port)), learning: v.learning ? 1 : 0 };
  if (v.local !== undefined) {
    const ip = ipToBuffer(v.local);
    if (ip.family === 4) data.local = ip.bytes;
    else data.local6 = ip.bytes;
  }
  if (v.group !== undefined) {
    const ip = ipToBuffer(v.group);
    if (ip.family === 4) data.group = ip.bytes;
    else data.group6 = ip.bytes;
  }
  if (v.devIndex !== undefined) data.link = v.devIndex;
  if (v.ttl !== undefined) {
    if (!Number.isInteger(v.ttl) || v.ttl < 0 || v.ttl > 255) throw invalidArgument('INVALID_TTL', 'ttl must be 0-255');
    data.ttl = v.ttl;
  }
  return data;
}

export function vxlanRequest(name: string, v: VxlanFields, fields: CommonLinkFields = {}): LinkRequest {
  return withInfo(commonRequest(name, fields), 'vxlan', ifla.formatVxlan(vxlanData(v)));
}

/** Request changing an existing link, addressed by name (the kernel resolves IFLA_IFNAME). */
export function setLinkRequest(name: string, change: CommonLinkFields): LinkRequest {
  const attrs: ifla.LinkAttrs = { ifname: name };
  if (change.mac !== undefined) attrs.address = macToBuffer(change.mac);
  if (change.mtu !== undefined) attrs.mtu = change.mtu;
  if (change.masterIndex !== undefined) attrs.master = change.masterIndex;
  if (change.netNsFd !== undefined) attrs.netNsFd = change.netNsFd;
  const data: rt.Link = {};
  if (change.up !== undefined) {
    data.change = { up: true };
    if (change.up) data.flags = { up: true };
  }
  return { data, attrs };
}

export type FdbMode = 'add' | 'append' | 'replace' | 'delete';

/** NLM_F_* modifiers the way `bridge fdb add|append|replace` sends them. */
export function fdbFlags(mode: FdbMode): number {
  switch (mode) {
    case 'add':
      return FlagsNew.CREATE | FlagsNew.EXCL;
    case 'append':
      return FlagsNew.CREATE | FlagsNew.APPEND;
    case 'replace':
      return FlagsNew.CREATE | FlagsNew.REPLACE;
    case 'delete':
      return 0;
  }
}

export interface NeighbourRequest {
  data: rt.Neighbor;
  attrs: rt.NeighborAttrs;
}

/** A permanent FDB entry in the device's own table (NTF_SELF), e.g. a VXLAN remote. */
export function fdbRequest(ifindex: number, mac: string, dst?: string): NeighbourRequest {
  const attrs: rt.NeighborAttrs = { lladdr: macToBuffer(mac) };
  if (dst !== undefined) attrs.dst = ipToBuffer(dst).bytes;
  return {
    data: { family: AF_BRIDGE, ifindex, state: { permanent: true, noarp: true }, flags: { self: true } },
    attrs,
  };
}

/** A permanent IP neighbour (ARP/NDP) entry. */
export function neighbourRequest(ifindex: number, ip: string, mac?: string): NeighbourRequest {
  const addr = ipToBuffer(ip);
  const attrs: rt.NeighborAttrs = { dst: addr.bytes };
  if (mac !== undefined) attrs.lladdr = macToBuffer(mac);
  return { data: { family: addr.family === 4 ? AF_INET : AF_INET6, ifindex, state: { permanent: true } }, attrs };
}

export interface AddressRequest {
  data: rt.Address;
  attrs: rt.AddressAttrs;
}

/** Like `ip addr add|del ADDR/LEN dev DEV`: IFA_LOCAL and IFA_ADDRESS both the address. */
export function addressRequest(ifindex: number, address: Buffer, family: 4 | 6, prefixLength: number): AddressRequest {
  return {
    data: { family: family === 4 ? AF_INET : AF_INET6, prefixlen: prefixLength, index: ifindex },
    attrs: { local: address, address },
  };
}
