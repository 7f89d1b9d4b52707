import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommitSignal, waitOrAbort } from '../../../conductor/store/sqlite/commit-signal.ts';

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await new Promise((r) => setImmediate(r));
  return done;
};

test('a promise taken before a commit resolves on that commit; a later one waits for the next', async () => {
  const s = new CommitSignal();
  const before = s.next();
  assert.equal(await settled(before), false);
  s.notify();
  assert.equal(await settled(before), true);
  assert.equal(await settled(s.next()), false);
});

test('waitOrAbort resolves on abort and leaves no listener behind', async () => {
  const s = new CommitSignal();
  const ac = new AbortController();
  const w = waitOrAbort(s.next(), ac.signal);
  assert.equal(await settled(w), false);
  ac.abort();
  assert.equal(await settled(w), true);
  const ac2 = new AbortController();
  let listeners = 0;
  const orig = ac2.signal.addEventListener.bind(ac2.signal);
  ac2.signal.addEventListener = ((...args: Parameters<typeof orig>) => {
    listeners++;
    return orig(...args);
  }) as typeof orig;
  const origRemove = ac2.signal.removeEventListener.bind(ac2.signal);
  ac2.signal.removeEventListener = ((...args: Parameters<typeof origRemove>) => {
    listeners--;
    return origRemove(...args);
  }) as typeof origRemove;
  const w2 = waitOrAbort(s.next(), ac2.signal);
  s.notify();
  assert.equal(await settled(w2), true);
  assert.equal(listeners, 0);
});
