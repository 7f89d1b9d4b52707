import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retentionPoint } from '../../../conductor/store/sqlite/retention.ts';

test('retentionPoint keeps the last N revisions and everything inside the time window', () => {
  const cases: [number, { revisions?: number; ageMs?: number }, number | undefined, number][] = [
    [100, { revisions: 10 }, undefined, 91], // keep 91..100
    [5, { revisions: 10 }, undefined, 0], // fewer than N revisions: nothing to drop
    [100, {}, undefined, 0], // default keeps 10,000
    [20_000, {}, undefined, 10_001],
    [100, { revisions: 1 }, undefined, 100],
    [100, { revisions: 10, ageMs: 60_000 }, 50, 50], // the window reaches further back
    [100, { revisions: 10, ageMs: 60_000 }, 95, 91], // the count reaches further back
    [100, { revisions: 10, ageMs: 60_000 }, undefined, 91], // nothing young: count rules
    [100, { revisions: 10 }, 50, 91], // no window configured: its input is ignored
  ];
  for (const [revision, policy, young, want] of cases) {
    assert.equal(retentionPoint(revision, policy, young), want, JSON.stringify({ revision, policy, young }));
  }
});
