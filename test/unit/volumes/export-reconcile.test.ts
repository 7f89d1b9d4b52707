// The export reconcile behind attach and detach: a storage host that gives no answer to
// the pass its re-registration starts (the conductor's channel to the restarted agent
// still backing off) is asked again within seconds, not at the next periodic pass
// (an hour away here), so a target a detach could not remove goes promptly.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { noAnswer } from './fake-volume-agents.ts';
import { type Fixture, fixture, until } from './fixture.ts';

describe('export reconcile', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture();
    await f.storageHost('st-1', 10);
  });
  afterEach(() => f.close());

  it('a pass the host gave no answer to is asked again soon; the stray export goes', async () => {
    const host = f.agents.host('st-1');
    host.exports.set('stray', { volumeId: 'stray' });
    f.agents.failNext.set('reconcile', noAnswer());
    f.bs.hostRegistered('st-1');
    await until(
      'the stray export to go',
      async () => host.exports.has('stray'),
      (has) => !has,
      5000,
    );
    assert.deepEqual(
      f.agents.calls.filter((c) => c.startsWith('st-1 reconcile')),
      ['st-1 reconcile 0', 'st-1 reconcile 0'],
      'the unanswered pass, then the one that applied',
    );
  });

  it('a pass the host refused (an answer) is not asked again before the next period', async () => {
    const host = f.agents.host('st-1');
    host.exports.set('stray', { volumeId: 'stray' });
    f.agents.failNext.set('reconcile', new StratoError('FAILED_PRECONDITION', 'REFUSED', 'refused'));
    f.bs.hostRegistered('st-1');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(f.agents.calls.filter((c) => c.startsWith('st-1 reconcile')).length, 1);
    assert.ok(host.exports.has('stray'));
  });
});
