// strato-agent and strato-conductor as an operator starts them: --help and
// --version print to stdout and succeed (no log line, nothing started); bad
// configuration and missing certificates end the process at once with a
// non-zero exit and a clear line; the conductor's old duration flags still
// work and are logged as deprecated.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../../../common/version.ts';
import { makeTestPki } from '../../harness/certs.ts';
import { startChildConductor } from '../conductor/child-conductor.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strato-agent-cli-'));
});
after(() => rm(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout then stderr. */
  out: string;
}

async function runDaemon(main: 'agent' | 'conductor', args: string[]): Promise<Run> {
  const child = spawn(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, main, 'main.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr, out: stdout + stderr };
}

const runAgent = (args: string[]) => runDaemon('agent', args);

for (const daemon of ['agent', 'conductor'] as const) {
  describe(`strato-${daemon} --help and --version`, () => {
    test('--help (or -h) prints the usage and every flag on stdout and exits 0', { timeout: 30_000 }, async () => {
      // No --conductor, no certificates: help needs none of it.
      for (const flag of ['--help', '-h']) {
        const r = await runDaemon(daemon, [flag]);
        assert.equal(r.code, 0, r.out);
        assert.equal(r.stderr, '');
        assert.match(r.stdout, new RegExp(`^usage: strato-${daemon} `));
        assert.match(r.stdout, /--acpi-timeout-s S +/);
        assert.match(r.stdout, /-V, --version/);
        assert.doesNotMatch(r.stdout, /"level"/, 'no JSON log line');
      }
    });

    test('--version (or -V) prints the package version and exits 0', { timeout: 30_000 }, async () => {
      for (const flag of ['--version', '-V']) {
        const r = await runDaemon(daemon, [flag]);
        assert.equal(r.code, 0, r.out);
        assert.equal(r.stdout, `strato-${daemon} ${packageVersion()}\n`);
        assert.equal(r.stderr, '');
      }
    });
  });
}

test('an unknown flag exits 2 naming the problem and printing usage', { timeout: 30_000 }, async () => {
  const { code, out } = await runAgent(['--conductor', 'c:1', '--tls-dir', dir, '--frobnicate']);
  assert.equal(code, 2);
  assert.match(out, /invalid configuration/);
  assert.match(out, /frobnicate/);
  assert.match(out, /usage: strato-agent/);
  assert.match(out, /strato-agent --help lists every option/);
});

test('a missing conductor endpoint exits 2', { timeout: 30_000 }, async () => {
  const { code, out } = await runAgent(['--tls-dir', dir]);
  assert.equal(code, 2);
  assert.match(out, /--conductor: at least one conductor endpoint is required/);
});

test('missing certificates exit 1 with a clear line', { timeout: 30_000 }, async () => {
  const { code, out } = await runAgent(['--conductor', '127.0.0.1:1', '--tls-dir', dir, '--state-dir', join(dir, 's')]);
  assert.equal(code, 1);
  assert.match(out, /agent failed to start/);
  assert.match(out, /ENOENT/);
});

test('the conductor takes its old duration flags, logs each as deprecated, and runs', {
  timeout: 60_000,
}, async (t) => {
  const tls = join(dir, 'tls');
  await makeTestPki(tls);
  const conductor = await startChildConductor([
    ...['--data-dir', join(dir, 'conductor'), '--tls-dir', tls],
    ...['--listen', '127.0.0.1:0', '--registry-listen', '127.0.0.1:0'],
    ...['--heartbeat-interval', '2', '--down-time', '9', '--acpi-timeout', '5', '--network-resync-s', '7'],
  ]);
  t.after(() => conductor.kill9());
  const warnings = conductor
    .output()
    .split('\n')
    .filter((l) => l.includes('"deprecated setting"'))
    .map((l) => JSON.parse(l) as { given: string; use: string; level: number });
  assert.deepEqual(
    warnings.map((w) => [w.given, w.use, w.level]),
    [
      ['--heartbeat-interval', '--heartbeat-interval-s', 40],
      ['--down-time', '--down-time-s', 40],
      ['--acpi-timeout', '--acpi-timeout-s', 40],
    ],
  );
  assert.equal(await conductor.stop(), 0);
});
