// Test networks and ports for the agent-network tests, as the conductor would hand
// them to an agent (strato.agent.v1 messages): a VXLAN network without peers (one host), DHCP on this host,
// the security group "members may reach members" (Neutron's default group), and the
// AgentNetwork client over mutual TLS as the conductor.
import { randomUUID } from 'node:crypto';
import type { ProtoGrpcType as NetProto } from '../../../common/gen/agent_network.ts';
import type { AgentNetworkClient } from '../../../common/gen/strato/agent/v1/AgentNetwork.ts';
import type { HostNetworkState } from '../../../common/gen/strato/agent/v1/HostNetworkState.ts';
import type { NetworkConfig } from '../../../common/gen/strato/agent/v1/NetworkConfig.ts';
import type { PortConfig } from '../../../common/gen/strato/agent/v1/PortConfig.ts';
import type { PortSpec } from '../../../common/gen/strato/agent/v1/PortSpec.ts';
import type { StratoClient } from '../../../common/grpc/client.ts';
import { bridgeName, dhcpHostVethName, tapName, vxlanName } from '../../../common/network-names.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { randomMac } from '../../harness/domain-xml-fixture.ts';
import { connectAgent } from '../agent/agent-harness.ts';

export type AgentNetworkApi = StratoClient<AgentNetworkClient>;

export const MTU = 1450;

export interface LanPort {
  id: string;
  networkId: string;
  mac: string;
  ip: string;
  tap: string;
  spec: PortSpec;
}

export interface Lan {
  id: string;
  /** The /24 is `${prefix}.0/24`. */
  prefix: string;
  vni: number;
  /** Links the driver makes for this network on the host. */
  linkNames: string[];
  port(host: number): LanPort;
  ports: LanPort[];
}

/** A network on `${prefix}.0/24` with DHCP served from `${prefix}.2`. */
export function lan(prefix: string, vni: number): Lan {
  const id = randomUUID();
  const ports: LanPort[] = [];
  return {
    id,
    prefix,
    vni,
    linkNames: [bridgeName(id), vxlanName(vni), dhcpHostVethName(id)],
    ports,
    port(host: number): LanPort {
      const pid = randomUUID();
      const p: LanPort = {
        id: pid,
        networkId: id,
        mac: randomMac('fa:16:3e'),
        ip: `${prefix}.${host}`,
        tap: tapName(pid),
        spec: {},
      };
      p.spec = { portId: pid, mac: p.mac, networkId: id, bridge: bridgeName(id), tap: p.tap, mtu: MTU, ips: [p.ip] };
      ports.push(p);
      return p;
    },
  };
}

function networkConfig(n: Lan, ports: readonly LanPort[]): NetworkConfig {
  const { prefix } = n;
  return {
    networkId: n.id,
    type: 'NETWORK_TYPE_VXLAN',
    vni: n.vni,
    mtu: MTU,
    vxlanPeers: [],
    dhcp: {
      mac: randomMacFor(n.id),
      subnets: [{ cidr: `${prefix}.0/24`, serverIp: `${prefix}.2`, dns: [] }],
      hosts: ports.filter((p) => p.networkId === n.id).map((p) => ({ mac: p.mac, ip: p.ip })),
    },
  };
}

// The DHCP port's MAC must stay the same across pushes (a change would re-plumb it).
const dhcpMacs = new Map<string, string>();
function randomMacFor(networkId: string): string {
  let mac = dhcpMacs.get(networkId);
  if (mac === undefined) {
    mac = randomMac('fa:16:3e');
    dhcpMacs.set(networkId, mac);
  }
  return mac;
}

/** The host's state for these networks and ports; every port is in one group with all the others. */
export function stateOf(networks: readonly Lan[], ports: readonly LanPort[]): HostNetworkState {
  const members = ports.map((p) => `${p.ip}/32`);
  return {
    networks: networks.map((n) => networkConfig(n, ports)),
    ports: ports.map(
      (p): PortConfig => ({
        portId: p.id,
        networkId: p.networkId,
        mac: p.mac,
        ips: [p.ip],
        rules: [
          { direction: 'RULE_DIRECTION_INGRESS', protocol: 'RULE_PROTOCOL_ANY', remoteCidrs: members },
          { direction: 'RULE_DIRECTION_EGRESS', protocol: 'RULE_PROTOCOL_ANY', remoteCidrs: ['0.0.0.0/0'] },
        ],
      }),
    ),
  };
}

export async function agentNetworkApi(port: number, tlsDir: string, certName = 'conductor'): Promise<AgentNetworkApi> {
  const proto = toGrpcObject<NetProto>(await loadProtoPackage());
  return connectAgent(proto.strato.agent.v1.AgentNetwork, port, tlsDir, { certName, deadlineMs: 120_000 });
}
