// Threads of this test process by name (/proc/self/task/*/comm; Linux keeps 15
// characters of a thread's name): how tests see whether a worker thread is alive.
import { readdirSync, readFileSync } from 'node:fs';

export function threadsNamed(comm: string): number {
  let n = 0;
  for (const task of readdirSync('/proc/self/task')) {
    try {
      if (readFileSync(`/proc/self/task/${task}/comm`, 'utf8').trim() === comm) n++;
    } catch {
      // the thread ended while we looked
    }
  }
  return n;
}
