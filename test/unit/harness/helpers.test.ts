// The shared test helpers of test/harness/ that many tests lean on: a wait that
// fails with what it waited for, console lines read from a mark, the liveness of a
// process (a zombie is gone), a command's exit code, scratch directories and the
// INVALID_ARGUMENT field of an error.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { invalidArgument, isStratoError } from '../../../common/errors.ts';
import { consoleLength, waitForLine } from '../../harness/console-log.ts';
import { invalidField, isCode, rejection } from '../../harness/errors.ts';
import { runExit } from '../../harness/exec.ts';
import { processAlive } from '../../harness/processes.ts';
import { scratchDir } from '../../harness/scratch-dir.ts';
import { waitFor } from '../../harness/wait.ts';

describe('waitFor', () => {
  it('resolves with the first value that is done, narrowed by a type guard', async () => {
    let n = 0;
    const v: number = await waitFor(
      () => (++n >= 3 ? n : undefined),
      (x) => x !== undefined,
      { what: 'three polls', intervalMs: 1 },
    );
    assert.equal(v, 3);
  });

  it('times out with DEADLINE_EXCEEDED naming what it waited for and the last value', async () => {
    const err = await rejection(
      waitFor(
        async () => ({ state: 'BUILD' }),
        (s) => s.state === 'ACTIVE',
        {
          what: 'the server to be ACTIVE',
          timeoutMs: 50,
          intervalMs: 10,
        },
      ),
    );
    assert.equal(`${err.code}/${err.reason}`, 'DEADLINE_EXCEEDED/WAIT_TIMEOUT');
    assert.match(err.message, /waiting for the server to be ACTIVE; last: \{"state":"BUILD"\}/);
  });

  it('ends at the first probe error unless told to retry, then quotes the last error', async () => {
    const failing = () => Promise.reject(new Error('connection refused'));
    await assert.rejects(
      waitFor(failing, () => true, { what: 'x', timeoutMs: 1000 }),
      /connection refused/,
    );
    const started = Date.now();
    await assert.rejects(
      waitFor(failing, () => true, { what: 'the daemon', timeoutMs: 60, intervalMs: 10, retryErrors: true }),
      (e) => isCode('DEADLINE_EXCEEDED', 'WAIT_TIMEOUT')(e) && /last: error: connection refused/.test(String(e)),
    );
    assert.ok(Date.now() - started >= 60, 'it kept trying until the deadline');
  });
});

describe('console log', () => {
  it('waits for a whole line, from a byte mark taken before the action', async (t) => {
    const dir = await scratchDir('strato-harness-', { t });
    const log = join(dir, 'console.log');
    assert.equal(await consoleLength(log), 0, 'a log not written yet is empty');
    await writeFile(log, 'STRATO-BOOT-OK\r\nold line\n');
    const mark = await consoleLength(log);
    assert.equal(mark, Buffer.byteLength('STRATO-BOOT-OK\r\nold line\n'));
    const next = waitForLine(log, /^STRATO-BOOT-OK$/, 2000, mark);
    await appendFile(log, 'STRATO-BOOT');
    await sleep(150); // a half-written marker does not count
    await appendFile(log, '-OK\r\n');
    assert.equal(await next, 'STRATO-BOOT-OK');
    await assert.rejects(waitForLine(log, 'never', 50, mark), (e) =>
      isCode('DEADLINE_EXCEEDED', 'CONSOLE_LINE_TIMEOUT')(e),
    );
  });
});

describe('processAlive', () => {
  it('is true for a running process, false for another command line and for a zombie', async (t) => {
    assert.equal(await processAlive(process.pid), true);
    assert.equal(await processAlive(process.pid, { cmdlineIncludes: 'no-such-command-line-' }), false);
    // perl forks a child that exits at once and reaps it only once its stdin ends: a zombie meanwhile.
    const script = '$|=1; my $p = fork; exit 0 unless $p; print "$p\\n"; <STDIN>; waitpid($p, 0);';
    const parent = spawn('perl', ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    t.after(() => parent.stdin!.end());
    const [line] = (await once(parent.stdout!, 'data')) as [Buffer];
    const zombie = Number(line.toString().trim());
    await waitFor(
      () => readFile(`/proc/${zombie}/stat`, 'utf8'),
      (st) => / Z /.test(st),
      { what: 'the zombie' },
    );
    assert.doesNotThrow(() => process.kill(zombie, 0), 'kill(pid, 0) still finds a zombie');
    assert.equal(await processAlive(zombie), false);
    assert.equal(await processAlive(parent.pid!, { cmdlineIncludes: 'perl' }), true);
    parent.stdin!.end();
    await once(parent, 'exit');
    assert.equal(await processAlive(parent.pid!), false);
  });
});

describe('runExit and scratchDir', () => {
  it('resolves with a failing exit code and output; rejects when the command cannot start', async () => {
    assert.deepEqual(await runExit('sh', ['-c', 'echo out; echo err >&2; exit 3']), {
      code: 3,
      stdout: 'out\n',
      stderr: 'err\n',
    });
    await assert.rejects(runExit('/nonexistent/strato-tool', []), /ENOENT/);
  });

  it('removes the directory when the test ends', async (t) => {
    let dir = '';
    await t.test('inner', async (inner) => {
      dir = await scratchDir('strato-harness-', { t: inner, traversable: true });
      assert.ok(existsSync(dir));
    });
    assert.equal(existsSync(dir), false);
  });
});

describe('invalidField', () => {
  it('names the field of an INVALID_ARGUMENT error, and fails on any other error', () => {
    const field = invalidField(() => {
      throw invalidArgument('SIZE_INVALID', 'bad size', { details: { field: 'size_bytes' } });
    });
    assert.equal(field, 'size_bytes');
    assert.equal(
      invalidField(() => 1),
      undefined,
    );
    assert.throws(() =>
      invalidField(() => {
        throw new Error('boom');
      }),
    );
    assert.ok(isStratoError(invalidArgument('X', 'y')));
  });
});
