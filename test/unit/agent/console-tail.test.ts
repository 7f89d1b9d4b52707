import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { tailLines } from '../../../agent/compute/console-tail.ts';

let dir: string;
after(() => rm(dir, { recursive: true, force: true }));

test('tail: last lines, CR stripped, partial first line of a window dropped, missing file undefined', async () => {
  dir = await mkdtemp(join(tmpdir(), 'strato-tail-'));
  const f = join(dir, 'console.log');
  assert.equal(await tailLines(f, 5), undefined);
  await writeFile(f, 'a\r\nb\r\nc');
  assert.deepEqual(await tailLines(f, 2), ['b', 'c']);
  assert.deepEqual(await tailLines(f, 10), ['a', 'b', 'c']);
  assert.deepEqual(await tailLines(f, 0), []);
  const big = Array.from({ length: 1000 }, (_, i) => `line-${String(i).padStart(4, '0')}`).join('\n');
  await writeFile(f, `${big}\n`);
  // A 100-byte window starts mid-line: only whole lines come back.
  const got = (await tailLines(f, 50, 100))!;
  assert.ok(got.length > 0 && got.length < 10);
  assert.equal(got.at(-1), 'line-0999');
  for (const l of got) assert.match(l, /^line-\d{4}$/);
});
