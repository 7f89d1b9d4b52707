import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError, EXIT, errorLine, exitCodeOf } from '../../../cli/errors.ts';
import { progressBar, renderProgress } from '../../../cli/progress.ts';
import { StratoError } from '../../../common/errors.ts';

const MiB = 1024 * 1024;

describe('renderProgress', () => {
  it('shows fraction, sizes and rate within the width', () => {
    const line = renderProgress(12 * MiB, 24 * MiB, 2000, 80);
    assert.match(line, /^\[#+\.+\] {2}50% {2}12\.0\/24\.0 MiB {2}6\.0 MiB\/s$/);
    assert.ok(line.length <= 80, `${line.length}`);
    assert.match(renderProgress(0, 0, 0, 80), /100%/);
  });
});

describe('progressBar', () => {
  it('draws nothing unless stderr is a terminal', () => {
    let out = '';
    const bar = progressBar({ write: (s: string) => (out += s), isTTY: false }, 10);
    bar.update(5);
    bar.finish();
    assert.equal(out, '');
  });
  it('redraws at most every 100 ms and ends the line', () => {
    let out = '';
    let t = 0;
    const bar = progressBar({ write: (s: string) => (out += s), isTTY: true, columns: 80 }, 4 * MiB, () => t);
    t = 150;
    bar.update(MiB);
    t = 160;
    bar.update(2 * MiB); // too soon: not drawn
    t = 300;
    bar.update(4 * MiB);
    bar.finish();
    assert.equal(out.split('\r').length - 1, 3);
    assert.ok(out.endsWith('\n'));
    assert.match(out, /100%/);
  });
});

describe('errorLine and exit codes', () => {
  it('API errors name code, reason and request id; exit code by class', () => {
    const e = new StratoError('PERMISSION_DENIED', 'ADMIN_ONLY', 'admins only\nsecond line');
    assert.equal(
      errorLine(e, 'rid-1'),
      'strato: error: admins only; second line (code PERMISSION_DENIED, reason ADMIN_ONLY, request id rid-1)',
    );
    assert.equal(exitCodeOf(e), EXIT.AUTH);
    assert.equal(exitCodeOf(new StratoError('NOT_FOUND', 'X', 'x')), EXIT.NOT_FOUND);
    assert.equal(exitCodeOf(new StratoError('DEADLINE_EXCEEDED', 'DEADLINE_EXCEEDED', 'x')), EXIT.UNAVAILABLE);
    assert.equal(exitCodeOf(new StratoError('FAILED_PRECONDITION', 'INVALID_STATE', 'x')), EXIT.ERROR);
  });
  it('a reason equal to the code is not repeated', () => {
    assert.equal(
      errorLine(new StratoError('UNAVAILABLE', 'UNAVAILABLE', 'down')),
      'strato: error: down (code UNAVAILABLE)',
    );
  });
  it('CLI errors and anything else', () => {
    assert.equal(errorLine(new CliError('bad', EXIT.USAGE)), 'strato: error: bad');
    assert.equal(exitCodeOf(new CliError('bad', EXIT.USAGE)), EXIT.USAGE);
    assert.equal(errorLine(new Error('boom')), 'strato: error: boom');
    assert.equal(exitCodeOf('x'), EXIT.ERROR);
  });
});
