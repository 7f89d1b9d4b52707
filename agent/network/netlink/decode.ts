// Turns parsed rtnetlink messages into strato's plain records. Pure: index→name
// resolution is passed in, so tests can feed hand-made messages.
import { ifla, type rt } from 'netlink';
import { bufferToIp, bufferToMac, operStateName } from './codec.ts';
import { AF_BRIDGE, AF_INET, AF_INET6 } from './link-attrs.ts';
import type { AddressInfo, FdbEntry, LinkInfo, LinkStatsCounters, NeighbourEntry, VxlanInfo } from './netlink.ts';

type Names = (index: number) => string | undefined;

function counters(attrs: ifla.LinkAttrs): LinkStatsCounters {
  const s64 = attrs.stats64;
  if (s64 !== undefined) {
    return {
      rxPackets: Number(s64.rxPackets ?? 0n),
      txPackets: Number(s64.txPackets ?? 0n),
      rxBytes: Number(s64.rxBytes ?? 0n),
      txBytes: Number(s64.txBytes ?? 0n),
      rxDropped: Number(s64.rxDropped ?? 0n),
      txDropped: Number(s64.txDropped ?? 0n),
    };
  }
  const s = attrs.stats;
  return {
    rxPackets: s?.rxPackets ?? 0,
    txPackets: s?.txPackets ?? 0,
    rxBytes: s?.rxBytes ?? 0,
    txBytes: s?.txBytes ?? 0,
    rxDropped: s?.rxDropped ?? 0,
    txDropped: s?.txDropped ?? 0,
  };
}

export function decodeVxlan(data: Buffer): VxlanInfo {
  const v = ifla.parseVxlan(data);
  const out: VxlanInfo = { vni: v.id ?? 0, port: v.port?.readUInt16BE(0) ?? 0, learning: (v.learning ?? 0) !== 0 };
  const local = v.local ?? v.local6;
  if (local?.some((b) => b !== 0)) out.local = bufferToIp(local);
  const group = v.group ?? v.group6;
  if (group?.some((b) => b !== 0)) out.group = bufferToIp(group);
  if (v.link !== undefined && v.link !== 0) out.devIndex = v.link;
  if (v.ttl !== undefined && v.ttl !== 0) out.ttl = v.ttl;
  return out;
}

export function decodeLink(msg: rt.LinkMessage, names: Names): LinkInfo {
  const { data, attrs } = msg;
  const link: LinkInfo = {
    index: data.index ?? 0,
    name: attrs.ifname ?? '',
    mtu: attrs.mtu ?? 0,
    up: data.flags?.up === true,
    operState: operStateName(attrs.operstate),
    stats: counters(attrs),
  };
  if (attrs.address !== undefined && attrs.address.length === 6) link.mac = bufferToMac(attrs.address);
  if (attrs.master !== undefined && attrs.master !== 0) {
    link.masterIndex = attrs.master;
    const master = names(attrs.master);
    if (master !== undefined) link.master = master;
  }
  if (attrs.linkinfo !== undefined) {
    const info = ifla.parseInfo(attrs.linkinfo);
    if (info.kind !== undefined) link.kind = info.kind;
    if (info.kind === 'vxlan' && info.data !== undefined) link.vxlan = decodeVxlan(info.data);
  }
  return link;
}

export function decodeAddress(msg: rt.AddressMessage, names: Names): AddressInfo | undefined {
  const { data, attrs } = msg;
  if (data.family !== AF_INET && data.family !== AF_INET6) return undefined;
  const bytes = attrs.local ?? attrs.address;
  if (bytes === undefined) return undefined;
  const linkIndex = data.index ?? 0;
  return {
    link: names(linkIndex) ?? String(linkIndex),
    linkIndex,
    family: data.family === AF_INET ? 'inet' : 'inet6',
    address: bufferToIp(bytes),
    prefixLength: data.prefixlen ?? 0,
  };
}

export function decodeFdb(msg: rt.NeighborMessage, names: Names): FdbEntry | undefined {
  const { data, attrs } = msg;
  if (data.family !== AF_BRIDGE || attrs.lladdr === undefined) return undefined;
  const ifindex = data.ifindex ?? 0;
  const entry: FdbEntry = {
    dev: names(ifindex) ?? String(ifindex),
    mac: bufferToMac(attrs.lladdr),
    permanent: data.state?.permanent === true,
    self: data.flags?.self === true,
  };
  if (attrs.dst !== undefined) entry.dst = bufferToIp(attrs.dst);
  if (attrs.master !== undefined && attrs.master !== 0) entry.masterIndex = attrs.master;
  return entry;
}

export function decodeNeighbour(msg: rt.NeighborMessage, names: Names): NeighbourEntry | undefined {
  const { data, attrs } = msg;
  if ((data.family !== AF_INET && data.family !== AF_INET6) || attrs.dst === undefined) return undefined;
  const ifindex = data.ifindex ?? 0;
  const entry: NeighbourEntry = {
    dev: names(ifindex) ?? String(ifindex),
    ip: bufferToIp(attrs.dst),
    permanent: data.state?.permanent === true,
  };
  if (attrs.lladdr !== undefined && attrs.lladdr.length === 6) entry.mac = bufferToMac(attrs.lladdr);
  return entry;
}
