// The host planner as a table: start from a converged host, change one thing, expect
// exactly the steps that fix it (and none when nothing differs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ObservedHost } from '../../../agent/network/linux/observed.ts';
import { emptyFirewall } from '../../../agent/network/linux/observed.ts';
import { planHost } from '../../../agent/network/linux/plan.ts';
import type { Step } from '../../../agent/network/linux/steps.ts';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { bridgeName, dhcpNamespaceName, tapName } from '../../../common/network-names.ts';
import { converged, desiredState, link, NET, NET2, PORT, PORT2, resolve, STATE_DIR } from './fixtures.ts';

const kinds = (steps: Step[]): string[] => steps.map((s) => s.kind);

function plan(desired: DesiredHostNetwork, obs: ObservedHost): Step[] {
  return planHost(resolve(desired), obs, STATE_DIR);
}

describe('planHost', () => {
  it('does nothing on a converged host', () => {
    const d = desiredState();
    assert.deepEqual(plan(d, converged(resolve(d))), []);
  });

  it('builds everything on an empty host, in a safe order', () => {
    const d = desiredState();
    const empty: ObservedHost = {
      links: new Map([['eth0', link('eth0', undefined, { index: 2 })]]),
      vxlanRemotes: new Map(),
      dhcp: new Map(),
      firewall: emptyFirewall(),
      routers: new Map(),
    };
    const steps = plan(d, empty);
    assert.deepEqual(kinds(steps), [
      'nft', // the VXLAN source filter exists before the kernel's VXLAN socket does
      'create-bridge',
      'create-vxlan',
      'fdb-append',
      'fdb-append',
      'write-dhcp-files',
      'create-namespace',
      'create-dhcp-veth',
      'add-address',
      'start-dnsmasq',
      'create-tap',
    ]);
    const vx = steps[2] as Extract<Step, { kind: 'create-vxlan' }>;
    assert.deepEqual(vx, {
      kind: 'create-vxlan',
      name: 'vxlan-42',
      vni: 42,
      local: '192.0.2.1',
      dev: 'eth0',
      mtu: 1450,
      bridge: bridgeName(NET),
    });
    const peers = steps.filter((s) => s.kind === 'fdb-append').map((s) => (s as { dst: string }).dst);
    assert.deepEqual(peers, ['192.0.2.2', '192.0.2.3'], 'own underlay address is not a peer');
    assert.deepEqual(steps[10], {
      kind: 'create-tap',
      name: tapName(PORT),
      mac: 'fe:16:3e:00:00:10',
      mtu: 1450,
      bridge: bridgeName(NET),
    });
  });

  it('appends joining peers and deletes leaving ones; the VXLAN filter already admits every registered host', () => {
    const d = desiredState();
    const obs = converged(resolve(d));
    d.networks[0]!.vxlanPeers = ['192.0.2.3', '192.0.2.9'];
    assert.deepEqual(plan(d, obs), [
      { kind: 'fdb-append', dev: 'vxlan-42', dst: '192.0.2.9' },
      { kind: 'fdb-delete', dev: 'vxlan-42', dst: '192.0.2.2' },
    ]);
  });

  it('admits VXLAN from registered hosts and the networks’ peers, never from this host itself', () => {
    const d = desiredState();
    assert.deepEqual(resolve(d).vxlanSources, ['192.0.2.2', '192.0.2.3', '192.0.2.9']);
    d.underlayPeers = ['2001:DB8:0:0::7'];
    assert.deepEqual(
      resolve(d).vxlanSources,
      ['192.0.2.2', '192.0.2.3', '2001:db8::7'],
      'peers always; IPv6 canonical',
    );
    delete d.underlayPeers;
    assert.deepEqual(resolve(d).vxlanSources, ['192.0.2.2', '192.0.2.3'], 'an older conductor: the peers only');
  });

  it('a host registering or leaving changes the VXLAN filter in one nft step, nothing else', () => {
    const d = desiredState();
    const obs = converged(resolve(d));
    d.underlayPeers = ['192.0.2.2', '192.0.2.3', '192.0.2.10'];
    const steps = plan(d, obs);
    assert.deepEqual(steps, [
      {
        kind: 'nft',
        script: [
          'delete element inet strato vxlan_sources4 { 192.0.2.9 }',
          'add element inet strato vxlan_sources4 { 192.0.2.10 }',
        ].join('\n'),
        changes: ['vxlan source +192.0.2.10', 'vxlan source -192.0.2.9'],
      },
    ]);
  });

  it('fixes MTU, master and up state of existing links', () => {
    const d = desiredState();
    const obs = converged(resolve(d));
    obs.links.get(tapName(PORT))!.mtu = 1500;
    obs.links.get(tapName(PORT))!.up = false;
    obs.links.get('vxlan-42')!.master = undefined;
    assert.deepEqual(plan(d, obs), [
      { kind: 'set-master', link: 'vxlan-42', master: bridgeName(NET) },
      { kind: 'set-mtu', link: tapName(PORT), mtu: 1450 },
      { kind: 'set-up', link: tapName(PORT) },
    ]);
  });

  it('recreates a VXLAN link whose parameters differ', () => {
    const d = desiredState();
    const obs = converged(resolve(d));
    obs.links.get('vxlan-42')!.vxlan!.local = '192.0.2.77';
    assert.deepEqual(kinds(plan(d, obs)), ['delete-link', 'create-vxlan', 'fdb-append', 'fdb-append']);
  });

  it('removes the network’s links when its last port leaves, and the tables only after them', () => {
    const d = desiredState();
    const obs = converged(resolve(d));
    const gone: DesiredHostNetwork = { networks: d.networks.map((n) => ({ ...n, dhcp: undefined })), ports: [] };
    delete gone.networks[0]!.dhcp;
    const steps = plan(gone, obs);
    assert.deepEqual(kinds(steps), [
      'delete-link', // the tap
      'stop-dnsmasq',
      'delete-namespace',
      'remove-dhcp-state',
      'delete-link', // dh- veth
      'delete-link', // vxlan
      'delete-link', // bridge
      'nft', // the tables, VXLAN filter included, outlive the VXLAN socket and the taps
    ]);
    assert.equal((steps[0] as { name: string }).name, tapName(PORT));
    assert.equal((steps[2] as { name: string }).name, dhcpNamespaceName(NET));
    assert.deepEqual(
      steps.slice(4, 7).map((s) => (s as { name: string }).name),
      [`dh-${NET.slice(0, 11)}`, 'vxlan-42', bridgeName(NET)],
    );
    assert.deepEqual((steps[7] as { changes: string[] }).changes, ['delete tables']);
  });

  it('metadata on a served network: the address on the namespace end and option 121 by a reload; off takes both away', () => {
    const d = desiredState();
    const obs = converged(resolve(d));
    d.networks[0]!.dhcp!.metadata = true;
    const on = plan(d, obs);
    assert.deepEqual(kinds(on), ['write-dhcp-files', 'add-address', 'reload-dnsmasq']);
    assert.match((on[0] as { opts: string }).opts, /classless-static-route,169\.254\.169\.254\/32,10\.0\.0\.2,/);
    assert.deepEqual(on[1], {
      kind: 'add-address',
      namespace: dhcpNamespaceName(NET),
      link: `ns-${NET.slice(0, 11)}`,
      cidr: '169.254.169.254/32',
    });
    const served = converged(resolve(d));
    assert.deepEqual(plan(d, served), []);
    d.networks[0]!.dhcp!.metadata = false;
    assert.deepEqual(kinds(plan(d, served)), ['write-dhcp-files', 'delete-address', 'reload-dnsmasq']);
  });

  it('a port leaving a host that keeps others loses its rules before its tap', () => {
    const d = desiredState();
    d.ports.push({ ...structuredClone(d.ports[0]!), portId: PORT2, mac: 'fa:16:3e:00:00:20' });
    const obs = converged(resolve(d));
    d.ports.pop();
    const steps = plan(d, obs);
    assert.deepEqual(kinds(steps), ['nft', 'delete-link']);
    assert.equal((steps[1] as { name: string }).name, tapName(PORT2));
  });

  it('never deletes an operator bridge of a flat network, and plugs taps into it', () => {
    const flat: DesiredHostNetwork = {
      networks: [{ networkId: NET2, type: 'flat', physicalBridge: 'br-ex', vxlanPeers: [] }],
      ports: [
        {
          portId: PORT2,
          networkId: NET2,
          mac: 'fa:16:3e:00:00:20',
          ips: ['10.9.0.5'],
          securityGroups: [],
        },
      ],
    };
    const r = resolve(flat, { 'br-ex': 1500 });
    assert.equal(r.networks[0]!.bridge, 'br-ex');
    assert.equal(r.networks[0]!.managedBridge, false);
    const obs = converged(r, [link('br-ex', 'bridge')]);
    assert.deepEqual(planHost(r, obs, STATE_DIR), []);
    const none = resolve({ networks: [], ports: [] });
    const steps = planHost(none, obs, STATE_DIR);
    assert.ok(!steps.some((s) => s.kind === 'delete-link' && (s as { name: string }).name === 'br-ex'));
    assert.ok(steps.some((s) => s.kind === 'delete-link' && (s as { name: string }).name === tapName(PORT2)));
  });

  it('leaves links that are not strato’s alone', () => {
    const d = desiredState();
    const obs = converged(resolve(d), [link('virbr0', 'bridge'), link('vnet3', 'tun'), link('docker0', 'bridge')]);
    assert.deepEqual(plan(d, obs), []);
  });
});
