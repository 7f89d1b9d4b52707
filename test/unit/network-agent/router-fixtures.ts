// Routers for the planners' table tests: a desired state with two routers (one with a
// gateway, SNAT and a floating IP; one internal only) and the routers of a host after a
// perfect apply, so each test starts from "nothing to do" and changes one thing.
import type { ObservedRouter } from '../../../agent/network/linux/observed.ts';
import type { ResolvedState } from '../../../agent/network/linux/resolve.ts';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import type { LinkInfo } from '../../../agent/network/netlink/netlink.ts';
import { desiredState, link, NET } from './fixtures.ts';

export const EXT = '77777777-2222-3333-4444-555555555555';
export const EXT_BRIDGE = 'br-ext';
export const ROUTER = 'r1111111-aaaa';
export const ROUTER2 = 'r2222222-bbbb';
export const QR_PORT = 'c1111111-0000-0000-0000-000000000001';
export const QG_PORT = 'c2222222-0000-0000-0000-000000000002';
export const QR2_PORT = 'c3333333-0000-0000-0000-000000000003';

/** desiredState() plus an external flat network and two routers on NET. */
export function routedState(): DesiredHostNetwork {
  const d = desiredState();
  d.networks.push({ networkId: EXT, type: 'flat', physicalBridge: EXT_BRIDGE, vxlanPeers: [] });
  d.routers = [
    {
      routerId: ROUTER,
      interfaces: [{ portId: QR_PORT, networkId: NET, mac: 'fa:16:3e:00:01:01', ipCidr: '10.0.0.1/24' }],
      gateway: {
        portId: QG_PORT,
        networkId: EXT,
        mac: 'fa:16:3e:00:01:02',
        ipCidr: '203.0.113.2/24',
        gatewayIp: '203.0.113.1',
        enableSnat: true,
      },
      floatingIps: [{ floatingIp: '203.0.113.10', fixedIp: '10.0.0.10' }],
    },
    {
      routerId: ROUTER2,
      interfaces: [{ portId: QR2_PORT, networkId: NET, mac: 'fa:16:3e:00:02:01', ipCidr: '10.0.0.254/24' }],
      floatingIps: [],
    },
  ];
  return d;
}

/** The routers of a host after a perfect apply of `r`; their host ends go into `links`. */
export function convergedRouters(r: ResolvedState, links: Map<string, LinkInfo>): Map<string, ObservedRouter> {
  const out = new Map<string, ObservedRouter>();
  for (const router of r.routers) {
    const nsLinks = new Map<string, LinkInfo>([['lo', link('lo', undefined)]]);
    const nsAddresses = new Map<string, string[]>([['lo', ['127.0.0.1/8']]]);
    for (const leg of router.legs) {
      links.set(leg.hostEnd, link(leg.hostEnd, 'veth', { mtu: leg.mtu, master: leg.bridge }));
      nsLinks.set(leg.nsEnd, link(leg.nsEnd, 'veth', { mtu: leg.mtu, mac: leg.mac }));
      nsAddresses.set(leg.nsEnd, [...leg.addresses, 'fe80::1/64']);
    }
    out.set(router.routerId, {
      routerId: router.routerId,
      namespaceExists: true,
      nsLinks,
      nsAddresses,
      forwarding: true,
      ...(router.defaultRoute === undefined ? {} : { defaultRoute: { ...router.defaultRoute } }),
      natHash: router.nat.hash,
    });
  }
  return out;
}
