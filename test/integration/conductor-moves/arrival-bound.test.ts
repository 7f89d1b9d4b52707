// A cold move's arrival on a destination that keeps failing (its stop times out) is
// not retried forever: after the driver's moveHostWaitMs the move ends in error and the
// server is back on its source, running as before; a destination that cannot even
// remove its copy keeps it as a stale copy (deleted when it next reports it). Once the
// destination's copy was asked to start there is no way back: it is only asked again.
// Real workflow driver, claimer and store; FAKE agents (test/harness/fake-move-agents.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { admin, FLAVORS, MoveLab, member, usageOf } from './move-fixture.ts';

const WAIT_MS = 300;
const timedOut = (what: string) => new StratoError('DEADLINE_EXCEEDED', 'DEADLINE_EXCEEDED', `fake: ${what} timed out`);

describe('a cold arrival that keeps failing (fake agents)', () => {
  let lab: MoveLab;
  before(async () => {
    lab = await MoveLab.start(['ab-a', 'ab-b'], { driver: { moveHostWaitMs: WAIT_MS } });
  });
  after(async () => {
    await lab.close();
  });

  it('ends the migration in error with the server running on its source, the destination emptied', async () => {
    const id = await lab.server('ab-a');
    lab.agents.faults.set('ab-b action:stop', timedOut('stop'));
    try {
      const m = await lab.moves.migrate({ server: id, live: false, host: '', bandwidthMibS: 0 }, admin, 'r-ab1');
      const r = await lab.settled(id, 15_000);
      assert.equal(r.host, 'ab-a');
      assert.equal(r.vmState, 'ACTIVE');
      assert.equal(r.powerState, 'RUNNING');
      assert.equal(r.taskState, '');
      assert.equal(r.move, undefined);
      const done = await lab.migration(m.id);
      assert.equal(done.status, 'error');
      assert.match(done.error, /MOVE_ARRIVAL_TIMED_OUT.*ab-b/);
      assert.ok(
        lab.agents.calls.filter((c) => c.instanceId === id && c.call === 'action:stop' && c.host === 'ab-b').length >= 1,
        'the destination was asked to stop its arrival',
      );
      // The copy that arrived went; the source's copy, stopped for the copy, runs again.
      assert.deepEqual(lab.agents.hostsOf(id), ['ab-a']);
      assert.equal(lab.agents.domainOf('ab-a', id)?.power, 'running');
      assert.deepEqual(await lab.usage(), { 'ab-a': usageOf(FLAVORS.small), 'ab-b': usageOf() });
      assert.deepEqual(await lab.usageMatchesClaims(), []);
    } finally {
      lab.agents.faults.clear();
    }
  });

  it('a destination that cannot remove its copy either keeps it as stale; the claim goes all the same', async () => {
    const id = await lab.server('ab-a', { power: 'shutdown' });
    lab.agents.faults.set('ab-b action:stop', timedOut('stop'));
    lab.agents.faults.set('ab-b delete', timedOut('delete'));
    try {
      const m = await lab.moves.migrate({ server: id, live: false, host: 'ab-b', bandwidthMibS: 0 }, admin, 'r-ab2');
      const r = await lab.settled(id, 15_000);
      assert.equal(r.host, 'ab-a');
      assert.equal(r.vmState, 'SHUTOFF', 'a stopped server stays stopped');
      assert.deepEqual(r.staleOn, ['ab-b']);
      assert.equal((await lab.migration(m.id)).status, 'error');
      assert.ok(lab.agents.domainOf('ab-b', id), 'the copy the destination could not remove is still there');
      assert.equal((await lab.claims()).filter((c) => c.hostId === 'ab-b').length, 0, 'no claim on the destination');
      assert.deepEqual(await lab.usageMatchesClaims(), []);
    } finally {
      lab.agents.faults.clear();
    }
  });

  it('a resize whose start on the destination fails is asked again, never rolled back', async () => {
    const id = await lab.server('ab-a');
    const p = member('p1');
    lab.agents.faults.set('ab-b action:start', timedOut('start'));
    try {
      await lab.moves.resize(id, 'big', p, 'r-ab3');
      await lab.atStep(id, 'move-arrive');
      // Well past the wait: still arriving, never back on the source.
      await new Promise((res) => setTimeout(res, 4 * WAIT_MS));
      const r = await lab.record(id);
      assert.equal(r.workflow?.step, 'move-arrive');
      assert.equal(r.workflow?.destStartAsked, true);
      assert.equal(lab.agents.domainOf('ab-a', id)?.power, 'shutdown', "the source's copy waits, stopped");
    } finally {
      lab.agents.faults.clear();
    }
    const r = await lab.settled(id, 15_000);
    assert.equal(r.vmState, 'RESIZED');
    assert.equal(r.host, 'ab-b');
    assert.equal(lab.agents.domainOf('ab-b', id)?.power, 'running');
    await lab.moves.confirm(id, p, 'r-ab3-confirm');
    await lab.settled(id);
    assert.deepEqual(await lab.usageMatchesClaims(), []);
  });
});
