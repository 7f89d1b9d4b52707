// In-process CLI runs for unit tests: captured stdout/stderr and a fake
// session whose API objects are plain functions.
import assert from 'node:assert/strict';
import type { Io, SessionFactory } from '../../../cli/context.ts';
import { EXIT } from '../../../cli/errors.ts';
import { run } from '../../../cli/run.ts';
import type { Session } from '../../../cli/session.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  tty?: boolean;
  /** What standard input holds. */
  stdin?: string;
  /** Answers to the terminal's secret prompts, in order (a terminal is there only with this). */
  prompts?: string[];
}

async function* stdinOf(text: string): AsyncIterable<Buffer> {
  yield Buffer.from(text);
}

export async function cli(argv: string[], factory: SessionFactory, opts: CliOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const answers = [...(opts.prompts ?? [])];
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false, columns: 80 },
    env: {},
    ...(opts.stdin === undefined ? {} : { stdin: stdinOf(opts.stdin) }),
    ...(opts.prompts ? { promptSecret: async () => answers.shift() ?? '' } : {}),
  };
  const code = await run(argv, io, factory);
  return { code, stdout, stderr };
}

/** A factory that fails the test if any command opens a session (i.e. would call the API). */
export function noSession(): SessionFactory & { opened: number } {
  const f = (async () => {
    f.opened++;
    throw new Error('a session was opened');
  }) as unknown as SessionFactory & { opened: number };
  f.opened = 0;
  return f;
}

/** A factory handing out a fake session built from per-service API objects. */
export function fakeSession(apis: Record<string, Record<string, unknown>>): SessionFactory & { requestIds: string[] } {
  const requestIds: string[] = [];
  const f = (async (_cloud: string | undefined, requestId: string) => {
    requestIds.push(requestId);
    const s: Record<string, unknown> = { close() {}, cloud: { endpoint: 'fake:1' } };
    for (const [name, api] of Object.entries(apis)) s[name] = async () => api;
    return s as unknown as Session;
  }) as SessionFactory & { requestIds: string[] };
  f.requestIds = requestIds;
  return f;
}

/**
 * Asserts `argv` is a usage error: exit 2 without opening a session, nothing on stdout,
 * and `pattern` in one `strato: error:` line on stderr. With `usageAllowed`, a command
 * group given no command may print its usage instead of that line.
 */
export async function assertUsageError(argv: string[], pattern: RegExp, o: { usageAllowed?: boolean } = {}) {
  const f = noSession();
  const r = await cli(argv, f);
  assert.equal(r.code, EXIT.USAGE, r.stderr);
  assert.equal(f.opened, 0);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, pattern);
  if (o.usageAllowed && /Usage/.test(r.stderr)) return;
  assert.match(r.stderr, /^strato: error: /);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, 'one line');
}
