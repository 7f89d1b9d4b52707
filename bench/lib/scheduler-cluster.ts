// A simulated cluster for the scheduler benchmark, in a real SQLite store file with the
// conductor's defaults: hosts registered through the real HostRegistry (three shapes,
// 0.5% disabled, 0.5% down), usage records pre-filled 0-50% as if earlier claims
// existed. overCommits() then checks the store itself: every host's usage must equal
// its initial usage plus the flavors of the claims made on it, within capacity × ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostRecord } from '../../conductor/hosts/host-record.ts';
import { HostRegistry } from '../../conductor/hosts/host-registry.ts';
import { RESOURCE_KEYS, usable } from '../../conductor/scheduler/resources.ts';
import { seededRandom } from '../../conductor/scheduler/seeded-random.ts';
import type { HostSnapshot, Resources } from '../../conductor/scheduler/types.ts';
import {
  CLAIM_PREFIX,
  type ClaimRecord,
  hostIdOfUsageKey,
  USAGE_PREFIX,
  type UsageRecord,
  usageKey,
} from '../../conductor/scheduler/usage-records.ts';
import { SqliteStore } from '../../conductor/store/sqlite/sqlite-store.ts';
import { listAll } from '../../conductor/store/list-all.ts';
import type { Op } from '../../conductor/store/store.ts';

export const TIMING = { heartbeatIntervalMs: 10_000, downTimeMs: 60_000 };
const RATIO = { cpu: 4, ram: 1.5, disk: 1 };
const RESERVED = { vcpus: 1, ramMiB: 2048, diskGiB: 10 };
const SHAPES: Resources[] = [
  { vcpus: 16, ramMiB: 65_536, diskGiB: 500 },
  { vcpus: 32, ramMiB: 131_072, diskGiB: 1000 },
  { vcpus: 64, ramMiB: 262_144, diskGiB: 2000 },
];

export interface Cluster {
  store: SqliteStore;
  hosts: HostRegistry;
  initial: Map<string, UsageRecord>;
  close(): Promise<void>;
}

export async function makeCluster(size: number, seed = 2026): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'strato-sched-bench-'));
  const store = new SqliteStore({ path: join(dir, 'state.db') });
  const options = { store, timing: TIMING, allocationRatio: RATIO, reserved: RESERVED };
  const hosts = new HostRegistry(options);
  const longAgo = new HostRegistry({ ...options, clock: () => Date.now() - 10 * TIMING.downTimeMs });
  const rnd = seededRandom(seed);
  const initial = new Map<string, UsageRecord>();
  let ops: Op[] = [];
  for (let i = 0; i < size; i++) {
    const id = `host-${String(i).padStart(5, '0')}`;
    const capacity = SHAPES[i % SHAPES.length] as Resources;
    const input = { id, address: `10.1.${i >> 8}.${i & 255}:8776`, capacity, virtType: 'qemu', agentVersion: 'bench' };
    await (rnd() > 0.005 ? hosts : longAgo).register(input);
    if (rnd() <= 0.005) await hosts.setEnabled(id, false);
    const fill = rnd() * 0.5;
    const u: UsageRecord = {
      usage: {
        vcpus: Math.floor(capacity.vcpus * fill),
        ramMiB: Math.floor(capacity.ramMiB * fill),
        diskGiB: Math.floor(capacity.diskGiB * fill),
      },
      instanceCount: Math.floor(10 * fill),
    };
    initial.set(id, u);
    ops.push({ kind: 'put', key: usageKey(id), value: u });
    if (ops.length === 100 || i === size - 1) {
      await store.txn([], ops);
      ops = [];
    }
  }
  return {
    store,
    hosts,
    initial,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Problems found in the store after a run; `placed` is how many placements the run reported. */
export async function overCommits(c: Cluster, placed: number): Promise<string[]> {
  const bad: string[] = [];
  const claims = (await listAll<ClaimRecord>(c.store, CLAIM_PREFIX)).entries.map((e) => e.value);
  if (claims.length !== placed) bad.push(`${claims.length} claim records for ${placed} placements`);
  const want = new Map<string, UsageRecord>();
  for (const [id, u] of c.initial) want.set(id, structuredClone(u));
  for (const cl of claims) {
    const w = want.get(cl.hostId) as UsageRecord;
    for (const k of RESOURCE_KEYS) w.usage[k] += cl.flavor[k];
    w.instanceCount++;
  }
  const records = await listAll<HostRecord>(c.store, c.hosts.hostSource().prefix);
  const facts = new Map(records.entries.map((e) => [e.value.id, c.hosts.snapshot(e.value)]));
  for (const e of (await listAll<UsageRecord>(c.store, USAGE_PREFIX)).entries) {
    const id = hostIdOfUsageKey(e.key);
    const w = want.get(id) as UsageRecord;
    const host = facts.get(id) as HostSnapshot;
    for (const k of RESOURCE_KEYS) {
      if (e.value.usage[k] !== w.usage[k]) bad.push(`${id}.${k}: usage ${e.value.usage[k]} != ${w.usage[k]} claimed`);
      if (e.value.usage[k] > usable(host, k)) bad.push(`${id}.${k}: ${e.value.usage[k]} > usable ${usable(host, k)}`);
    }
  }
  return bad;
}

/** Every enabled host's facts with its stored usage, and that usage record's modRevision. */
export async function hostsWithUsage(c: Cluster): Promise<Array<{ snap: HostSnapshot; revision: number }>> {
  const usage = new Map(
    (await listAll<UsageRecord>(c.store, USAGE_PREFIX)).entries.map((e) => [hostIdOfUsageKey(e.key), e]),
  );
  const records = await listAll<HostRecord>(c.store, c.hosts.hostSource().prefix);
  return records.entries
    .filter((e) => e.value.enabled)
    .map((e) => {
      const u = usage.get(e.value.id);
      const snap = { ...c.hosts.snapshot(e.value), ...(u?.value ?? {}) };
      return { snap, revision: u?.modRevision ?? 0 };
    });
}
