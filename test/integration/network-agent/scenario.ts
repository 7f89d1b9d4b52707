// The lab's desired states: network A (VXLAN) with a port on each host and DHCP on h1;
// network B (VXLAN, SAME CIDR) with a port on h1 and DHCP on h2. Security rules are
// parameters so tests can open and close things.
import type {
  DesiredHostNetwork,
  NetworkSpec,
  PortBinding,
  SecurityRule,
} from '../../../agent/network/network-driver.ts';
import { type Lab, uuid } from './lab.ts';

export const CIDR = '10.77.0.0/24';
export const DHCP_IP = '10.77.0.2';

export interface Guest {
  port: PortBinding;
  netns: string;
  ip: string;
  ifname: string;
}

export interface Scenario {
  netA: string;
  netB: string;
  vniA: number;
  vniB: number;
  g1: Guest;
  g2: Guest;
  g3: Guest;
  /** Rules per guest; default: everything out, ICMP in from the subnet. */
  rules: Map<Guest, SecurityRule[]>;
  extraHosts: { mac: string; ip: string }[];
  peersA: boolean;
  desired(host: 0 | 1): DesiredHostNetwork;
}

export const egressAll: SecurityRule = { direction: 'egress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] };
export const icmpFrom = (cidr: string): SecurityRule => ({
  direction: 'ingress',
  protocol: 'icmp',
  remoteCidrs: [cidr],
});
export const tcpFrom = (cidr: string, port: number): SecurityRule => ({
  direction: 'ingress',
  protocol: 'tcp',
  portMin: port,
  portMax: port,
  remoteCidrs: [cidr],
});

const mac = (n: number): string => `fa:16:3e:00:77:${n.toString(16).padStart(2, '0')}`;

export async function makeScenario(lab: Lab): Promise<Scenario> {
  const vniBase = 1000 + Math.floor(Math.random() * 100000);
  const netA = uuid();
  const netB = uuid();
  const guest = async (networkId: string, n: number): Promise<Guest> => {
    const portId = uuid();
    const netns = await lab.newGuest();
    const port: PortBinding = {
      portId,
      networkId,
      mac: mac(n),
      ips: [`10.77.0.${n}`],
      securityGroups: [],
      attach: { namespace: netns },
    };
    return { port, netns, ip: `10.77.0.${n}`, ifname: `g${portId.slice(0, 11)}` };
  };
  const g1 = await guest(netA, 11);
  const g2 = await guest(netA, 12);
  const g3 = await guest(netB, 13);
  const [h1, h2] = lab.hosts;
  const s: Scenario = {
    netA,
    netB,
    vniA: vniBase,
    vniB: vniBase + 1,
    g1,
    g2,
    g3,
    rules: new Map([g1, g2, g3].map((g) => [g, [egressAll, icmpFrom(CIDR)]])),
    extraHosts: [],
    peersA: true,
    desired(host) {
      const dhcp = (net: string, guests: Guest[]) => ({
        mac: net === netA ? mac(2) : mac(3),
        subnets: [{ cidr: CIDR, serverIp: DHCP_IP, dns: ['10.77.0.53'] }],
        hosts: [
          ...guests.map((g) => ({ mac: g.port.mac, ip: g.ip, hostname: `vm${g.ip.split('.')[3]}` })),
          ...(net === netA ? s.extraHosts : []),
        ],
      });
      const other = host === 0 ? h2.underlayIp : h1.underlayIp;
      const a: NetworkSpec = {
        networkId: netA,
        type: 'vxlan',
        vni: s.vniA,
        vxlanPeers: s.peersA ? [other] : [],
        ...(host === 0 ? { dhcp: dhcp(netA, [g1, g2]) } : {}),
      };
      const b: NetworkSpec = {
        networkId: netB,
        type: 'vxlan',
        vni: s.vniB,
        vxlanPeers: [other],
        ...(host === 1 ? { dhcp: dhcp(netB, [g3]) } : {}),
      };
      const withRules = (g: Guest): PortBinding => ({ ...g.port, securityGroups: s.rules.get(g) ?? [] });
      return host === 0
        ? { networks: [a, b], ports: [withRules(g1), withRules(g3)] }
        : { networks: [a, b], ports: [withRules(g2)] };
    },
  };
  return s;
}
