// Reading nftables state from a test (the root namespace's, or a named network
// namespace's), to compare it before and after an action or check nothing is left.
import { runExit } from './exec.ts';
import { netnsPath } from './host-plumbing.ts';

/** strato's tables, as `<family> <name>`. */
export const STRATO_TABLES = ['inet strato', 'bridge strato'] as const;

export interface NftTablesOptions {
  /** A named network namespace (`/run/netns/<netns>`); default: this process's namespace. */
  netns?: string;
  /**
   * Tables (`<family> <name>`) to list with their chains and rules, in this order; one
   * that does not exist lists as ''. Without it: the `nft list tables` lines.
   */
  tables?: readonly string[];
}

export async function nftTables(o: NftTablesOptions = {}): Promise<string> {
  if (o.tables === undefined) return nft(o.netns, ['list', 'tables']);
  const out: string[] = [];
  for (const t of o.tables) out.push(await nft(o.netns, ['list', 'table', ...t.split(' ')]));
  return out.join('\n');
}

async function nft(netns: string | undefined, args: string[]): Promise<string> {
  const argv = netns === undefined ? ['nft', ...args] : ['nsenter', `--net=${netnsPath(netns)}`, '--', 'nft', ...args];
  const r = await runExit(argv[0]!, argv.slice(1));
  if (r.code === 0) return r.stdout;
  // A table that does not exist is what a clean host has; anything else is a failure.
  if (args[1] === 'table' && /No such file or directory/.test(r.stderr)) return '';
  throw new Error(`${argv.join(' ')} failed (exit ${r.code}): ${r.stderr.trim()}`);
}
