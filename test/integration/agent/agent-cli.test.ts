// strato-agent as an operator starts it: bad configuration and missing
// certificates end the process at once with a non-zero exit and a clear line.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strato-agent-cli-'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function runAgent(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'agent/main.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, out };
}

test('an unknown flag exits 2 naming the problem and printing usage', { timeout: 30_000 }, async () => {
  const { code, out } = await runAgent(['--conductor', 'c:1', '--tls-dir', dir, '--frobnicate']);
  assert.equal(code, 2);
  assert.match(out, /invalid configuration/);
  assert.match(out, /frobnicate/);
  assert.match(out, /usage: strato-agent/);
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
