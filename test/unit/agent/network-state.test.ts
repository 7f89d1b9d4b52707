// The agent's network state keeper over the fake driver: generation ordering,
// persistence and restore (a restarted agent re-applies), refused input changes
// nothing, and the "is this port wired" wait used by spawns and hot-plugs.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FakeNetworkDriver } from '../../../agent/network/fake/fake-network-driver.ts';
import { DESIRED_STATE_FILE, NetworkState } from '../../../agent/network/network-state.ts';
import { hostNetworkFromProto } from '../../../agent/server/network-from-proto.ts';
import { isStratoError } from '../../../common/errors.ts';
import { tapName } from '../../../common/network-names.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { desiredMessage, desiredState, PORT, PORT2 } from '../network-agent/fixtures.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function setup(links = new Set<string>()) {
  const dir = await mkdtemp(join(tmpdir(), 'strato-netstate-'));
  dirs.push(dir);
  const driver = new FakeNetworkDriver();
  // Taps "exist" once the fake driver has applied a state containing them.
  const linkExists = async (name: string): Promise<boolean> =>
    links.has(name) || driver.state.ports.some((p) => tapName(p.portId) === name);
  const make = () => new NetworkState({ driver, dir, linkExists, log: quiet, pollMs: 20 });
  return { dir, driver, links, make, state: make() };
}

test('newer and equal generations apply; an older one is ignored and changes nothing', async () => {
  const { driver, state } = await setup();
  const s1 = desiredState();
  assert.deepEqual(await state.apply(5n, s1), { applied: true, generation: 5n, steps: 3 });
  assert.deepEqual(await state.apply(5n, s1), { applied: true, generation: 5n, steps: 0 }, 'same state: zero steps');
  const empty = { networks: [], ports: [] };
  assert.deepEqual(await state.apply(4n, empty), { applied: false, generation: 5n, steps: 0 });
  assert.equal(driver.state.ports.length, 1, 'the stale push did not remove the port');
  assert.equal((await state.apply(6n, empty)).steps, 3);
  assert.equal(state.generation, 6n);
  assert.equal(driver.history.length, 3);
});

test('pushes are applied one at a time, in arrival order', async () => {
  const { driver, state } = await setup();
  const s = desiredState();
  const results = await Promise.all([
    state.apply(1n, s),
    state.apply(3n, { networks: [], ports: [] }),
    state.apply(2n, s),
  ]);
  assert.deepEqual(
    results.map((r) => r.applied),
    [true, true, false],
  );
  assert.deepEqual(driver.state, { networks: [], ports: [] });
});

test('the applied state is persisted and a new keeper (agent restart) re-applies it', async () => {
  const { dir, driver, state, make } = await setup();
  assert.equal(await state.restore(), undefined, 'nothing persisted: nothing done');
  assert.equal(driver.history.length, 0);
  // As the service hands it over: converted from the message.
  await state.apply(7n, hostNetworkFromProto(desiredMessage()));
  const saved = JSON.parse(await readFile(join(dir, DESIRED_STATE_FILE), 'utf8'));
  assert.equal(saved.generation, '7');
  const restarted = make();
  assert.deepEqual(await restarted.restore(), { applied: true, generation: 7n, steps: 0 });
  assert.equal(restarted.generation, 7n);
  assert.equal((await restarted.apply(6n, { networks: [], ports: [] })).applied, false, 'order survives the restart');
  assert.equal((await restarted.reapply())?.steps, 0, 'periodic resync of a matching host');
});

test('a corrupt persisted file is ignored (the next push decides)', async () => {
  const { dir, driver, state } = await setup();
  await writeFile(join(dir, DESIRED_STATE_FILE), '{"generation":"x"');
  assert.equal(await state.restore(), undefined);
  assert.equal(driver.history.length, 0);
  assert.equal(state.generation, undefined);
});

test('a persisted file not of the shape this code writes is ignored', async () => {
  const { dir, driver, state } = await setup();
  for (const body of [
    { generation: 7, state: desiredState() },
    { generation: '7', state: { networks: [] } },
    { generation: '7', state: null },
  ]) {
    await writeFile(join(dir, DESIRED_STATE_FILE), JSON.stringify(body));
    assert.equal(await state.restore(), undefined, JSON.stringify(body).slice(0, 60));
  }
  assert.equal(driver.history.length, 0);
  assert.equal(state.generation, undefined);
});

test('a state the driver refuses changes nothing and is not persisted', async () => {
  const { dir, driver, state } = await setup();
  const bad = desiredState();
  bad.networks[0]!.vni = 0;
  await assert.rejects(state.apply(1n, bad), (e) => isStratoError(e, 'INVALID_ARGUMENT'));
  assert.equal(state.generation, undefined);
  assert.equal(driver.history.length, 0);
  assert.equal(existsSync(join(dir, DESIRED_STATE_FILE)), false);
});

const ref = { portId: PORT, tap: tapName(PORT), mac: 'fa:16:3e:00:00:10' };

test('a port is wired once a state with it (same tap and MAC) is applied and its tap exists', async () => {
  const { state, driver, dir } = await setup();
  assert.equal(await state.isWired(ref), false);
  await state.apply(1n, desiredState());
  assert.equal(await state.isWired(ref), true);
  assert.equal(await state.isWired({ ...ref, mac: 'FA:16:3E:00:00:10' }), true, 'MAC case does not matter');
  assert.equal(await state.isWired({ ...ref, mac: 'fa:16:3e:00:00:11' }), false, 'another MAC is another NIC');
  assert.equal(await state.isWired({ ...ref, tap: tapName(PORT2) }), false);
  // The state says wired, but the tap is gone from the host (someone deleted it).
  const gone = new NetworkState({ driver, dir: join(dir, 'other'), linkExists: async () => false, log: quiet });
  await gone.apply(1n, desiredState());
  assert.equal(await gone.isWired(ref), false);
});

test('waitWired gives up after the timeout naming the missing ports', async () => {
  const { state } = await setup();
  const t0 = Date.now();
  assert.deepEqual(await state.waitWired([ref], 150), [PORT]);
  assert.ok(Date.now() - t0 >= 140, 'it waited');
});

test('waitWired returns as soon as a push wires the ports', async () => {
  const { state } = await setup();
  const t0 = Date.now();
  setTimeout(() => void state.apply(1n, desiredState()), 50);
  assert.deepEqual(await state.waitWired([ref], 5000), []);
  assert.ok(Date.now() - t0 < 2000);
});
