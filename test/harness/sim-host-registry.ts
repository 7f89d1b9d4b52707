// What a simulated cluster created, written down before each side effect, so that a
// teardown after a crash (the test process killed, a harness bug) knows what to remove.
// The registry lives at a fixed place whatever `base` a test chose: a harness starting up
// can then tell a live cluster of a parallel test file from a leftover of a dead process.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processStartTime } from './sim-host-processes.ts';

export const REGISTRY_DIR = '/run/strato-sim';

/**
 * Names of everything the harness creates carry the cluster id: netns `sh<id>-<n>`, bridge
 * `sbr<id>`, veth `sv<id>-<n>` (and its peer `sv<id>-<n>p` while it is being created), and
 * the cluster's directory `sc<id>` under the base.
 */
export const CLUSTER_ID_PATTERN = /^(?:sh|sbr|sv|sc)([0-9a-f]{6})(?:-\d+p?)?$/;

export interface HostRecord {
  netns: string;
  /** Root-namespace end of the host's veth. */
  outer: string;
  /** `mnt:[…]` of the host's holder, once known. */
  mntId?: string;
  holderPid?: number;
  /** The host's cgroup v2 directory, where the machine has one. */
  cgroup?: string;
}

export interface ClusterRecord {
  id: string;
  ownerPid: number;
  ownerStartTime: string;
  dir: string;
  bridge: string;
  hosts: HostRecord[];
}

const recordPath = (id: string): string => join(REGISTRY_DIR, `${id}.json`);

const pendingWrites = new Map<string, Promise<void>>();

/** Writes are chained per cluster (hosts start in parallel), so the newest state lands last. */
export function writeRecord(rec: ClusterRecord): Promise<void> {
  const write = async (): Promise<void> => {
    await mkdir(REGISTRY_DIR, { recursive: true });
    // Rename makes the update atomic: a concurrent sweep never reads half a record.
    const tmp = `${recordPath(rec.id)}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(rec, null, 2));
    await rename(tmp, recordPath(rec.id));
  };
  const next = (pendingWrites.get(rec.id) ?? Promise.resolve()).catch(() => undefined).then(write);
  pendingWrites.set(rec.id, next);
  return next;
}

export async function removeRecord(id: string): Promise<void> {
  await rm(recordPath(id), { force: true });
}

export async function readRecords(): Promise<ClusterRecord[]> {
  let names: string[];
  try {
    names = await readdir(REGISTRY_DIR);
  } catch {
    return [];
  }
  const records: ClusterRecord[] = [];
  for (const n of names.filter((n) => n.endsWith('.json'))) {
    try {
      records.push(JSON.parse(await readFile(join(REGISTRY_DIR, n), 'utf8')) as ClusterRecord);
    } catch {
      // being written right now (tmp + rename makes this rare) or garbage: ignore
    }
  }
  return records;
}

/** The owner is alive when a process with its pid and its start time still exists. */
export async function ownerAlive(rec: ClusterRecord): Promise<boolean> {
  return (await processStartTime(rec.ownerPid)) === rec.ownerStartTime;
}
