// The reconciler's safety rails over the fake hypervisor, with an injected clock: a
// domain the conductor no longer expects is reported at once and removed (with its
// directory and logs) only when removal is on, after the grace period, while the
// conductor's view is fresh and not empty. Network orphans are counted, never removed here.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Orphan } from '../../../agent/reconcile/orphan-kinds.ts';
import { Reconciler, type ReconcilerOptions } from '../../../agent/reconcile/reconciler.ts';
import { quiet, req, setup } from './compute-fixture.ts';

const GRACE = 60_000;

async function world(o: Partial<ReconcilerOptions> = {}) {
  const s = await setup();
  const clock = { now: 1_000_000 };
  const reconciler = new Reconciler({
    hv: s.hv,
    manager: s.manager,
    stateDir: s.stateDir,
    log: quiet,
    orphanGraceMs: GRACE,
    staleAfterMs: () => 30_000,
    now: () => clock.now,
    ...o,
  });
  const kept = req();
  const orphan = req();
  await s.manager.spawn(kept);
  await s.manager.spawn(orphan);
  return { ...s, clock, reconciler, kept: kept.instanceId, orphan: orphan.instanceId };
}

/** The conductor answers now (a heartbeat reply) expecting `ids`. */
function answer(w: Awaited<ReturnType<typeof world>>, ids: string[]): void {
  w.reconciler.setExpected(ids);
}

test('removal off (the default): the orphan is reported, never removed', async () => {
  const w = await world();
  answer(w, [w.kept]);
  const first = await w.reconciler.pass();
  assert.deepEqual(first.allOrphans, [{ kind: 'domains', name: w.orphan }]);
  assert.equal(first.counts.domains, 1);
  w.clock.now += GRACE * 10;
  answer(w, [w.kept]);
  const later = await w.reconciler.pass();
  assert.deepEqual(later.removed, []);
  assert.equal(later.blocked, 'removal off');
  assert.equal(await w.hv.powerState(w.orphan), 'running');
  assert.deepEqual(w.reconciler.counts.domains, 1, 'what Register/Heartbeat report');
});

test('removal on: the orphan goes after the grace period, with its directory and logs', async () => {
  const w = await world({ orphanRemoval: 'on' });
  answer(w, [w.kept]);
  assert.deepEqual((await w.reconciler.pass()).removed, [], 'not at first sight');
  w.clock.now += GRACE - 1;
  answer(w, [w.kept]);
  assert.deepEqual((await w.reconciler.pass()).removed, [], 'not within the grace period');
  w.clock.now += 1;
  answer(w, [w.kept]);
  const pass = await w.reconciler.pass();
  assert.deepEqual(pass.removed, [{ kind: 'domains', name: w.orphan }]);
  assert.equal(pass.counts.domains, 0);
  assert.equal(await w.hv.powerState(w.orphan), undefined);
  assert.equal(existsSync(join(w.stateDir, 'instances', w.orphan)), false);
  assert.deepEqual(await w.hv.loggedInstances(w.stateDir), [w.kept]);
  assert.equal(await w.hv.powerState(w.kept), 'running', 'the expected instance stays');
});

test('a stale conductor view removes nothing; a fresh answer allows it again', async () => {
  const w = await world({ orphanRemoval: 'on' });
  answer(w, [w.kept]);
  await w.reconciler.pass();
  w.clock.now += GRACE * 2; // no answer since: the view is 120 s old, stale after 30 s
  const stale = await w.reconciler.pass();
  assert.equal(stale.blocked, 'conductor view stale');
  assert.deepEqual(stale.removed, []);
  assert.equal(stale.counts.domains, 1, 'still reported');
  assert.equal(await w.hv.powerState(w.orphan), 'running');
  answer(w, [w.kept]);
  assert.deepEqual((await w.reconciler.pass()).removed, [{ kind: 'domains', name: w.orphan }]);
});

test('no conductor answer yet: nothing counted, nothing removed', async () => {
  const w = await world({ orphanRemoval: 'force', orphanGraceMs: 0 });
  const pass = await w.reconciler.pass();
  assert.deepEqual(pass.allOrphans, []);
  assert.equal(pass.blocked, 'no conductor answer yet');
  assert.equal((await w.hv.list()).length, 2);
});

test('a conductor expecting nothing removes nothing; force empties the host', async () => {
  const on = await world({ orphanRemoval: 'on', orphanGraceMs: 0 });
  answer(on, []);
  const pass = await on.reconciler.pass();
  assert.equal(pass.blocked, 'conductor expects nothing');
  assert.equal(pass.counts.domains, 2);
  assert.equal((await on.hv.list()).length, 2);

  const force = await world({ orphanRemoval: 'force', orphanGraceMs: 0 });
  answer(force, []);
  assert.equal((await force.reconciler.pass()).removed.length, 2);
  assert.deepEqual(await force.hv.list(), []);
});

test("a strato domain with no directory here (another agent's on a shared libvirtd) is never judged", async () => {
  const w = await world({ orphanRemoval: 'force', orphanGraceMs: 0 });
  const foreign = req();
  await w.manager.spawn(foreign);
  // As another agent's: its directory lives under that agent's state dir, not ours.
  await rm(join(w.stateDir, 'instances', foreign.instanceId), { recursive: true });
  answer(w, [w.kept, w.orphan]);
  const pass = await w.reconciler.pass();
  assert.deepEqual(pass.foreignDomains, [foreign.instanceId]);
  assert.deepEqual(pass.allOrphans, []);
  assert.equal(await w.hv.powerState(foreign.instanceId), 'running');
});

test('logs without a domain, stray cache files and network objects are counted; the network is never removed here', async () => {
  const strays = ['junk'];
  const removedStrays: string[] = [];
  const net: Orphan[] = [{ kind: 'taps', name: 'tap0123456789a' }];
  const w = await world({
    orphanRemoval: 'on',
    orphanGraceMs: 0,
    countOnly: [async () => net],
    cache: {
      strayEntries: async () => strays.filter((s) => !removedStrays.includes(s)),
      removeStray: async (name) => void removedStrays.push(name),
    },
  });
  const gone = randomUUID();
  w.hv.logs.add(gone);
  w.hv.logMentions.set(gone, join(w.stateDir, 'instances', gone, 'console.log'));
  await mkdir(join(w.stateDir, 'instances', 'not-an-id'));
  answer(w, [w.kept, w.orphan]);
  const pass = await w.reconciler.pass();
  assert.deepEqual(pass.counts, {
    domains: 0,
    taps: 1,
    bridges: 0,
    namespaces: 0,
    nftChains: 0,
    tgtTargets: 0,
    libvirtSecrets: 0,
    imageCacheFiles: 0,
    instanceDirs: 0,
    domainLogs: 0,
  });
  assert.deepEqual(pass.removed, [
    { kind: 'domainLogs', name: gone },
    { kind: 'imageCacheFiles', name: 'junk' },
  ]);
  assert.deepEqual(removedStrays, ['junk']);
  assert.ok(!(await w.hv.loggedInstances(w.stateDir)).includes(gone));
  assert.deepEqual(pass.strayEntries, ['not-an-id'], 'an unknown entry in instances/ is reported, not removed');
  assert.ok(existsSync(join(w.stateDir, 'instances', 'not-an-id')));
});
