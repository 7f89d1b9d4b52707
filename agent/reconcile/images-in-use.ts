// Which cached bases the host's instances use: the backing file each instance's
// overlay names (a boot from volume has no overlay). Undefined when some overlay
// cannot be read: then no one can tell what is unused, and nothing may be evicted.
import { readdir } from 'node:fs/promises';
import { basename, dirname, normalize } from 'node:path';
import type { Logger } from '../../common/log.ts';
import { instancePaths, instancesDir, isInstanceId } from '../compute/instance-paths.ts';
import { qcow2BackingFile } from '../images/qcow2-backing.ts';

export async function imagesInUse(stateDir: string, cacheDir: string, log: Logger): Promise<Set<string> | undefined> {
  let ids: string[];
  try {
    ids = (await readdir(instancesDir(stateDir))).filter(isInstanceId);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw err;
  }
  const inUse = new Set<string>();
  for (const id of ids) {
    let backing: string | undefined;
    try {
      backing = await qcow2BackingFile(instancePaths(stateDir, id).disk);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      log.warn({ instanceId: id, err }, 'overlay unreadable; no image evicted this pass');
      return undefined;
    }
    if (backing !== undefined && dirname(backing) === normalize(cacheDir)) inUse.add(basename(backing));
  }
  return inUse;
}
