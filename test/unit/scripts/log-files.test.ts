// The quickstart without systemd (no journald) appends each daemon's output to a file;
// scripts/lib/log-files.sh rotates it at each start once it is over 64 MiB, keeping three.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { runCommand } from '../../../agent/network/linux/run-command.ts';

const LIB = new URL('../../../scripts/lib/log-files.sh', import.meta.url).pathname;
const dir = await mkdtemp(join(tmpdir(), 'strato-logs-'));
after(() => rm(dir, { recursive: true, force: true }));

const rotate = async (file: string) => {
  const r = await runCommand(['bash', '-c', `set -eu; source ${LIB}; rotate_log "$1"`, 'rotate', file]);
  assert.equal(r.code, 0, r.stderr);
};

it('leaves a small log alone and rotates a big one, keeping three old ones', async () => {
  const log = join(dir, 'agent.log');
  await rotate(log); // absent: nothing to do
  await writeFile(log, 'small\n');
  await rotate(log);
  assert.deepEqual(await readdir(dir), ['agent.log']);
  for (const gen of ['a', 'b', 'c', 'd']) {
    await writeFile(log, `${gen}\n`);
    await truncate(log, (64 << 20) + 1);
    await rotate(log);
  }
  assert.deepEqual((await readdir(dir)).sort(), ['agent.log.1', 'agent.log.2', 'agent.log.3']);
  const first = async (f: string) => (await readFile(join(dir, f))).subarray(0, 1).toString();
  assert.deepEqual(
    [await first('agent.log.1'), await first('agent.log.2'), await first('agent.log.3')],
    ['d', 'c', 'b'],
  );
});
