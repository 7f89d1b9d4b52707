// Which volume secrets a reconcile pass removes, puts back or reports (pure plan).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planSecrets, type SecretPlan } from '../../../agent/reconcile/secret-plan.ts';

const V1 = '00000000-0000-4000-8000-0000000000a1';
const V2 = '00000000-0000-4000-8000-0000000000a2';
const V3 = '00000000-0000-4000-8000-0000000000a3';
const I1 = '00000000-0000-4000-8000-0000000000b1';
const I2 = '00000000-0000-4000-8000-0000000000b2';

interface Case {
  name: string;
  secrets: string[];
  /** volume → instances recording it; undefined: a record was unreadable. */
  refs: Record<string, string[]> | undefined;
  busy?: string[];
  known?: string[];
  want: Partial<SecretPlan>;
}

const cases: Case[] = [
  { name: 'every recorded volume has its secret', secrets: [V1], refs: { [V1]: [I1] }, want: {} },
  {
    name: 'a secret no domain records is removed',
    secrets: [V1, V2],
    refs: { [V1]: [I1] },
    want: { orphanSecrets: [V2] },
  },
  {
    name: 'nothing recorded anywhere: every strato secret goes',
    secrets: [V2, V1],
    refs: {},
    want: { orphanSecrets: [V1, V2] },
  },
  { name: 'a busy volume keeps its secret (an attach in flight)', secrets: [V2], refs: {}, busy: [V2], want: {} },
  {
    name: 'an unreadable record: nothing removed, nothing reported',
    secrets: [V1, V2],
    refs: undefined,
    want: {},
  },
  {
    name: 'a lost secret whose password the agent holds is put back',
    secrets: [],
    refs: { [V1]: [I1] },
    known: [V1],
    want: { restoreSecrets: [V1] },
  },
  {
    name: 'a lost secret the agent cannot put back is reported with who needs it',
    secrets: [],
    refs: { [V3]: [I2, I1] },
    want: { missingSecrets: [{ volumeId: V3, instanceIds: [I1, I2] }] },
  },
  {
    name: 'a busy volume without secret is neither restored nor reported',
    secrets: [],
    refs: { [V1]: [I1] },
    busy: [V1],
    known: [V1],
    want: {},
  },
];

for (const c of cases) {
  test(c.name, () => {
    const plan = planSecrets({
      secrets: c.secrets,
      volumeRefs: c.refs === undefined ? undefined : new Map(Object.entries(c.refs)),
      busyVolumes: new Set(c.busy ?? []),
      knownPasswords: new Set(c.known ?? []),
    });
    assert.deepEqual(plan, { orphanSecrets: [], restoreSecrets: [], missingSecrets: [], ...c.want });
  });
}
