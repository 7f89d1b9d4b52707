// Apply makes the host hold the state, and says so through the driver's own plan;
// applying again does nothing; every change converges the same way.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertHolds, EMPTY, type SubjectFactory, sshFrom, useSubject, world } from './suite-helpers.ts';

export function convergeTests(factory: SubjectFactory): void {
  it('a fresh host holds the empty state: plan, apply and teardown do nothing', async (t) => {
    const { driver } = await useSubject(t, factory);
    assert.deepEqual(await driver.plan(EMPTY), []);
    assert.deepEqual((await driver.apply(EMPTY)).steps, []);
    assert.deepEqual((await driver.teardown()).steps, []);
  });

  it('apply does what plan said, and then the host holds the state', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const state = world(host).full();
    const planned = await driver.plan(state);
    assert.ok(planned.length > 0, 'a fresh host has work to do');
    assert.deepEqual(await driver.plan(state), planned, 'planning changed nothing');
    const { steps } = await driver.apply(state);
    assert.deepEqual(steps, planned);
    await assertHolds(driver, state);
  });

  it('applying the same state twice performs zero steps', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const state = world(host).full();
    await driver.apply(state);
    assert.deepEqual((await driver.apply(state)).steps, []);
    assert.deepEqual((await driver.apply(structuredClone(state))).steps, [], 'an equal copy too');
  });

  it('what only looks different is no work: peer order, MAC case, own address among the peers', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const w = world(host);
    await driver.apply(w.full());
    const same = w.full();
    same.networks[0]!.vxlanPeers = [...same.networks[0]!.vxlanPeers, host.underlayIp].reverse();
    same.ports[0]!.mac = same.ports[0]!.mac.toUpperCase();
    assert.deepEqual((await driver.apply(same)).steps, []);
  });

  it('a listed network without a port or DHCP here makes nothing', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const w = world(host);
    const idle = { networks: [w.vxlanB()], ports: [] };
    assert.deepEqual((await driver.apply(idle)).steps, []);
    const state = w.full();
    await driver.apply(state);
    assert.deepEqual((await driver.apply({ ...state, networks: [...state.networks, w.flat()] })).steps, []);
  });

  it('changed rules, addresses, peers, DHCP entries and MTU converge', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const w = world(host);
    let state = w.full();
    await driver.apply(state);
    const changes: [string, (s: typeof state) => void][] = [
      ['a rule added', (s) => s.ports[1]!.securityGroups.push(sshFrom('192.0.2.0/24'))],
      ['all rules removed', (s) => (s.ports[0]!.securityGroups = [])],
      ['port security off', (s) => (s.ports[2]!.portSecurity = false)],
      ['another address', (s) => s.ports[1]!.ips.push('10.254.0.99')],
      ['a peer leaves', (s) => (s.networks[0]!.vxlanPeers = s.networks[0]!.vxlanPeers.slice(1))],
      ['a DHCP entry more', (s) => s.networks[0]!.dhcp!.hosts.push({ mac: 'fa:16:3e:4e:ff:01', ip: '10.254.0.98' })],
      ['a registered host more', (s) => s.underlayPeers!.push('10.255.0.10')],
      ['a smaller MTU', (s) => (s.networks[1]!.mtu = 1400)],
    ];
    for (const [what, change] of changes) {
      state = structuredClone(state);
      change(state);
      const { steps } = await driver.apply(state);
      assert.ok(steps.length > 0, `${what}: work done`);
      await assertHolds(driver, state, what);
    }
  });

  it('a flat network on the operator’s bridge converges', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const w = world(host);
    const state = { networks: [w.flat()], ports: [w.port(w.p4, w.netFlat, 14)] };
    assert.ok((await driver.apply(state)).steps.length > 0);
    await assertHolds(driver, state);
    assert.deepEqual((await driver.apply(state)).steps, []);
  });

  it('concurrent calls are serialized: the host ends holding the last state applied', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const w = world(host);
    const full = w.full();
    const smaller = { ...w.full(), networks: [w.vxlanA()], ports: [w.port(w.p2, w.netA, 12)] };
    const results = await Promise.all([driver.apply(full), driver.plan(full), driver.apply(smaller)]);
    assert.ok(results[0].steps.length > 0);
    await assertHolds(driver, smaller, 'the last state');
  });
}
