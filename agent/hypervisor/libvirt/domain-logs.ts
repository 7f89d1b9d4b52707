// libvirt's own log of each QEMU process, <log dir>/<domain name>.log, which virtlogd
// rolls over to <name>.log.0, .log.1, … libvirt never removes them, not even when the
// domain is undefined; strato removes an instance's logs with the instance.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

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
