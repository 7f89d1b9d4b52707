// Imported FIRST by the daemons' main.ts for its side effect. glibc raises its
// mmap threshold after the first big free (up to 32 MiB) and from then on serves
// big blocks from the per-thread arenas, which it rarely gives back: every scrypt
// (16 MiB, on a libuv thread) left its block resident — 36 MiB of the idle
// conductor and 15 MiB of the idle agent (bench/server-create.bench.ts). A fixed
// 4 MiB threshold keeps ordinary blocks (stream chunks, protobufs) in the arenas
// and maps and unmaps only the rare big ones. glibc reads tunables only when a
// process starts, so the daemon re-executes itself once, same pid, same stdio,
// before any other module has run. Only when a daemon is the process's entry
// script: tests import main.ts into their own runner.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TUNABLE = 'glibc.malloc.mmap_threshold=4194304';
const DAEMONS = ['../conductor/main.ts', '../agent/main.ts'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

function entryScript(): string | undefined {
  const entry = process.argv[1];
  if (entry === undefined) return undefined;
  try {
    return realpathSync(entry);
  } catch {
    return undefined;
  }
}

const current = process.env.GLIBC_TUNABLES;
const entry = entryScript();
if (
  process.platform === 'linux' &&
  typeof process.execve === 'function' &&
  current?.includes('glibc.malloc.mmap_threshold') !== true &&
  entry !== undefined &&
  DAEMONS.some((d) => {
    try {
      return realpathSync(d) === entry;
    } catch {
      return false;
    }
  })
) {
  const tunables = current === undefined || current === '' ? TUNABLE : `${current}:${TUNABLE}`;
  // Experimental in Node 24, but its warning is emitted on the next tick, which never comes.
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    ...process.env,
    GLIBC_TUNABLES: tunables,
  });
}
