// The router planner as a table: start from a host with both routers converged, change
// one thing, expect exactly the steps that fix it (and none when nothing differs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ObservedHost } from '../../../agent/network/linux/observed.ts';
import { planHost } from '../../../agent/network/linux/plan.ts';
import type { Step } from '../../../agent/network/linux/steps.ts';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import {
  routerGatewayHostVethName,
  routerGatewayNsVethName,
  routerInterfaceHostVethName,
  routerInterfaceNsVethName,
  routerNamespaceName,
} from '../../../common/network-names.ts';
import { converged, resolve, STATE_DIR } from './fixtures.ts';
import { EXT_BRIDGE, QG_PORT, QR_PORT, QR2_PORT, ROUTER, ROUTER2, routedState } from './router-fixtures.ts';

const BRIDGES = { [EXT_BRIDGE]: 1500 };
const NS = routerNamespaceName(ROUTER);
const QG = routerGatewayNsVethName(QG_PORT);
const QR = routerInterfaceNsVethName(QR_PORT);

const kinds = (steps: Step[]): string[] => steps.map((s) => s.kind);
const plan = (d: DesiredHostNetwork, obs: ObservedHost): Step[] => planHost(resolve(d, BRIDGES), obs, STATE_DIR);
const convergedFor = (d: DesiredHostNetwork): ObservedHost => converged(resolve(d, BRIDGES));
const routerOf = (obs: ObservedHost, id = ROUTER) => obs.routers.get(id)!;

