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
// The same re-execution gives V8 the flags of DAEMON_V8_FLAGS, measured with
// bench/footprint.bench.ts on 2026-12-03 (idle RSS, conductor / agent):
// by default the semi-spaces grow to 16 MiB each during start-up and stay
// committed: at most 2 MiB saved 20 / 12 MiB; --optimize-for-size (slower heap
// growth, earlier memory reduction) 19 / 0-5 MiB more. Daemons mostly idle and
// their requests allocate little; bench/heartbeat.bench.ts shows the CPU a
// heartbeat costs with them. A flag given on the command line wins.
import { realpathSync } from 'node:fs';
import { installPath } from './install-root.ts';

const TUNABLE = 'glibc.malloc.mmap_threshold=4194304';
export const DAEMON_V8_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--optimize-for-size'];
// The daemons' sources and their bundles (scripts/build-dist: what ships and what runs).
const DAEMONS = ['conductor/main.ts', 'agent/main.ts', 'dist/strato-conductor.mjs', 'dist/strato-agent.mjs'].map(
  installPath,
);

function entryScript(): string | undefined {
  const entry = process.argv[1];
  if (entry === undefined) return undefined;
  try {
    return realpathSync(entry);
  } catch {
    return undefined;
  }
}

/** The daemon V8 flags neither the command line nor NODE_OPTIONS sets already. */
function missingV8Flags(): string[] {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return DAEMON_V8_FLAGS.filter((f) => !given.some((g) => g.split('=')[0] === f.split('=')[0]));
}

const current = process.env.GLIBC_TUNABLES;
const entry = entryScript();
const v8Flags = missingV8Flags();
if (
  process.platform === 'linux' &&
  typeof process.execve === 'function' &&
  (current?.includes('glibc.malloc.mmap_threshold') !== true || v8Flags.length > 0) &&
  entry !== undefined &&
  DAEMONS.some((d) => {
    try {
      return realpathSync(d) === entry;
    } catch {
      return false;
    }
  })
) {
  const tunables =
    current?.includes('glibc.malloc.mmap_threshold') === true
      ? current
      : current === undefined || current === ''
        ? TUNABLE
        : `${current}:${TUNABLE}`;
  // Experimental in Node 24, but its warning is emitted on the next tick, which never comes.
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...v8Flags, ...process.argv.slice(1)], {
    ...process.env,
    GLIBC_TUNABLES: tunables,
  });
}
