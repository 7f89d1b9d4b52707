// dnsmasq for one network, as data: the argv (anything that needs a restart to change)
// and the two files it re-reads on SIGHUP (static hosts, per-subnet options), so a port
// change is a file write plus a signal, never a restart. Pure.
import { invalidArgument } from '../../../common/errors.ts';
import { METADATA_IP } from '../../../common/network-names.ts';
import type { DhcpSpec } from '../network-driver.ts';
import { checkHostname, checkIp, checkIpv4, checkMac, ipv4InCidr, ipv4Network, netmask, parseCidr } from './addr.ts';

export const DNSMASQ_BINARY = 'dnsmasq';
/**
 * The account (user and group) dnsmasq drops to once its socket is bound; created by
 * scripts/setup-host. Not `nobody`: dnsmasq re-reads its hosts and options files on
 * SIGHUP as this account, so they must be readable by it, and by no other account.
 */
export const DNSMASQ_ACCOUNT = 'strato-dnsmasq';
/** Lease time offered for static entries; clients renew long before it matters. */
export const LEASE_TIME = '86400s';

export interface DnsmasqPaths {
  dir: string;
  pidFile: string;
  hostsFile: string;
  optsFile: string;
  leaseFile: string;
  logFile: string;
}

export function dnsmasqPaths(stateDir: string, networkId: string): DnsmasqPaths {
  const dir = `${stateDir}/dhcp/${networkId}`;
  return {
    dir,
    pidFile: `${dir}/dnsmasq.pid`,
    hostsFile: `${dir}/hosts`,
    optsFile: `${dir}/opts`,
    leaseFile: `${dir}/leases`,
    logFile: `${dir}/dnsmasq.log`,
  };
}

export interface DnsmasqConfig {
  argv: string[];
  hostsFile: string;
  optsFile: string;
  /**
   * `serverIp/prefix` per subnet, for the namespace end of the veth; then, when the
   * namespace serves metadata, `169.254.169.254/32` (the proxy listens on it there).
   */
  addresses: string[];
}

const tag = (i: number): string => `subnet${i}`;

/** Subnets sorted by CIDR so tags (and argv) do not change with the order the conductor sends. */
export function renderDnsmasq(spec: DhcpSpec, iface: string, mtu: number, paths: DnsmasqPaths): DnsmasqConfig {
  const subnets = [...spec.subnets]
    .map((s) => {
      const c = parseCidr(s.cidr, 'dhcp subnet');
      if (c.family !== 4) throw parseError(s.cidr);
      checkIpv4(s.serverIp, 'dhcp serverIp');
      if (!ipv4InCidr(s.serverIp, c)) throw parseError(`${s.serverIp} not in ${s.cidr}`);
      if (s.gateway !== undefined) checkIpv4(s.gateway, 'dhcp gateway');
      for (const d of s.dns) checkIp(d, 'dhcp dns');
      return { ...s, c, network: ipv4Network(c) };
    })
    .sort((a, b) => a.network.localeCompare(b.network) || a.c.prefix - b.c.prefix);
  const upstream = (spec.upstreamDns ?? []).map((d) => checkIp(d, 'upstream dns'));
  const argv = [
    DNSMASQ_BINARY,
    '--conf-file=/dev/null',
    '--no-hosts',
    ...(upstream.length === 0 ? ['--no-resolv'] : upstream.map((d) => `--server=${d}`)),
    '--bind-interfaces',
    `--interface=${iface}`,
    '--except-interface=lo',
    `--pid-file=${paths.pidFile}`,
    `--dhcp-leasefile=${paths.leaseFile}`,
    `--dhcp-hostsfile=${paths.hostsFile}`,
    `--dhcp-optsfile=${paths.optsFile}`,
    `--log-facility=${paths.logFile}`,
    `--user=${DNSMASQ_ACCOUNT}`,
    `--group=${DNSMASQ_ACCOUNT}`,
    ...subnets.map((s, i) => `--dhcp-range=set:${tag(i)},${s.network},static,${netmask(s.c.prefix)},${LEASE_TIME}`),
  ];
  const opts: string[] = [];
  subnets.forEach((s, i) => {
    // An empty router option stops dnsmasq from offering itself as the gateway.
    opts.push(s.gateway === undefined ? `tag:${tag(i)},option:router` : `tag:${tag(i)},option:router,${s.gateway}`);
    if (spec.metadata === true) {
      // Option 121: the metadata address through this namespace. A client that takes
      // option 121 ignores option 3 (RFC 3442), so the default route is repeated in it.
      const routes = [`${METADATA_IP}/32,${s.serverIp}`];
      if (s.gateway !== undefined) routes.push(`0.0.0.0/0,${s.gateway}`);
      opts.push(`tag:${tag(i)},option:classless-static-route,${routes.join(',')}`);
    }
    if (s.dns.length > 0) opts.push(`tag:${tag(i)},option:dns-server,${s.dns.join(',')}`);
    opts.push(`tag:${tag(i)},option:mtu,${mtu}`);
  });
  const hosts = [...spec.hosts]
    .map((h) => {
      const mac = checkMac(h.mac, 'dhcp host mac');
      const ip = checkIpv4(h.ip, 'dhcp host ip');
      return h.hostname === undefined ? `${mac},${ip}` : `${mac},${ip},${checkHostname(h.hostname, 'dhcp hostname')}`;
    })
    .sort();
  return {
    argv,
    hostsFile: hosts.map((l) => `${l}\n`).join(''),
    optsFile: opts.map((l) => `${l}\n`).join(''),
    addresses: [
      ...subnets.map((s) => `${s.serverIp}/${s.c.prefix}`),
      ...(spec.metadata === true ? [`${METADATA_IP}/32`] : []),
    ],
  };
}

function parseError(what: string): Error {
  return invalidArgument('INVALID_DHCP_SUBNET', `dhcp subnet: ${what} is not a usable IPv4 subnet`);
}
