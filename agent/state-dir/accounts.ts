// Group ids of the daemon accounts the agent shares files with, looked up through
// NSS (`getent`), as the daemons themselves resolve their --user/--group names.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { failedPrecondition } from '../../common/errors.ts';

const run = promisify(execFile);

/** `getent group` output → gid. Pure. */
export function parseGroupEntry(line: string): number | undefined {
  const gid = line.trim().split(':')[2];
  return gid !== undefined && /^\d+$/.test(gid) ? Number(gid) : undefined;
}

/** The gid of group `name`; FAILED_PRECONDITION when the host has no such group. */
export async function groupId(name: string, hint: string): Promise<number> {
  let out = '';
  try {
    out = (await run('getent', ['group', name], { timeout: 5000 })).stdout;
  } catch {
    // getent exits 2 for a missing group; anything else is as fatal.
  }
  const gid = parseGroupEntry(out);
  if (gid === undefined) {
    throw failedPrecondition('ACCOUNT_MISSING', `group ${name} does not exist on this host: ${hint}`, {
      details: { group: name },
    });
  }
  return gid;
}
