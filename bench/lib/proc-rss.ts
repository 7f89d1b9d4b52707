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
