// This host's underlay (VTEP) device and address, the `local` of every VXLAN link and
// the address other hosts' FDB entries point at (reported to the conductor in
// Register). From the operator's flags when given; otherwise the address the kernel
// would use as source towards the first conductor, found by connecting a UDP socket
// (a route lookup: nothing is sent) and matching it in the netlink address list.
import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { failedPrecondition } from '../../common/errors.ts';
import type { Netlink } from './netlink/netlink.ts';
import type { HostNetworkFacts } from './network-driver.ts';

export interface UnderlaySettings {
  device?: string;
  ip?: string;
  /** `host:port` of the first conductor (IPv6 in brackets). */
  conductor: string;
}

function notFound(message: string): never {
  throw failedPrecondition('UNDERLAY_NOT_FOUND', `${message}; set --underlay-device and --underlay-ip`);
}

/** The source address the kernel picks for traffic to host:port (no packet leaves). */
export async function sourceAddressTowards(hostPort: string): Promise<string> {
  const i = hostPort.lastIndexOf(':');
  const host = hostPort.slice(0, i).replace(/^\[(.*)\]$/, '$1');
  const port = Number(hostPort.slice(i + 1));
  const { address, family } = await lookup(host);
  const socket = createSocket(family === 6 ? 'udp6' : 'udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.connect(port, address, () => resolve());
    });
    return socket.address().address;
  } finally {
    socket.close();
  }
}

export async function resolveUnderlay(s: UnderlaySettings, netlink: Netlink): Promise<HostNetworkFacts> {
  if (s.device !== undefined && s.ip !== undefined) return { underlayDevice: s.device, underlayIp: s.ip };
  const addresses = await netlink.listAddresses();
  if (s.device !== undefined) {
    const own = addresses.filter((a) => a.link === s.device);
    const pick = own.find((a) => a.family === 'inet') ?? own.find((a) => !a.address.startsWith('fe80:'));
    if (pick === undefined) notFound(`underlay device ${s.device} has no usable address`);
    return { underlayDevice: s.device, underlayIp: pick.address };
  }
  let ip = s.ip;
  if (ip === undefined) {
    try {
      ip = await sourceAddressTowards(s.conductor);
    } catch (err) {
      notFound(`no route to conductor ${s.conductor} (${(err as Error).message})`);
    }
  }
  const holder = addresses.find((a) => a.address === ip);
  if (holder === undefined) notFound(`no device on this host holds ${ip}`);
  return { underlayDevice: holder.link, underlayIp: ip };
}
