import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeNetworkDriver } from '../../../agent/network/fake/fake-network-driver.ts';
import { isStratoError } from '../../../common/errors.ts';
import { desiredState, NET2, PORT } from './fixtures.ts';

describe('FakeNetworkDriver', () => {
  it('plugs, reports steps only for changes, and unplugs', async () => {
    const fake = new FakeNetworkDriver();
    const d = desiredState();
    assert.deepEqual(
      (await fake.apply(d)).steps.map((s) => s.kind),
      ['add-network', 'add-port', 'set-vxlan-sources'],
    );
    assert.ok(fake.isPlugged(PORT));
    assert.deepEqual((await fake.apply(d)).steps, []);
    d.ports[0]!.securityGroups = [];
    assert.deepEqual(
      (await fake.apply(d)).steps.map((s) => s.kind),
      ['update-port'],
    );
    assert.deepEqual(
      (await fake.teardown()).steps.map((s) => s.kind),
      ['remove-network', 'remove-port', 'set-vxlan-sources'],
    );
    assert.equal(fake.isPlugged(PORT), false);
    assert.equal(fake.history.length, 4);
  });

  it('reports no step for what the real driver does nothing for', async () => {
    const fake = new FakeNetworkDriver();
    const d = desiredState();
    await fake.apply(d);
    const same = desiredState();
    same.networks[0]!.vxlanPeers.reverse();
    same.ports[0]!.mac = same.ports[0]!.mac.toUpperCase();
    same.networks.push({ networkId: NET2, type: 'vxlan', vni: 43, vxlanPeers: [] });
    assert.deepEqual((await fake.apply(same)).steps, [], 'peer order, MAC case, a network with nothing here');
    same.underlayPeers = [...(same.underlayPeers ?? []), '192.0.2.77'];
    assert.deepEqual(
      (await fake.apply(same)).steps.map((s) => s.kind),
      ['set-vxlan-sources'],
    );
  });

  it('validates like the real driver and changes nothing on bad input', async () => {
    const fake = new FakeNetworkDriver();
    const d = desiredState();
    d.ports[0]!.mac = 'bad';
    await assert.rejects(fake.apply(d), (e: unknown) => isStratoError(e, 'INVALID_ARGUMENT'));
    assert.deepEqual(fake.state, { networks: [], ports: [] });
  });

  it('fails on demand', async () => {
    const fake = new FakeNetworkDriver();
    fake.failNext();
    await assert.rejects(fake.apply(desiredState()), (e: unknown) => isStratoError(e, 'UNAVAILABLE'));
    assert.equal(fake.isPlugged(PORT), false);
    await fake.apply(desiredState());
    assert.ok(fake.isPlugged(PORT));
  });
});
