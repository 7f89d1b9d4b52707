// Test clouds record who owns them, so a run that crashed (the test process killed
// before its `after` ran) is cleaned up by the next one: its conductor is stopped
// and its directory removed. The simulated hosts (and the agents inside them) have
// their own sweep in the harness.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processAlive } from '../../harness/processes.ts';

export const E2E_BASE = '/tmp/strato-e2e';

interface OwnerRecord {
  ownerPid: number;
  conductorPids: number[];
}

export async function writeOwner(dir: string, conductorPids: number[]): Promise<void> {
  const rec: OwnerRecord = { ownerPid: process.pid, conductorPids };
  await writeFile(join(dir, 'owner.json'), JSON.stringify(rec));
}

export async function sweepClouds(): Promise<void> {
  for (const name of await readdir(E2E_BASE).catch(() => [] as string[])) {
    const dir = join(E2E_BASE, name);
    let rec: OwnerRecord;
    try {
      rec = JSON.parse(await readFile(join(dir, 'owner.json'), 'utf8')) as OwnerRecord;
    } catch {
      continue; // being created right now, or not ours
    }
    if (await processAlive(rec.ownerPid)) continue;
    for (const pid of rec.conductorPids) {
      // Only a process that is still this cloud's conductor (pids are reused).
      if (await processAlive(pid, { cmdlineIncludes: dir })) process.kill(pid, 'SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  }
}
