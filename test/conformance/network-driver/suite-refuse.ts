// Bad input is refused before any step: INVALID_ARGUMENT for what no host could hold,
// FAILED_PRECONDITION for what this host lacks; plan refuses it too, and the host is
// left exactly as it was.
import { it } from 'node:test';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { assertHolds, refused, type SubjectFactory, useSubject, world } from './suite-helpers.ts';

type Mutation = (s: DesiredHostNetwork, w: ReturnType<typeof world>) => void;

const INVALID: [string, Mutation][] = [
  ['a VNI out of range', (s) => (s.networks[0]!.vni = 0x1000000)],
  ['a vxlan network without a VNI', (s) => delete s.networks[0]!.vni],
  ['an MTU above the underlay’s − 50', (s) => (s.networks[0]!.mtu = 1500)],
  ['an unknown network type', (s) => (s.networks[0]!.type = 'vlan' as 'vxlan')],
  ['a network id nft or dnsmasq would interpret', (s) => (s.networks[1]!.networkId = 'n"; flush ruleset')],
  ['a network listed twice', (s) => s.networks.push(structuredClone(s.networks[1]!))],
  ['a bad VXLAN peer', (s) => (s.networks[0]!.vxlanPeers = ['10.0.0.0/8'])],
  ['a bad underlay peer', (s) => (s.underlayPeers = ['192.0.2.2 }; flush ruleset; {'])],
  ['a bad DHCP subnet', (s) => (s.networks[0]!.dhcp!.subnets[0]!.cidr = '10.0.0.0/33')],
  ['a bad DHCP MAC', (s) => (s.networks[0]!.dhcp!.mac = 'nope')],
  ['a bad DHCP hostname', (s) => (s.networks[0]!.dhcp!.hosts[0]!.hostname = 'a b')],
  ['a bad port MAC', (s) => (s.ports[0]!.mac = 'fa:16:3e:00:00')],
  ['a bad port address', (s) => (s.ports[0]!.ips = ['10.0.0.300'])],
  ['a port on a network not in the state', (s) => (s.ports[0]!.networkId = 'ffffffff-0000-0000-0000-000000000000')],
  ['a port id nft would interpret', (s) => (s.ports[0]!.portId = 'a"b')],
  ['two ports whose ids give one tap', (s, w) => (s.ports[1]!.portId = `${w.p1.slice(0, 11)}-twin`)],
  [
    'an empty port range',
    (s) =>
      s.ports[0]!.securityGroups.push({
        direction: 'ingress',
        protocol: 'tcp',
        portMin: 30,
        portMax: 20,
        remoteCidrs: ['0.0.0.0/0'],
      }),
  ],
  [
    'a port out of range',
    (s) => s.ports[0]!.securityGroups.push({ direction: 'ingress', protocol: 'udp', portMin: 70000, remoteCidrs: [] }),
  ],
  [
    'an unknown rule protocol',
    (s) => s.ports[0]!.securityGroups.push({ direction: 'egress', protocol: 'sctp' as 'tcp', remoteCidrs: [] }),
  ],
  [
    'a bad remote CIDR',
    (s) => s.ports[2]!.securityGroups.push({ direction: 'ingress', protocol: 'any', remoteCidrs: ['10.0.0.0/33'] }),
  ],
];

export function refuseTests(factory: SubjectFactory): void {
  it('refuses every invalid state with INVALID_ARGUMENT, in plan and apply, and changes nothing', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const w = world(host);
    const good = w.full();
    await driver.apply(good);
    for (const [what, mutate] of INVALID) {
      await t.test(what, async () => {
        const bad = w.full();
        mutate(bad, w);
        await refused(driver.plan(bad), 'INVALID_ARGUMENT');
        await refused(driver.apply(bad), 'INVALID_ARGUMENT');
        await assertHolds(driver, good, 'the previous state');
      });
    }
  });

  it('refuses a state this host cannot hold with FAILED_PRECONDITION, and changes nothing', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const w = world(host);
    const good = w.full();
    await driver.apply(good);
    const bad = w.full();
    bad.networks.push({ ...w.flat(), physicalBridge: 'br-absent' });
    bad.ports.push(w.port(w.p4, w.netFlat, 14));
    await refused(driver.apply(bad), 'FAILED_PRECONDITION', 'PHYSICAL_BRIDGE_MISSING');
    await assertHolds(driver, good, 'the previous state');
  });

  it('refuses on a fresh host too, leaving it empty', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const w = world(host);
    const bad = w.full();
    bad.ports[0]!.mac = 'bad';
    await refused(driver.apply(bad), 'INVALID_ARGUMENT');
    await assertHolds(driver, { networks: [], ports: [] }, 'nothing');
  });
}
