// The volumes a move's destination prepared (their secrets set) for an instance whose
// domain has not arrived yet. No domain metadata names them then, so they are recorded
// in the instance's directory: a delete of the prepared copy (the move failed or was
// aborted) removes their secrets too, after an agent restart as well.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FILE = 'incoming-volumes.json';

export async function recordIncomingVolumes(instanceDir: string, volumeIds: readonly string[]): Promise<void> {
  await writeFile(join(instanceDir, FILE), `${JSON.stringify(volumeIds)}\n`, { mode: 0o600 });
}

/** The volume ids recorded in `instanceDir`; none when there is no (readable) record. */
export async function incomingVolumes(instanceDir: string): Promise<string[]> {
  try {
    const ids: unknown = JSON.parse(await readFile(join(instanceDir, FILE), 'utf8'));
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
