// libvirt's own log of each QEMU process, <log dir>/<domain name>.log, which virtlogd
// rolls over to <name>.log.0, .log.1, … libvirt never removes them, not even when the
// domain is undefined; strato removes an instance's logs with the instance.
import { open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { instanceIdFromDomainName } from '../domain-name.ts';

/** Where the system libvirtd's QEMU driver writes them. */
export const LIBVIRT_QEMU_LOG_DIR = '/var/log/libvirt/qemu';

/** Whether `file` is the log of domain `name` or one of its rotations. Pure. */
export function isDomainLog(file: string, name: string): boolean {
  const base = `${name}.log`;
  return file === base || (file.startsWith(`${base}.`) && /^\d+$/.test(file.slice(base.length + 1)));
}

/** Removes the logs of domain `name`; none (or no log dir) is success. */
export async function removeDomainLogs(dir: string, name: string): Promise<void> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  await Promise.all(files.filter((f) => isDomainLog(f, name)).map((f) => rm(join(dir, f), { force: true })));
}

/** How much of a log is searched for its owner: QEMU's command line comes first at every start. */
const HEAD_BYTES = 64 * 1024;

async function headMentions(path: string, needle: string): Promise<boolean> {
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
      return buf.subarray(0, bytesRead).includes(needle);
    } finally {
      await fh.close();
    }
  } catch {
    return false;
  }
}

/**
 * Instance ids of the strato domains with a log (or a rotation) in `dir` whose QEMU
 * command line mentions `mentioning` (the agent's instances dir: on a libvirtd shared
 * by several agents, another agent's logs are not this one's to judge). None (or no
 * dir) is empty.
 */
export async function loggedDomainInstances(dir: string, mentioning: string): Promise<string[]> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const ids = new Set<string>();
  for (const f of files.sort()) {
    const name = /^(.*)\.log(\.\d+)?$/.exec(f)?.[1];
    const id = name === undefined ? undefined : instanceIdFromDomainName(name);
    if (id === undefined || ids.has(id)) continue;
    if (await headMentions(join(dir, f), mentioning)) ids.add(id);
  }
  return [...ids].sort();
}
