// openstack/latest/network_data.json for the config drive, in the layout Nova
// writes (nova/virt/netutils.py), so cloud-init and similar read it unchanged:
// one link per NIC (by MAC), one network entry per address — `ipv4_dhcp` on a
// subnet with DHCP (the guest asks dnsmasq, which hands out the same fixed
// address), `ipv4` with address, netmask and default route otherwise — and
// the subnets' DNS servers as services. Pure.

export interface NetworkDataIp {
  ip: string;
  /** The subnet's canonical CIDR, e.g. 10.0.0.0/24. */
  cidr: string;
  /** '' = no gateway (no default route). */
  gatewayIp: string;
  dnsServers: string[];
  dhcp: boolean;
}

export interface NetworkDataPort {
  portId: string;
  networkId: string;
  mac: string;
  mtu: number;
  tap: string;
  ips: NetworkDataIp[];
}

interface Link {
  id: string;
  vif_id: string;
  type: 'bridge';
  mtu: number;
  ethernet_mac_address: string;
}

interface Route {
  network: string;
  netmask: string;
  gateway: string;
}

interface NetworkEntry {
  id: string;
  type: 'ipv4' | 'ipv4_dhcp';
  link: string;
  network_id: string;
  ip_address?: string;
  netmask?: string;
  routes?: Route[];
  services?: { type: 'dns'; address: string }[];
}

export interface NetworkData {
  links: Link[];
  networks: NetworkEntry[];
  services: { type: 'dns'; address: string }[];
}

export function netmaskOf(cidr: string): string {
  const prefix = Number(cidr.split('/')[1] ?? 32);
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 255).join('.');
}

export function buildNetworkData(ports: readonly NetworkDataPort[]): NetworkData {
  const links: Link[] = [];
  const networks: NetworkEntry[] = [];
  const dns: string[] = [];
  for (const p of ports) {
    links.push({ id: p.tap, vif_id: p.portId, type: 'bridge', mtu: p.mtu, ethernet_mac_address: p.mac });
    for (const a of p.ips) {
      const id = `network${networks.length}`;
      for (const d of a.dnsServers) if (!dns.includes(d)) dns.push(d);
      if (a.dhcp) {
        networks.push({ id, type: 'ipv4_dhcp', link: p.tap, network_id: p.networkId });
        continue;
      }
      const entry: NetworkEntry = {
        id,
        type: 'ipv4',
        link: p.tap,
        network_id: p.networkId,
        ip_address: a.ip,
        netmask: netmaskOf(a.cidr),
        routes: a.gatewayIp === '' ? [] : [{ network: '0.0.0.0', netmask: '0.0.0.0', gateway: a.gatewayIp }],
      };
      if (a.dnsServers.length > 0) entry.services = a.dnsServers.map((address) => ({ type: 'dns', address }));
      networks.push(entry);
    }
  }
  return { links, networks, services: dns.map((address) => ({ type: 'dns', address })) };
}