describe('planRouters', () => {
  it('does nothing when both routers are as wanted', () => {
    const d = routedState();
    assert.deepEqual(plan(d, convergedFor(d)), []);
  });

  it('builds a router on a host without it: state, namespace, NAT first, legs, forwarding, route', () => {
    const d = routedState();
    const obs = convergedFor(d);
    obs.routers.delete(ROUTER);
    obs.links.delete(routerInterfaceHostVethName(QR_PORT));
    obs.links.delete(routerGatewayHostVethName(QG_PORT));
    const steps = plan(d, obs);
    assert.deepEqual(kinds(steps), [
      'write-router-state',
      'create-namespace',
      'router-nat',
      'create-router-veth',
      'add-address',
      'create-router-veth',
      'add-address',
      'add-address',
      'enable-forwarding',
      'set-default-route',
    ]);
    assert.deepEqual(steps[0], { kind: 'write-router-state', routerId: ROUTER, dir: `${STATE_DIR}/routers/${ROUTER}` });
    assert.deepEqual(steps[3], {
      kind: 'create-router-veth',
      namespace: NS,
      hostEnd: routerInterfaceHostVethName(QR_PORT),
      nsEnd: QR,
      mac: 'fa:16:3e:00:01:01',
      mtu: 1450,
      bridge: 'brq11111111-22',
    });
    const addrs = steps.filter((s) => s.kind === 'add-address').map((s) => (s as { cidr: string }).cidr);
    assert.deepEqual(addrs, ['10.0.0.1/24', '203.0.113.2/24', '203.0.113.10/32']);
    const announced = steps
      .filter((s) => s.kind === 'add-address' && s.announce)
      .map((s) => (s as { cidr: string }).cidr);
    assert.deepEqual(announced, ['203.0.113.2/24', '203.0.113.10/32'], 'external addresses are announced by ARP');
    assert.deepEqual(steps[1], { kind: 'create-namespace', name: NS, adopt: true });
    assert.deepEqual(steps.at(-1), { kind: 'set-default-route', namespace: NS, via: '203.0.113.1', dev: QG });
  });

  it('renders SNAT and the floating IP pair only out of the gateway leg, the floating IP first', () => {
    const d = routedState();
    const obs = convergedFor(d);
    routerOf(obs).natHash = 'stale';
    const steps = plan(d, obs);
    assert.deepEqual(kinds(steps), ['router-nat']);
    const script = (steps[0] as Extract<Step, { kind: 'router-nat' }>).script;
    assert.match(script, /ip daddr 203\.0\.113\.10 dnat to 10\.0\.0\.10/);
    const fipSnat = script.indexOf(`oifname "${QG}" ip saddr 10.0.0.10 snat to 203.0.113.10`);
    const subnetSnat = script.indexOf(`oifname "${QG}" ip saddr { 10.0.0.0/24 } snat to 203.0.113.2`);
    assert.ok(fipSnat > 0 && subnetSnat > fipSnat, script);
    assert.match(script, /^table ip strato_router\ndelete table ip strato_router\n/, 'replaced in one transaction');
  });

  it('a router without a gateway has no NAT rules and no default route', () => {
    const d = routedState();
    const obs = convergedFor(d);
    routerOf(obs, ROUTER2).natHash = 'stale';
    const steps = plan(d, obs);
    const script = (steps[0] as Extract<Step, { kind: 'router-nat' }>).script;
    assert.doesNotMatch(script, /snat to|dnat to/);
    assert.equal(routerOf(obs, ROUTER2).defaultRoute, undefined);
  });

  it('disabling SNAT changes only the NAT table', () => {
    const d = routedState();
    const obs = convergedFor(d);
    d.routers![0]!.gateway!.enableSnat = false;
    const steps = plan(d, obs);
    assert.deepEqual(kinds(steps), ['router-nat']);
    assert.doesNotMatch((steps[0] as { script: string }).script, /snat to 203\.0\.113\.2/);
  });

  it('removing a floating IP drops its address and its NAT pair', () => {
    const d = routedState();
    const obs = convergedFor(d);
    d.routers![0]!.floatingIps = [];
    const steps = plan(d, obs);
    assert.deepEqual(steps[0]?.kind, 'router-nat');
    assert.doesNotMatch((steps[0] as { script: string }).script, /203\.0\.113\.10/);
    assert.deepEqual(steps.slice(1), [{ kind: 'delete-address', namespace: NS, link: QG, cidr: '203.0.113.10/32' }]);
  });

  it('turns forwarding back on and restores a lost default route', () => {
    const d = routedState();
    const obs = convergedFor(d);
    routerOf(obs).forwarding = false;
    delete routerOf(obs).defaultRoute;
    assert.deepEqual(plan(d, obs), [
      { kind: 'enable-forwarding', namespace: NS },
      { kind: 'set-default-route', namespace: NS, via: '203.0.113.1', dev: QG },
    ]);
  });

  it('remakes a leg whose MAC changed, with its addresses and the route through it', () => {
    const d = routedState();
    const obs = convergedFor(d);
    d.routers![0]!.gateway!.mac = 'fa:16:3e:00:01:99';
    assert.deepEqual(kinds(plan(d, obs)), [
      'delete-link',
      'create-router-veth',
      'add-address',
      'add-address',
      'set-default-route',
    ]);
  });

  it('re-joins a host end that left its bridge', () => {
    const d = routedState();
    const obs = convergedFor(d);
    const hostEnd = routerInterfaceHostVethName(QR_PORT);
    obs.links.set(hostEnd, { ...obs.links.get(hostEnd)!, master: undefined, up: false });
    assert.deepEqual(plan(d, obs), [
      { kind: 'set-master', link: hostEnd, master: 'brq11111111-22' },
      { kind: 'set-up', link: hostEnd },
    ]);
  });

  it('removing the gateway removes its leg (with its addresses) and the default route', () => {
    const d = routedState();
    const obs = convergedFor(d);
    delete d.routers![0]!.gateway;
    d.routers![0]!.floatingIps = [];
    const steps = plan(d, obs);
    // The external network has no leg left here, so it leaves the host too (its zone first).
    assert.deepEqual(kinds(steps), ['nft', 'router-nat', 'delete-link', 'delete-default-route']);
    assert.deepEqual((steps[0] as { changes: string[] }).changes, [`remove zone ${EXT_BRIDGE}`]);
    assert.deepEqual(steps[2], { kind: 'delete-link', name: routerGatewayHostVethName(QG_PORT) });
  });

  it('a router that goes loses its legs, then its namespace, then its state; nothing else moves', () => {
    const d = routedState();
    const obs = convergedFor(d);
    d.routers = d.routers!.slice(1);
    const steps = plan(d, obs);
    assert.deepEqual((steps[0] as { changes: string[] }).changes, [`remove zone ${EXT_BRIDGE}`]);
    assert.deepEqual(steps.slice(1), [
      { kind: 'delete-link', name: routerGatewayHostVethName(QG_PORT) },
      { kind: 'delete-link', name: routerInterfaceHostVethName(QR_PORT) },
      { kind: 'delete-namespace', name: NS },
      { kind: 'remove-router-state', routerId: ROUTER, dir: `${STATE_DIR}/routers/${ROUTER}` },
    ]);
  });

  it('removes a stray host end whose router namespace vanished, and keeps the other router', () => {
    const d = routedState();
    const obs = convergedFor(d);
    routerOf(obs, ROUTER2).namespaceExists = false;
    routerOf(obs, ROUTER2).nsLinks.clear();
    d.routers = d.routers!.slice(0, 1);
    assert.deepEqual(plan(d, obs), [
      { kind: 'remove-router-state', routerId: ROUTER2, dir: `${STATE_DIR}/routers/${ROUTER2}` },
      { kind: 'delete-link', name: routerInterfaceHostVethName(QR2_PORT) },
    ]);
  });

  it('keeps the router networks wired without ports, and removes everything with an empty state', () => {
    const d = routedState();
    d.ports = [];
    delete d.networks[0]!.dhcp;
    const r = resolve(d, BRIDGES);
    assert.deepEqual(
      r.networks.map((n) => n.bridge),
      ['brq11111111-22', EXT_BRIDGE],
      "a router's legs keep its networks on the host",
    );
    const steps = planHost(resolve({ networks: [], ports: [] }), converged(r), STATE_DIR);
    const removed = steps.filter((s) => s.kind === 'delete-namespace').map((s) => (s as { name: string }).name);
    assert.deepEqual(removed, [NS, routerNamespaceName(ROUTER2)]);
    assert.equal(steps.filter((s) => s.kind === 'remove-router-state').length, 2);
  });
});
