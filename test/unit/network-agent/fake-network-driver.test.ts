import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeNetworkDriver } from '../../../agent/network/fake/fake-network-driver.ts';
import { isStratoError } from '../../../common/errors.ts';
import { desiredState, PORT } from './fixtures.ts';

describe('FakeNetworkDriver', () => {
  it('plugs, reports steps only for changes, and unplugs', async () => {
    const fake = new FakeNetworkDriver();
    const d = desiredState();
    assert.deepEqual(
      (await fake.apply(d)).steps.map((s) => s.kind),
      ['add-network', 'add-port'],
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
      ['remove-network', 'remove-port'],
    );
    assert.equal(fake.isPlugged(PORT), false);
    assert.equal(fake.history.length, 4);
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
