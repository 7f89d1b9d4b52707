import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyedLock } from '../../../agent/compute/keyed-lock.ts';
import { Reverter } from '../../../agent/compute/reverter.ts';
import { quiet } from '../../harness/quiet-log.ts';

test('reverter undoes in reverse order and keeps going past a failing undo', async () => {
  const r = new Reverter();
  const order: string[] = [];
  r.add('one', () => {
    order.push('one');
  });
  r.add('two', () => {
    throw new Error('boom');
  });
  r.add('three', async () => {
    order.push('three');
  });
  assert.deepEqual(r.pending(), ['three', 'two', 'one']);
  assert.deepEqual(await r.revert(quiet), ['two']);
  assert.deepEqual(order, ['three', 'one']);
  assert.deepEqual(await r.revert(quiet), [], 'undos run once');
});

test('reverter success forgets every undo', async () => {
  const r = new Reverter();
  let ran = false;
  r.add('x', () => {
    ran = true;
  });
  r.success();
  await r.revert(quiet);
  assert.equal(ran, false);
});

test('keyed lock serialises one key and runs different keys concurrently', async () => {
  const lock = new KeyedLock();
  const events: string[] = [];
  const slow = (label: string, ms: number) => async () => {
    events.push(`${label}+`);
    await new Promise((r) => setTimeout(r, ms));
    events.push(`${label}-`);
    return label;
  };
  const results = await Promise.all([
    lock.run('a', 'spawn', slow('a1', 30)),
    lock.run('a', 'delete', slow('a2', 5)),
    lock.run('b', 'spawn', slow('b1', 5)),
  ]);
  assert.deepEqual(results, ['a1', 'a2', 'b1']);
  assert.ok(events.indexOf('a1-') < events.indexOf('a2+'), 'a2 waits for a1');
  assert.ok(events.indexOf('b1+') < events.indexOf('a1-'), 'b does not wait for a');
  assert.equal(lock.holder('a'), undefined);
});

test('keyed lock releases after a failure and exposes the holder while held', async () => {
  const lock = new KeyedLock();
  await assert.rejects(
    lock.run('a', 'spawn', async () => {
      assert.equal(lock.holder('a'), 'spawn');
      throw new Error('x');
    }),
  );
  assert.equal(await lock.run('a', 'delete', async () => 'ok'), 'ok');
});
