// The one rule for removing orphans: only when turned on, only after the grace
// period, never while the conductor's view is unknown, stale, or empty on a host
// that holds strato objects (unless forced). Orphans are reported in every case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Orphan } from '../../../agent/reconcile/orphan-kinds.ts';
import { type ConductorView, type OrphanRemoval, planRemoval } from '../../../agent/reconcile/removal-plan.ts';

const D: Orphan = { kind: 'domains', name: '00000000-0000-4000-8000-00000000000d' };
const S: Orphan = { kind: 'libvirtSecrets', name: '00000000-0000-4000-8000-0000000000e5' };
const A = '00000000-0000-4000-8000-00000000000a';
const fresh = (ids: string[]): ConductorView => ({ expected: new Set(ids), fresh: true });

interface Case {
  name: string;
  mode: OrphanRemoval;
  view: ConductorView;
  /** When each orphan was first seen (now is 100_000, the grace 60_000); absent: new this pass. */
  since?: number;
  orphans?: Orphan[];
  remove: Orphan[];
  blocked?: string;
}

const cases: Case[] = [
  { name: 'on, past the grace period: removed', mode: 'on', view: fresh([A]), since: 40_000, remove: [D] },
  { name: 'on, within the grace period: kept', mode: 'on', view: fresh([A]), since: 50_000, remove: [] },
  { name: 'on, first seen now: kept', mode: 'on', view: fresh([A]), remove: [] },
  { name: 'off: never removed', mode: 'off', view: fresh([A]), since: 0, remove: [], blocked: 'removal off' },
  {
    name: 'no conductor answer yet: kept',
    mode: 'on',
    view: { expected: undefined, fresh: false },
    since: 0,
    remove: [],
    blocked: 'no conductor answer yet',
  },
  {
    name: 'stale conductor view: kept',
    mode: 'force',
    view: { expected: new Set([A]), fresh: false },
    since: 0,
    remove: [],
    blocked: 'conductor view stale',
  },
  {
    name: 'the conductor expects nothing while the host holds strato objects: kept',
    mode: 'on',
    view: fresh([]),
    since: 0,
    remove: [],
    blocked: 'conductor expects nothing',
  },
  { name: 'force empties a host the conductor forgot', mode: 'force', view: fresh([]), since: 0, remove: [D] },
  {
    name: 'the conductor expects nothing and no instance is here: a leftover secret goes',
    mode: 'on',
    view: fresh([]),
    since: 0,
    orphans: [S],
    remove: [S],
  },
  { name: 'every kind under the same rule', mode: 'on', view: fresh([A]), since: 0, orphans: [D, S], remove: [D, S] },
];

for (const c of cases) {
  test(`removal plan: ${c.name}`, () => {
    const orphans = c.orphans ?? [D];
    const firstSeen = new Map(c.since === undefined ? [] : orphans.map((o) => [`${o.kind}:${o.name}`, c.since!]));
    const plan = planRemoval({ orphans, mode: c.mode, view: c.view, firstSeen, now: 100_000, graceMs: 60_000 });
    assert.deepEqual(plan.remove, c.remove);
    assert.equal(plan.blocked, c.blocked);
    assert.deepEqual(plan.newlyFound, c.since === undefined ? orphans : []);
    // The first sighting is kept (never reset by a pass), and only current orphans are remembered.
    assert.deepEqual(
      [...plan.firstSeen.values()],
      orphans.map(() => c.since ?? 100_000),
    );
  });
}

test('removal plan: an orphan that is no longer one is forgotten, so its grace starts over', () => {
  const first = planRemoval({
    orphans: [D],
    mode: 'on',
    view: fresh([A]),
    firstSeen: new Map(),
    now: 0,
    graceMs: 60_000,
  });
  const gone = planRemoval({
    orphans: [],
    mode: 'on',
    view: fresh([A]),
    firstSeen: first.firstSeen,
    now: 30_000,
    graceMs: 60_000,
  });
  assert.equal(gone.firstSeen.size, 0);
  const back = planRemoval({
    orphans: [D],
    mode: 'on',
    view: fresh([A]),
    firstSeen: gone.firstSeen,
    now: 70_000,
    graceMs: 60_000,
  });
  assert.deepEqual(back.remove, [], 'seen again at 70 s: a new grace period');
  assert.deepEqual(back.newlyFound, [D]);
});

test('removal plan: a grace of 0 removes at first sight (when allowed)', () => {
  const plan = planRemoval({ orphans: [D], mode: 'on', view: fresh([A]), firstSeen: new Map(), now: 5, graceMs: 0 });
  assert.deepEqual(plan.remove, [D]);
});
