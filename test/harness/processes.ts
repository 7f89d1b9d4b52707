// Whether a process still runs, as tests that stop daemons (or check that a delete
// stopped them) need to know it.
import { readFile } from 'node:fs/promises';

export interface ProcessMatch {
  /**
   * Counts only a process whose command line contains this text: a pid the kernel has
   * since given to another process is not the one the test started.
   */
  cmdlineIncludes?: string;
}

/**
 * True while `pid` runs. A zombie counts as gone: it has exited, holds no namespace and
 * only waits for its parent to reap it (`kill(pid, 0)` would still succeed).
 */
export async function processAlive(pid: number, match: ProcessMatch = {}): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The state follows the command name, which is in parentheses and may contain any byte.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  if (stat === '' || state === 'Z' || state === 'X') return false;
  if (match.cmdlineIncludes === undefined) return true;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.includes(match.cmdlineIncludes);
}
