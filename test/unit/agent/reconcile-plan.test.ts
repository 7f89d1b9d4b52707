import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DomainObservation } from '../../../agent/hypervisor/hypervisor.ts';
import { planReconcile, type ReconcilePlan } from '../../../agent/reconcile/reconcile-plan.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const D = '00000000-0000-4000-8000-00000000000d';
const dom = (instanceId: string): DomainObservation => ({ instanceId, powerState: 'running' });

interface Case {
  name: string;
  domains: string[];
  dirs: string[];
  expected: string[] | undefined;
  busy?: string[];
  /** id → ms it was first seen unexpected; `now` is 100_000 and the grace 60_000. */
  since?: Record<string, number>;
  want: Partial<ReconcilePlan>;
}

const cases: Case[] = [
  { name: 'all consistent', domains: [A], dirs: [A], expected: [A], want: {} },
  {
    name: 'dir without domain, not expected: removed',
    domains: [A],
    dirs: [A, B],
    expected: [A],
    want: { removeDirs: [B] },
  },
  {
    name: 'dir without domain but expected: kept, reported missing',
    domains: [],
    dirs: [B],
    expected: [B],
    want: { missingExpected: [B] },
  },
  { name: 'conductor unknown: nothing removed', domains: [], dirs: [B], expected: undefined, want: {} },
  { name: 'busy dir is never removed', domains: [], dirs: [C], expected: [], busy: [C], want: {} },
  {
    name: 'unexpected domain kept and flagged',
    domains: [A, D],
    dirs: [A, D],
    expected: [A],
    want: { unexpectedDomains: [D] },
  },
  { name: 'expected but absent everywhere', domains: [], dirs: [], expected: [A], want: { missingExpected: [A] } },
  { name: 'busy expected instance is not missing', domains: [], dirs: [], expected: [A], busy: [A], want: {} },
  {
    name: 'stray entries left alone',
    domains: [],
    dirs: ['lost+found', 'README'],
    expected: [],
    want: { strayEntries: ['README', 'lost+found'] },
  },
  { name: 'domain with no dir is fine', domains: [A], dirs: [], expected: [A], want: {} },
  {
    name: 'unexpected within the grace period: kept',
    domains: [D],
    dirs: [D],
    expected: [],
    since: { [D]: 50_000 },
    want: { unexpectedDomains: [D] },
  },
  {
    name: 'unexpected past the grace period: deleted',
    domains: [D],
    dirs: [D],
    expected: [],
    since: { [D]: 40_000 },
    want: { removeDomains: [D] },
  },
  {
    name: 'expected again: never deleted whatever its history',
    domains: [D],
    dirs: [D],
    expected: [D],
    since: { [D]: 0 },
    want: {},
  },
  {
    name: 'busy unexpected domain: left alone',
    domains: [D],
    dirs: [D],
    expected: [],
    busy: [D],
    since: { [D]: 0 },
    want: {},
  },
  {
    name: 'conductor unknown: no domain deleted',
    domains: [D],
    dirs: [D],
    expected: undefined,
    since: { [D]: 0 },
    want: {},
  },
];

for (const c of cases) {
  test(`reconcile plan: ${c.name}`, () => {
    const plan = planReconcile({
      domains: c.domains.map(dom),
      instanceDirs: c.dirs,
      expected: c.expected === undefined ? undefined : new Set(c.expected),
      busy: new Set(c.busy ?? []),
      unexpectedSince: new Map(Object.entries(c.since ?? {})),
      now: 100_000,
      graceMs: 60_000,
    });
    const none = { removeDirs: [], unexpectedDomains: [], removeDomains: [], missingExpected: [], strayEntries: [] };
    assert.deepEqual(plan, { ...none, ...c.want });
  });
}
