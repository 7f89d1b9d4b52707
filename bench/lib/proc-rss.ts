// Resident memory of a process and its descendants, from /proc (Linux only).
import { readFile } from 'node:fs/promises';

async function vmRssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return m ? Number(m[1]) : 0;
}

async function children(pid: number): Promise<number[]> {
  const tasks = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return tasks
    .split(/\s+/)
    .filter((s) => s !== '')
    .map(Number);
}

/** VmRSS of `pid` plus every descendant (a daemon's helpers count as the daemon's memory). */
export async function treeRssKiB(pid: number): Promise<{ kib: number; pids: number[] }> {
  const pids: number[] = [];
  const queue = [pid];
  let kib = 0;
  while (queue.length > 0) {
    const p = queue.shift() as number;
    pids.push(p);
    kib += await vmRssKiB(p);
    queue.push(...(await children(p)));
  }
  return { kib, pids };
}

export interface MemoryShares {
  rssKiB: number;
  /** Pages only this process holds (its heaps, stacks, written data): what it costs the host alone. */
  privateKiB: number;
  /** Pages shared with other processes, for a Node daemon mostly the node binary's code (file-backed, clean). */
  sharedKiB: number;
}

/** What one process's resident memory is made of (/proc/PID/smaps_rollup). */
export async function memoryShares(pid: number): Promise<MemoryShares> {
  const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(text)?.[1] ?? 0);
  return {
    rssKiB: field('Rss'),
    privateKiB: field('Private_Dirty') + field('Private_Clean'),
    sharedKiB: field('Shared_Dirty') + field('Shared_Clean'),
  };
}
