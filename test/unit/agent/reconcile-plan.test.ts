// Which instance objects are orphans: a table of host observations against the
// conductor's view. Removal is not decided here (removal-plan.test.ts).
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
  logs?: string[];
  expected: string[] | undefined;
  busy?: string[];
  want: Partial<ReconcilePlan>;
}

const cases: Case[] = [
  { name: 'all consistent', domains: [A], dirs: [A], logs: [A], expected: [A], want: {} },
  {
    name: 'dir without domain, not expected: an orphan',
    domains: [A],
    dirs: [A, B],
    expected: [A],
    want: { orphans: [{ kind: 'instanceDirs', name: B }] },
  },
  {
    name: 'dir without domain but expected: no orphan, reported missing',
    domains: [],
    dirs: [B],
    expected: [B],
    want: { missingExpected: [B] },
  },
  {
    name: 'conductor unknown: nothing is an orphan',
    domains: [D],
    dirs: [B, D],
    logs: [C],
    expected: undefined,
    want: {},
  },
  { name: 'busy dir is no orphan', domains: [], dirs: [C], expected: [], busy: [C], want: {} },
  {
    name: 'unexpected domain of this agent (its dir is here): an orphan',
    domains: [A, D],
    dirs: [A, D],
    expected: [A],
    want: { orphans: [{ kind: 'domains', name: D }] },
  },
  {
    name: "a strato domain without a dir here is another agent's: foreign, never an orphan",
    domains: [A, D],
    dirs: [A],
    expected: [A],
    want: { foreignDomains: [D] },
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
  {
    name: 'logs of an instance with no domain, not expected: orphans',
    domains: [A],
    dirs: [A],
    logs: [A, C],
    expected: [A],
    want: { orphans: [{ kind: 'domainLogs', name: C }] },
  },
  {
    name: 'logs of a foreign domain that still exists are not orphans',
    domains: [A, D],
    dirs: [A],
    logs: [D],
    expected: [A],
    want: { foreignDomains: [D] },
  },
  {
    name: 'logs of an expected instance are kept',
    domains: [],
    dirs: [],
    logs: [B],
    expected: [B],
    want: { missingExpected: [B] },
  },
  {
    name: 'a domain deleted while the agent was down: domain, dir and logs are orphans',
    domains: [D],
    dirs: [D],
    logs: [D],
    expected: [],
    want: { orphans: [{ kind: 'domains', name: D }] },
  },
  { name: 'busy unexpected domain: no orphan', domains: [D], dirs: [D], expected: [], busy: [D], want: {} },
];

for (const c of cases) {
  test(`reconcile plan: ${c.name}`, () => {
    const plan = planReconcile({
      domains: c.domains.map(dom),
      instanceDirs: c.dirs,
      loggedInstances: c.logs ?? [],
      expected: c.expected === undefined ? undefined : new Set(c.expected),
      busy: new Set(c.busy ?? []),
    });
    const none: ReconcilePlan = { orphans: [], missingExpected: [], strayEntries: [], foreignDomains: [] };
    assert.deepEqual(plan, { ...none, ...c.want });
  });
}
