// Routers (issue 13): a router converges and holds, keeps the networks it has legs on
// wired without any port, follows every change (floating IPs, SNAT, gateway, legs),
// goes away whole, and is refused before any step when impossible — with the host
// left as it was. Router namespaces are machine-wide, so every router id is fresh.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { DesiredHostNetwork, RouterSpec } from '../../../agent/network/network-driver.ts';
import { assertHolds, assertLacks, EMPTY, refused, type SubjectFactory, useSubject, world } from './suite-helpers.ts';

function routed(host: Parameters<typeof world>[0]) {
  const w = world(host);
  const n = randomBytes(1)[0]! % 200;
  const routerId = `rc-${randomUUID()}`;
  const [qr, qg] = [randomUUID(), randomUUID()];
  const router = (): RouterSpec => ({
    routerId,
    interfaces: [{ portId: qr, networkId: w.netB, mac: 'fa:16:3e:5e:00:01', ipCidr: `10.${n}.1.1/24` }],
    gateway: {
      portId: qg,
      networkId: w.netFlat,
      mac: 'fa:16:3e:5e:00:02',
      ipCidr: `172.16.${n}.2/24`,
      gatewayIp: `172.16.${n}.1`,
      enableSnat: true,
    },
    floatingIps: [{ floatingIp: `172.16.${n}.10`, fixedIp: `10.${n}.1.10` }],
  });
  /** Network B (no port here) and the flat network joined by the router only. */
  const state = (): DesiredHostNetwork => ({ networks: [w.vxlanB(), w.flat()], ports: [], routers: [router()] });
  return { w, n, routerId, state };
}

export function routerTests(factory: SubjectFactory): void {
  it('a router converges, holds, and a second apply does nothing', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const { state } = routed(host);
    const planned = await driver.plan(state());
    assert.ok(planned.length > 0, 'a fresh host has a router to build');
    assert.deepEqual((await driver.apply(state())).steps, planned);
    await assertHolds(driver, state());
    assert.deepEqual((await driver.apply(state())).steps, []);
  });

  it('the networks a router has legs on are wired here without any port', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const { w, state } = routed(host);
    const s = state();
    assert.deepEqual((await driver.apply({ ...s, routers: [] })).steps, [], 'no port, no DHCP, no router: nothing');
    const port = w.port(w.p3, w.netB, 13);
    // A port on network B from scratch brings the network with it...
    const fromScratch = (await driver.apply({ networks: [w.vxlanB()], ports: [port] })).steps.length;
    await driver.teardown();
    // ...but not when the router's leg already holds it here.
    await driver.apply(s);
    const besideRouter = (await driver.apply({ ...s, ports: [port] })).steps.length;
    assert.ok(besideRouter < fromScratch, `${besideRouter} steps beside the router, ${fromScratch} from scratch`);
  });

  it('floating IPs, SNAT, the gateway and the legs converge', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const { n, w, state } = routed(host);
    let s = state();
    await driver.apply(s);
    const changes: [string, (r: RouterSpec, s: DesiredHostNetwork) => void][] = [
      ['a floating IP more', (r) => r.floatingIps.push({ floatingIp: `172.16.${n}.11`, fixedIp: `10.${n}.1.11` })],
      ['a floating IP removed', (r) => (r.floatingIps = r.floatingIps.slice(1))],
      ['SNAT off', (r) => (r.gateway!.enableSnat = false)],
      ['another external gateway address', (r) => (r.gateway!.gatewayIp = `172.16.${n}.254`)],
      [
        'a leg on network A',
        (r, st) => {
          st.networks.push(w.vxlanA());
          r.interfaces.push({
            portId: randomUUID(),
            networkId: w.netA,
            mac: 'fa:16:3e:5e:00:03',
            ipCidr: `10.${n}.0.1/24`,
          });
        },
      ],
      [
        'the gateway removed',
        (r) => {
          delete r.gateway;
          r.floatingIps = [];
        },
      ],
    ];
    for (const [what, change] of changes) {
      s = structuredClone(s);
      change(s.routers![0]!, s);
      assert.ok((await driver.apply(s)).steps.length > 0, `${what}: work done`);
      await assertHolds(driver, s, what);
    }
  });

  it('removing a router removes it whole; teardown leaves nothing', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const { state } = routed(host);
    await driver.apply(state());
    const without = { ...state(), routers: [] };
    assert.ok((await driver.apply(without)).steps.length > 0);
    await assertLacks(driver, state(), 'the router');
    await driver.apply(state());
    await driver.teardown();
    await assertHolds(driver, EMPTY, 'the empty host');
  });

  const INVALID: [string, (r: RouterSpec, s: DesiredHostNetwork) => void][] = [
    ['a router id with a slash', (r) => (r.routerId = 'a/b')],
    ['a leg on a network not in the state', (r) => (r.interfaces[0]!.networkId = randomUUID())],
    ['a floating IP without a gateway', (r) => delete r.gateway],
    ['a floating IP outside the gateway subnet', (r) => (r.floatingIps[0]!.floatingIp = '192.0.2.10')],
    ['a fixed IP in no interface subnet', (r) => (r.floatingIps[0]!.fixedIp = '192.0.2.10')],
    [
      'overlapping subnets',
      (r) => (r.gateway!.ipCidr = `${r.interfaces[0]!.ipCidr.split('/')[0]!.replace(/\.1$/, '.2')}/16`),
    ],
    ['a router listed twice', (r, s) => s.routers!.push(structuredClone(r))],
  ];
  it('impossible routers are refused before any step; the host keeps what it had', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const { state } = routed(host);
    await driver.apply(state());
    for (const [what, mutate] of INVALID) {
      const bad = state();
      mutate(bad.routers![0]!, bad);
      await refused(driver.plan(bad), 'INVALID_ARGUMENT');
      await refused(driver.apply(bad), 'INVALID_ARGUMENT');
      await assertHolds(driver, state(), `after ${what}`);
    }
  });
}
