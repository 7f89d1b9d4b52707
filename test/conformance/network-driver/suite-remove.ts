// Removing something removes exactly it; teardown removes everything strato made.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { assertHolds, assertLacks, EMPTY, type SubjectFactory, useSubject, world } from './suite-helpers.ts';

type World = ReturnType<typeof world>;

/** What is removed, how, and what of it must be gone afterwards. */
const REMOVALS: [string, (s: DesiredHostNetwork, w: World) => void, string][] = [
  [
    'removing a port removes exactly it',
    (s, w) => (s.ports = s.ports.filter((p) => p.portId !== w.p2)),
    'the removed port',
  ],
  [
    'removing a network (with its ports) removes exactly it',
    (s, w) => {
      s.networks = s.networks.filter((n) => n.networkId !== w.netB);
      s.ports = s.ports.filter((p) => p.networkId !== w.netB);
    },
    'network B',
  ],
  ['a network whose DHCP moves away keeps its ports here', (s) => delete s.networks[0]!.dhcp, 'the DHCP server'],
];

export function removeTests(factory: SubjectFactory): void {
  for (const [name, remove, gone] of REMOVALS) {
    it(name, async (t) => {
      const { driver, host } = await useSubject(t, factory);
      const w = world(host);
      const state = w.full();
      await driver.apply(state);
      const without = structuredClone(state);
      remove(without, w);
      assert.ok((await driver.apply(without)).steps.length > 0);
      await assertHolds(driver, without, 'everything else');
      await assertLacks(driver, state, gone);
    });
  }

  it('teardown leaves nothing: the empty state holds, a second teardown does nothing', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    const w = world(host);
    const state = {
      ...w.full(),
      networks: [...w.full().networks, w.flat()],
      ports: [...w.full().ports, w.port(w.p4, w.netFlat, 14)],
    };
    await driver.apply(state);
    assert.ok((await driver.teardown()).steps.length > 0);
    await assertHolds(driver, EMPTY, 'nothing');
    assert.deepEqual((await driver.teardown()).steps, []);
    await assertLacks(driver, state, 'everything');
  });

  it('applying the empty state is the same as teardown', async (t) => {
    const { driver, host } = await useSubject(t, factory);
    await driver.apply(world(host).full());
    assert.ok((await driver.apply(EMPTY)).steps.length > 0);
    assert.deepEqual((await driver.teardown()).steps, []);
  });
}
