// The instance's current NICs as the agent plugged them (spawn, hot-plug, unplug),
// kept in `<instance dir>/ports.json`. The domain's <metadata> records the ports it
// was spawned with, but our libvirt client has no virDomainSetMetadata, so hot-plugs
// are remembered here; the file goes with the instance directory on delete.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, writeFileAtomic } from '../state-dir/file-access.ts';
import { instancePaths } from './instance-paths.ts';
import type { SpawnPort } from './spawn-request.ts';

const file = (stateDir: string, id: string): string => join(instancePaths(stateDir, id).dir, 'ports.json');

/** The recorded NICs; empty when none were recorded. */
export async function readPortRecords(stateDir: string, id: string): Promise<SpawnPort[]> {
  try {
    return JSON.parse(await readFile(file(stateDir, id), 'utf8')) as SpawnPort[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export async function writePortRecords(stateDir: string, id: string, ports: readonly SpawnPort[]): Promise<void> {
  await writeFileAtomic(file(stateDir, id), JSON.stringify(ports), PRIVATE_FILE_MODE);
}

/** Adds (or replaces, by port id) one record. */
export async function recordPort(stateDir: string, id: string, port: SpawnPort): Promise<void> {
  const ports = (await readPortRecords(stateDir, id)).filter((p) => p.id !== port.id);
  await writePortRecords(stateDir, id, [...ports, port]);
}

export async function forgetPort(stateDir: string, id: string, portId: string): Promise<void> {
  const ports = await readPortRecords(stateDir, id);
  if (ports.some((p) => p.id === portId))
    await writePortRecords(
      stateDir,
      id,
      ports.filter((p) => p.id !== portId),
    );
}
