// Desired states and "observed" hosts built by hand for the planners' table tests:
// `converged(resolved)` is what a host looks like after a perfect apply, so every test
// can start from "nothing to do" and change one thing.
import { dnsmasqPaths } from '../../../agent/network/linux/dnsmasq-config.ts';
import { renderPort } from '../../../agent/network/linux/firewall-render.ts';
import { emptyFirewall, type ObservedHost } from '../../../agent/network/linux/observed.ts';
import { type ResolvedState, resolveDesired } from '../../../agent/network/linux/resolve.ts';
import type { LinkInfo } from '../../../agent/network/netlink/netlink.ts';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import type { HostNetworkState__Output } from '../../../common/gen/strato/agent/v1/HostNetworkState.ts';
import { convergedRouters } from './router-fixtures.ts';

export const NET = '11111111-2222-3333-4444-555555555555';
export const NET2 = '66666666-2222-3333-4444-555555555555';
export const PORT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const PORT2 = 'bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee';
export const STATE_DIR = '/var/lib/strato/agent/network';

export function desiredState(): DesiredHostNetwork {
  return {
    networks: [
      {
        networkId: NET,
        type: 'vxlan',
        vni: 42,
        vxlanPeers: ['192.0.2.2', '192.0.2.3', '192.0.2.1'],
        dhcp: {
          mac: 'fa:16:3e:00:00:02',
          subnets: [{ cidr: '10.0.0.0/24', serverIp: '10.0.0.2', gateway: '10.0.0.1', dns: ['10.0.0.53'] }],
          hosts: [{ mac: 'fa:16:3e:00:00:10', ip: '10.0.0.10', hostname: 'vm1' }],
        },
      },
    ],
    ports: [
      {
        portId: PORT,
        networkId: NET,
        mac: 'fa:16:3e:00:00:10',
        ips: ['10.0.0.10'],
        securityGroups: [{ direction: 'egress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] }],
      },
    ],
    // Every registered host: this one (192.0.2.1), the network's peers, and one with no port here.
    underlayPeers: ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.9'],
  };
}

/**
 * `desiredState()` as the agent's gRPC edge receives it: the decoded
 * strato.agent.v1.HostNetworkState, every field present as protobuf decoding gives it.
 */
export function desiredMessage(): HostNetworkState__Output {
  return {
    networks: [
      {
        networkId: NET,
        type: 'NETWORK_TYPE_VXLAN',
        vni: 42,
        physicalBridge: '',
        mtu: 0,
        vxlanPeers: ['192.0.2.2', '192.0.2.3', '192.0.2.1'],
        dhcp: {
          mac: 'fa:16:3e:00:00:02',
          subnets: [{ cidr: '10.0.0.0/24', serverIp: '10.0.0.2', gateway: '10.0.0.1', dns: ['10.0.0.53'] }],
          hosts: [{ mac: 'fa:16:3e:00:00:10', ip: '10.0.0.10', hostname: 'vm1' }],
          upstreamDns: [],
          metadata: false,
        },
      },
    ],
    ports: [
      {
        portId: PORT,
        networkId: NET,
        mac: 'fa:16:3e:00:00:10',
        ips: ['10.0.0.10'],
        rules: [{ direction: 'RULE_DIRECTION_EGRESS', protocol: 'RULE_PROTOCOL_ANY', remoteCidrs: ['0.0.0.0/0'] }],
        attach: null,
      },
    ],
    underlayPeers: ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.9'],
    routers: [],
  };
}

export function resolve(state: DesiredHostNetwork, flatBridges: Record<string, number> = {}): ResolvedState {
  return resolveDesired(state, {
    facts: { underlayDevice: 'eth0', underlayIp: '192.0.2.1' },
    underlayMtu: 1500,
    stateDir: STATE_DIR,
    linkMtu: (n) => flatBridges[n] ?? (n === 'eth0' ? 1500 : undefined),
  });
}

let nextIndex = 10;
export function link(name: string, kind: string | undefined, fields: Partial<LinkInfo> = {}): LinkInfo {
  return {
    index: nextIndex++,
    name,
    ...(kind === undefined ? {} : { kind }),
    mtu: 1500,
    up: true,
    operState: 'up',
    stats: { rxPackets: 0, txPackets: 0, rxBytes: 0, txBytes: 0, rxDropped: 0, txDropped: 0 },
    ...fields,
  };
}

/** The host after a perfect apply of `r`. */
export function converged(r: ResolvedState, extraLinks: LinkInfo[] = []): ObservedHost {
  const eth0 = link('eth0', undefined, { index: 2 });
  const links = new Map<string, LinkInfo>([['eth0', eth0]]);
  const vxlanRemotes = new Map<string, string[]>();
  const dhcp: ObservedHost['dhcp'] = new Map();
  const firewall = emptyFirewall();
  firewall.inetTable = true;
  firewall.bridgeTable = true;
  firewall.baseOk = true;
  firewall.vxlanSources = new Set(r.vxlanSources);
  let zone = 1;
  for (const n of r.networks) {
    if (n.managedBridge) links.set(n.bridge, link(n.bridge, 'bridge', { mtu: n.mtu }));
    firewall.zones.set(n.bridge, zone++);
    firewall.bridges.add(n.bridge);
    if (n.vxlan) {
      const v = n.vxlan;
      links.set(
        v.name,
        link(v.name, 'vxlan', {
          mtu: v.mtu,
          master: n.bridge,
          vxlan: { vni: v.vni, local: v.local, devIndex: 2, port: 4789, learning: false },
        }),
      );
      vxlanRemotes.set(v.name, [...n.peers]);
    }
    if (n.dhcp) {
      const d = n.dhcp;
      links.set(d.hostEnd, link(d.hostEnd, 'veth', { mtu: n.mtu, master: n.bridge }));
      dhcp.set(n.networkId, {
        networkId: n.networkId,
        namespaceExists: true,
        nsLinks: new Map([[d.nsEnd, link(d.nsEnd, 'veth', { mtu: n.mtu, mac: d.mac })]]),
        nsAddresses: new Map([[d.nsEnd, [...d.config.addresses]]]),
        dnsmasq: { pid: 4242, argv: [...d.config.argv] },
        hostsFile: d.config.hostsFile,
        optsFile: d.config.optsFile,
      });
      void dnsmasqPaths;
    }
  }
  let id = 1;
  for (const p of r.ports) {
    links.set(p.tap, link(p.tap, p.attach ? 'veth' : 'tun', { mtu: p.mtu, master: p.bridge, mac: p.hostMac }));
    const portId = p.firewall.portSecurity ? id++ : undefined;
    const rendered = renderPort(p.firewall, portId);
    for (const c of rendered.chains) firewall.chains.push({ family: c.family, name: c.name });
    firewall.portHashes.set(p.tap, rendered.hash);
    firewall.fromPort.add(p.tap);
    firewall.toPort.add(p.tap);
    if (portId !== undefined) {
      firewall.egress.set(p.tap, portId);
      firewall.ingress.set(p.tap, portId);
      if (rendered.hostKeys.length > 0) {
        firewall.hostIn.set(p.tap, [...rendered.hostKeys]);
        firewall.hostOut.set(p.tap, [...rendered.hostKeys]);
      }
    }
  }
  const routers = convergedRouters(r, links);
  for (const l of extraLinks) links.set(l.name, l);
  return { links, vxlanRemotes, dhcp, firewall, routers };
}
