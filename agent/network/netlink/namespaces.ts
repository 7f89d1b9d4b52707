// Named network namespaces, iproute2-compatible: a namespace NAME is a bind mount
// of a network namespace on /run/netns/NAME, so `ip netns` and strato see the same
// set. Creation and deletion run in the root worker (unshare + mount there);
// listing only reads the directory.
import { readdir, stat } from 'node:fs/promises';
import { checkNamespaceName } from './codec.ts';
import type { DeleteOptions } from './netlink.ts';
import { isMissingCode, netlinkErrnoCode } from './netlink-errors.ts';
import type { WorkerPool } from './worker-pool.ts';

export const NETNS_RUN_DIR = '/run/netns';

export async function listNamespaces(): Promise<string[]> {
  try {
    return (await readdir(NETNS_RUN_DIR)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export async function namespaceExists(name: string): Promise<boolean> {
  checkNamespaceName(name);
  try {
    await stat(`${NETNS_RUN_DIR}/${name}`);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

export async function createNamespace(pool: WorkerPool, name: string): Promise<void> {
  await pool.run(undefined, 'netnsCreate', [checkNamespaceName(name)], `namespace ${name}`);
}

/** Closes the pool's worker inside the namespace first: it would keep the namespace alive. */
export async function deleteNamespace(pool: WorkerPool, name: string, options: DeleteOptions = {}): Promise<void> {
  checkNamespaceName(name);
  await pool.closeNamespace(name);
  try {
    await pool.run(undefined, 'netnsDelete', [name], `namespace ${name}`);
  } catch (err) {
    const code = netlinkErrnoCode(err);
    if (options.ignoreMissing && code !== undefined && isMissingCode(code)) return;
    throw err;
  }
}
