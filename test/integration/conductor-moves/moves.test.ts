// Moves through the conductor's real workflow driver, claimer and store, with a
// FAKE agent directory (test/harness/fake-move-agents.ts): each move finishes on
// the other host in the right state, usage on both hosts adds up at every step
// (the destination's claim held beside the source's while moving, exactly one
// released at the end), a conductor restart mid-move resumes it, an agent that
// lost track of its migration is answered by where the domain is, and an abort
// leaves the server on the source.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { admin, FLAVORS, MoveLab, member, NIC, usageOf } from './move-fixture.ts';

const ZERO = usageOf();

describe('conductor moves (fake agents)', () => {
  let lab: MoveLab;
  before(async () => {
    lab = await MoveLab.start(['hv-a', 'hv-b']);
  });
  after(async () => {
    await lab.close();
  });

  /** Nothing in flight: the claims match usage, and only `live` servers' claims exist. */
  async function balanced() {
    assert.deepEqual(await lab.usageMatchesClaims(), []);
  }

  it('cold-migrates a running server: it runs on the other host, the source is empty', async () => {
    const id = await lab.server('hv-a');
    const m = await lab.moves.migrate({ server: id, live: false, host: '', bandwidthMibS: 0 }, admin, 'r-cold');
    assert.equal(m.status, 'queued');
    assert.equal(m.kind, 'cold');
    const r = await lab.settled(id);
    assert.equal(r.host, 'hv-b');
    assert.equal(r.vmState, 'ACTIVE');
    assert.equal(r.powerState, 'RUNNING');
    assert.equal(r.taskState, '');
    assert.equal(r.move, undefined);
    assert.deepEqual(lab.agents.hostsOf(id), ['hv-b']);
    assert.equal(lab.agents.domainOf('hv-b', id)?.power, 'running');
    const done = await lab.migration(m.id);
    assert.equal(done.status, 'finished');
    assert.equal(done.destHost, 'hv-b');
    assert.deepEqual(await lab.usage(), { 'hv-a': ZERO, 'hv-b': usageOf(FLAVORS.small) });
    // The guest was stopped on the source before the copy, and the paused arrival stopped hard.
    const calls = lab.agents.calls.filter((c) => c.instanceId === id).map((c) => `${c.host} ${c.call}`);
    assert.deepEqual(calls.slice(0, 2), ['hv-a action:stop', 'hv-b prepareIncoming']);
    await balanced();
  });

  it("wires the ports on the destination before the guest goes there, and leaves the source's at the end", async () => {
    const id = await lab.server('hv-a', { nics: [NIC] });
    const from = lab.agents.calls.length;
    await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-net');
    const r = await lab.settled(id);
    assert.equal(r.host, 'hv-b');
    assert.deepEqual(r.nics, [NIC], 'same ports, same addresses');
    const seen = lab.agents.calls
      .slice(from)
      .filter((c) => c.call.startsWith('net:') || c.instanceId === id)
      .map((c) => `${c.call} ${c.host}`.trim())
      .filter((c) => !c.startsWith('getMigration') && !c.startsWith('getInstance'));
    assert.deepEqual(seen, [
      'net:bindMigrating hv-b',
      'net:push hv-b',
      'net:pushSoon',
      'prepareIncoming hv-b',
      'startMigration hv-a',
      'delete hv-a',
      'net:bindHost hv-b',
      'net:bindMigrating',
      'net:pushSoon',
    ]);
    await balanced();
  });

  it('cold-migrates a stopped server: it stays stopped', async () => {
    const id = await lab.server('hv-b', { power: 'shutdown' });
    await lab.moves.migrate({ server: id, live: false, host: 'hv-a', bandwidthMibS: 0 }, admin, 'r-cold2');
    const r = await lab.settled(id);
    assert.equal(r.host, 'hv-a');
    assert.equal(r.vmState, 'SHUTOFF');
    assert.equal(lab.agents.domainOf('hv-a', id)?.power, 'shutdown');
    assert.deepEqual(lab.agents.hostsOf(id), ['hv-a']);
    await balanced();
    // Tidy: the next tests count from here.
    await lab.moves.migrate({ server: id, live: false, host: 'hv-b', bandwidthMibS: 0 }, admin, 'r-back');
    await lab.settled(id);
  });

  it('live-migrates with claims on both hosts while moving and one at the end', async () => {
    const before = await lab.usage();
    const id = await lab.server('hv-a');
    lab.agents.gated = true;
    try {
      const m = await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 100 }, admin, 'r-live');
      await lab.atStep(id, 'move-wait');
      const mid = await lab.usage();
      assert.deepEqual(mid['hv-a'], addUsage(before['hv-a'], FLAVORS.small));
      assert.deepEqual(mid['hv-b'], addUsage(before['hv-b'], FLAVORS.small));
      assert.equal((await lab.record(id)).taskState, 'migrating');
      // Running, with progress figures from the source.
      const running = await waitStatus(lab, m.id, 'running', (x) => x.progress.memoryTotalBytes > 0);
      assert.equal(running.progress.memoryTotalBytes, 256 * 2 ** 20);
      // The guest never stopped on the source.
      assert.equal(lab.agents.domainOf('hv-a', id)?.power, 'running');
      lab.agents.finish(id);
      const r = await lab.settled(id);
      assert.equal(r.host, 'hv-b');
      assert.equal(r.vmState, 'ACTIVE');
      const done = await lab.migration(m.id);
      assert.equal(done.status, 'finished');
      assert.equal(done.progress.downtimeMs, 42);
      assert.ok(
        !lab.agents.calls.some((c) => c.instanceId === id && c.call === 'action:stop'),
        'a live move never stops',
      );
      const end = await lab.usage();
      assert.deepEqual(end['hv-a'], before['hv-a']);
      assert.deepEqual(end['hv-b'], addUsage(before['hv-b'], FLAVORS.small));
      await balanced();
    } finally {
      lab.agents.gated = false;
    }
  });

  it('abort leaves the server running on the source and frees the destination', async () => {
    const before = await lab.usage();
    const id = await lab.server('hv-a');
    lab.agents.gated = true;
    try {
      const m = await lab.moves.migrate({ server: id, live: true, host: 'hv-b', bandwidthMibS: 0 }, admin, 'r-ab');
      await lab.atStep(id, 'move-wait');
      const asked = await lab.moves.abort(m.id, admin, 'r-abort');
      assert.equal(asked.id, m.id);
      const r = await lab.settled(id);
      assert.equal(r.host, 'hv-a');
      assert.equal(r.vmState, 'ACTIVE');
      assert.equal(r.powerState, 'RUNNING');
      assert.deepEqual(lab.agents.hostsOf(id), ['hv-a']);
      assert.equal((await lab.migration(m.id)).status, 'cancelled');
      const end = await lab.usage();
      assert.deepEqual(end['hv-a'], addUsage(before['hv-a'], FLAVORS.small));
      assert.deepEqual(end['hv-b'], before['hv-b']);
      await balanced();
      // Too late to abort an ended move.
      await assert.rejects(lab.moves.abort(m.id, admin, 'r-abort2'), reason('MIGRATION_NOT_RUNNING'));
    } finally {
      lab.agents.gated = false;
    }
  });

  it('a migration that fails on the host rolls back to the source', async () => {
    const id = await lab.server('hv-a');
    lab.agents.gated = true;
    try {
      const m = await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-fail');
      await lab.atStep(id, 'move-wait');
      lab.agents.finish(id, 'FAILED');
      const r = await lab.settled(id);
      assert.equal(r.host, 'hv-a');
      assert.equal(r.vmState, 'ACTIVE');
      const mig = await lab.migration(m.id);
      assert.equal(mig.status, 'error');
      assert.match(mig.error, /MIGRATION_FAILED/);
      assert.deepEqual(lab.agents.hostsOf(id), ['hv-a']);
      await balanced();
    } finally {
      lab.agents.gated = false;
    }
  });

  it('resize: RESIZED holds both claims; revert restores; confirm releases the source', async () => {
    const before = await lab.usage();
    const id = await lab.server('hv-a');
    const p = member('p1');
    const q0 = await lab.projectUsage('p1');
    await assert.rejects(lab.moves.resize(id, 'tiny', p, 'r-shrink'), reason('DISK_SHRINK_REFUSED'));
    await assert.rejects(lab.moves.resize(id, 'small', p, 'r-same'), reason('SAME_FLAVOR'));
    await assert.rejects(lab.moves.resize(id, 'big', member('p2'), 'r-other'), (e) => isStratoError(e, 'NOT_FOUND'));
    const m = await lab.moves.resize(id, 'big', p, 'r-resize');
    assert.equal(m.kind, 'resize');
    let r = await lab.settled(id);
    assert.equal(r.vmState, 'RESIZED');
    assert.equal(r.host, 'hv-b');
    assert.equal(r.flavor.id, FLAVORS.big.id);
    assert.equal(r.powerState, 'RUNNING');
    assert.deepEqual(lab.agents.domainOf('hv-b', id)?.flavor, { vcpus: 2, ramMib: 512, diskGib: 2 });
    assert.equal(lab.agents.domainOf('hv-a', id)?.power, 'shutdown', 'the source keeps a stopped copy');
    let u = await lab.usage();
    assert.deepEqual(u['hv-a'], addUsage(before['hv-a'], FLAVORS.small));
    assert.deepEqual(u['hv-b'], addUsage(before['hv-b'], FLAVORS.big));
    assert.equal((await lab.migration(m.id)).status, 'finished');
    // The project counts the bigger flavor while the resize may still go either way.
    const grown = { cores: q0.cores + 1, ramMib: q0.ramMib + 256 };
    assert.deepEqual(await lab.projectUsage('p1'), grown);
    await assert.rejects(lab.moves.resize(id, 'big', p, 'r-again'), reason('INVALID_STATE'));
    // Revert: back on the source with the old flavor, running; the destination's claim gone.
    await lab.moves.revert(id, p, 'r-revert');
    r = await lab.settled(id);
    assert.equal(r.vmState, 'ACTIVE');
    assert.equal(r.host, 'hv-a');
    assert.equal(r.flavor.id, FLAVORS.small.id);
    assert.deepEqual(lab.agents.hostsOf(id), ['hv-a']);
    assert.equal(lab.agents.domainOf('hv-a', id)?.power, 'running');
    assert.equal((await lab.migration(m.id)).status, 'reverted');
    assert.deepEqual(await lab.projectUsage('p1'), q0);
    u = await lab.usage();
    assert.deepEqual(u['hv-a'], addUsage(before['hv-a'], FLAVORS.small));
    assert.deepEqual(u['hv-b'], before['hv-b']);
    await balanced();
    // Resize again and confirm: only the destination's claim (the new flavor) remains.
    const m2 = await lab.moves.resize(id, 'big', p, 'r-resize2');
    await lab.settled(id);
    await assert.rejects(lab.moves.confirm(id, member('p2'), 'r-c-other'), (e) => isStratoError(e, 'NOT_FOUND'));
    await lab.moves.confirm(id, p, 'r-confirm');
    r = await lab.settled(id);
    assert.equal(r.vmState, 'ACTIVE');
    assert.equal(r.host, 'hv-b');
    assert.equal(r.flavor.id, FLAVORS.big.id);
    assert.deepEqual(lab.agents.hostsOf(id), ['hv-b']);
    assert.equal((await lab.migration(m2.id)).status, 'confirmed');
    assert.deepEqual(await lab.projectUsage('p1'), grown);
    u = await lab.usage();
    assert.deepEqual(u['hv-a'], before['hv-a']);
    assert.deepEqual(u['hv-b'], addUsage(before['hv-b'], FLAVORS.big));
    await balanced();
    await assert.rejects(lab.moves.confirm(id, p, 'r-confirm2'), reason('INVALID_STATE'));
  });

  it('the automatic confirm confirms a resize left waiting past the window', async () => {
    const id = await lab.server('hv-a');
    await lab.moves.resize(id, 'big', member('p1'), 'r-auto');
    const r = await lab.settled(id);
    assert.equal(r.vmState, 'RESIZED');
    assert.equal(await lab.moves.confirmDue(), 0, 'not due within the window');
    // Pretend it arrived long ago.
    await lab.store.update(`/instances/${id}`, { ...r, move: { ...r.move, arrivedAtMs: Date.now() - 7_200_000 } });
    assert.equal(await lab.moves.confirmDue(), 1);
    const done = await lab.settled(id);
    assert.equal(done.vmState, 'ACTIVE');
    assert.deepEqual(lab.agents.hostsOf(id), ['hv-b']);
    await balanced();
  });

  it('refuses moves that cannot start, changing nothing', async () => {
    const id = await lab.server('hv-a', { power: 'shutdown' });
    const before = await lab.record(id);
    await assert.rejects(
      lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'x'),
      reason('INVALID_STATE'),
    );
    await assert.rejects(
      lab.moves.migrate({ server: id, live: false, host: 'hv-a', bandwidthMibS: 0 }, admin, 'x'),
      reason('SAME_HOST'),
    );
    await assert.rejects(
      lab.moves.migrate({ server: id, live: false, host: 'hv-zz', bandwidthMibS: 0 }, admin, 'x'),
      reason('HOST_NOT_FOUND'),
    );
    await assert.rejects(lab.moves.confirm(id, admin, 'x'), reason('INVALID_STATE'));
    await assert.rejects(lab.moves.resize(id, '', admin, 'x'), reason('FLAVOR_REQUIRED'));
    await assert.rejects(lab.moves.resize(id, 'nope', admin, 'x'), reason('FLAVOR_NOT_FOUND'));
    // No other host with room: the migration ends in error saying why, the server stays.
    const lone = await MoveLab.start(['hv-solo']);
    try {
      const sid = await lone.server('hv-solo');
      const m = await lone.moves.migrate({ server: sid, live: true, host: '', bandwidthMibS: 0 }, admin, 'x');
      const r = await lone.settled(sid);
      assert.equal(r.host, 'hv-solo');
      assert.equal(r.vmState, 'ACTIVE');
      const mig = await lone.migration(m.id);
      assert.equal(mig.status, 'error');
      assert.match(mig.error, /NO_VALID_HOST.*hv-solo: the server is there \(a move goes to another host\)/);
      assert.deepEqual(await lone.usageMatchesClaims(), []);
    } finally {
      await lone.close();
    }
    assert.deepEqual(await lab.record(id), before);
    await balanced();
  });

  it('a conductor restarted mid-move resumes it', async () => {
    const before = await lab.usage();
    const id = await lab.server('hv-a');
    lab.agents.gated = true;
    try {
      const m = await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-restart');
      await lab.atStep(id, 'move-wait');
      await lab.stop();
      lab.agents.finish(id);
      lab.open();
      assert.equal(await lab.driver.resumeAll(), 1);
      const r = await lab.settled(id);
      assert.equal(r.host, 'hv-b');
      assert.equal(r.vmState, 'ACTIVE');
      assert.equal((await lab.migration(m.id)).status, 'finished');
      const end = await lab.usage();
      assert.deepEqual(end['hv-a'], before['hv-a']);
      assert.deepEqual(end['hv-b'], addUsage(before['hv-b'], FLAVORS.small));
      await balanced();
    } finally {
      lab.agents.gated = false;
    }
  });

  it('a source agent that lost the migration (NOT_FOUND) is answered by where the domain runs', async () => {
    // Arrived while the agent was down: the domain runs on the destination → finished there.
    const id = await lab.server('hv-a');
    lab.agents.gated = true;
    try {
      await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-lost1');
      await lab.atStep(id, 'move-wait');
      lab.agents.finish(id);
      lab.agents.forgetMigrations('hv-a');
      const r = await lab.settled(id);
      assert.equal(r.host, 'hv-b');
      assert.deepEqual(lab.agents.hostsOf(id), ['hv-b']);
      await balanced();
      // Failed while the agent was down: no domain on the destination → rolled back to the source.
      const id2 = await lab.server('hv-a');
      const m2 = await lab.moves.migrate({ server: id2, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-lost2');
      await lab.atStep(id2, 'move-wait');
      lab.agents.finish(id2, 'FAILED');
      lab.agents.forgetMigrations('hv-a');
      const r2 = await lab.settled(id2);
      assert.equal(r2.host, 'hv-a');
      assert.equal(r2.vmState, 'ACTIVE');
      assert.equal((await lab.migration(m2.id)).status, 'error');
      assert.deepEqual(lab.agents.hostsOf(id2), ['hv-a']);
      await balanced();
    } finally {
      lab.agents.gated = false;
    }
  });

  it('drain moves running servers live and stopped ones cold, and says what cannot move', async () => {
    const running = await lab.server('hv-a');
    const stopped = await lab.server('hv-a', { power: 'shutdown' });
    const stuck = await lab.server('hv-a');
    const r = await lab.record(stuck);
    await lab.store.update(`/instances/${stuck}`, { ...r, vmState: 'PAUSED', powerState: 'PAUSED' });
    const out = await lab.moves.drain('hv-a', admin, 'r-drain');
    const mine = out.filter((x) => [running, stopped, stuck].includes(x.serverId));
    const by = new Map(mine.map((x) => [x.serverId, x]));
    assert.equal(by.get(running)?.kind, 'live');
    assert.equal(by.get(stopped)?.kind, 'cold');
    assert.equal(by.get(stuck)?.migrationId, '');
    assert.match(by.get(stuck)?.error ?? '', /INVALID_STATE/);
    for (const id of [running, stopped]) {
      const s = await lab.settled(id);
      assert.equal(s.host, 'hv-b');
    }
    assert.equal((await lab.record(running)).vmState, 'ACTIVE');
    assert.equal((await lab.record(stopped)).vmState, 'SHUTOFF');
    // Only the paused server (and earlier tests' leftovers) stayed.
    const left = (await lab.moves.drain('hv-a', admin, 'r-drain2')).filter((x) =>
      [running, stopped, stuck].includes(x.serverId),
    );
    assert.deepEqual(
      left.map((x) => x.serverId),
      [stuck],
    );
    await lab.settledAll();
    await balanced();
  });

  it('lists and shows migrations, newest first, filtered by server and host', async () => {
    const all = await lab.moves.listMigrations({}, admin);
    assert.ok(all.length >= 8);
    const sorted = [...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    assert.deepEqual(
      all.map((m) => m.createdAt),
      sorted.map((m) => m.createdAt),
    );
    const one = all[0];
    assert.ok(one);
    assert.deepEqual(await lab.moves.getMigration(one.id, admin), one);
    const byServer = await lab.moves.listMigrations({ server: one.serverId }, admin);
    assert.ok(byServer.every((m) => m.serverId === one.serverId));
    const other = await lab.moves.listMigrations({}, member('p-nobody'));
    assert.deepEqual(other, [], "another project sees none of p1's migrations");
    await assert.rejects(lab.moves.getMigration(one.id, member('p-nobody')), reason('MIGRATION_NOT_FOUND'));
  });

  it('deleting a server in RESIZED removes both copies and both claims', async () => {
    const before = await lab.usage();
    const id = await lab.server('hv-a');
    await lab.moves.resize(id, 'big', member('p1'), 'r-del');
    await lab.settled(id);
    assert.deepEqual(lab.agents.hostsOf(id), ['hv-a', 'hv-b']);
    // The delete workflow as ComputeService.delete starts it.
    const r = await lab.record(id);
    await lab.store.update(`/instances/${id}`, {
      ...r,
      taskState: 'deleting',
      workflow: {
        id: 'del',
        kind: 'delete',
        step: 'delete',
        requestId: 'r',
        eventKey: '/x',
        excludeHosts: [],
        failures: [],
      },
    });
    lab.driver.kick(id);
    const { waitFor } = await import('../../harness/wait.ts');
    await waitFor(
      () => lab.store.list(`/instances/${id}`, { limit: 1 }),
      (p) => p.entries.length === 0,
      { what: 'purge', timeoutMs: 5000, intervalMs: 10 },
    );
    assert.deepEqual(lab.agents.hostsOf(id), []);
    assert.deepEqual(await lab.usage(), before);
    await balanced();
  });
});

function addUsage(u: ReturnType<typeof usageOf> | undefined, f: { vcpus: number; ramMib: number; diskGib: number }) {
  const b = u ?? usageOf();
  return {
    vcpus: b.vcpus + f.vcpus,
    ramMiB: b.ramMiB + f.ramMib,
    diskGiB: b.diskGiB + f.diskGib,
    instanceCount: b.instanceCount + 1,
  };
}

function reason(r: string) {
  return (err: unknown) => {
    assert.ok(isStratoError(err), `a StratoError, got ${String(err)}`);
    assert.equal(err.reason, r, err.message);
    return true;
  };
}

async function waitStatus(
  lab: MoveLab,
  id: string,
  status: string,
  also: (m: Awaited<ReturnType<MoveLab['migration']>>) => boolean = () => true,
) {
  const { waitFor } = await import('../../harness/wait.ts');
  return waitFor(
    () => lab.migration(id),
    (m) => m.status === status && also(m),
    { what: `migration ${id} ${status}`, timeoutMs: 5000, intervalMs: 10 },
  );
}
