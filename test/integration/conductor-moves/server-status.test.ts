// The Nova status a server shows through the API (Server.status, what `strato server
// show/list` print as Status) at each point of a move, from the records the real
// workflow driver writes (FAKE agents: test/harness/fake-move-agents.ts): a resize
// that arrived waits as VERIFY_RESIZE, REVERT_RESIZE while it goes back, MIGRATING
// during a live move, and the vm_state again at rest.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serverToProto } from '../../../conductor/api/servers-api.ts';
import { admin, MoveLab, member } from './move-fixture.ts';

describe('server status during moves (fake agents)', () => {
  let lab: MoveLab;
  before(async () => {
    lab = await MoveLab.start(['st-a', 'st-b']);
  });
  after(async () => {
    await lab.close();
  });

  it('a resize waiting for its confirm is VERIFY_RESIZE, REVERT_RESIZE while reverting, ACTIVE after', async () => {
    const id = await lab.server('st-a');
    const p = member('p1');
    assert.equal(serverToProto(await lab.record(id), p).status, 'ACTIVE');
    await lab.moves.resize(id, 'big', p, 'r-status');
    const arrived = await lab.settled(id);
    const shown = serverToProto(arrived, p);
    assert.equal(shown.vmState, 'RESIZED');
    assert.equal(shown.status, 'VERIFY_RESIZE');
    const reverting = await lab.moves.revert(id, p, 'r-status-revert');
    assert.equal(serverToProto(reverting, p).status, 'REVERT_RESIZE');
    const back = serverToProto(await lab.settled(id), p);
    assert.equal(back.status, 'ACTIVE');
    assert.equal(back.host, '', 'a member is not told the host');
  });

  it('a live migration in progress is MIGRATING', async () => {
    const id = await lab.server('st-a');
    lab.agents.gated = true;
    try {
      await lab.moves.migrate({ server: id, live: true, host: '', bandwidthMibS: 0 }, admin, 'r-status-live');
      await lab.atStep(id, 'move-wait');
      assert.equal(serverToProto(await lab.record(id), admin).status, 'MIGRATING');
      lab.agents.finish(id);
      const done = serverToProto(await lab.settled(id), admin);
      assert.equal(done.status, 'ACTIVE');
      assert.equal(done.host, 'st-b');
    } finally {
      lab.agents.gated = false;
    }
  });
});
