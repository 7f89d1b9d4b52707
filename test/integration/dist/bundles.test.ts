// What ships (dist/*.mjs, scripts/build-dist) builds and runs as plain JavaScript.
// Each bundle runs under --no-experimental-strip-types: a process that cannot load
// TypeScript at all, so any .ts the bundle still reached for (a worker's source, a
// dynamic import) fails it, and passing means no TypeScript stripping was paid for.
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ADDON_PATH } from '../../../agent/network/netlink/native-addon.ts';
import { DIST_ENTRIES, type DistEntry } from '../../../common/dist-entries.ts';
import { packageVersion } from '../../../common/version.ts';
import { buildDist } from '../../../scripts/lib/build-dist.ts';
import { distDir, distEntry } from '../../harness/dist.ts';
import { runExit } from '../../harness/exec.ts';
import { scratchDir } from '../../harness/scratch-dir.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const NO_TS = '--no-experimental-strip-types';

// Runs inside a worker bundle's parent (a JS-only process): starts the worker, then
// prints what it answered.
const NETLINK_PROBE = `
import { Worker } from 'node:worker_threads';
const [file, addonPath] = process.argv.slice(1);
const w = new Worker(file, { workerData: { namespace: undefined, addonPath } });
w.on('error', (e) => { console.log(JSON.stringify({ error: String(e) })); process.exit(1); });
w.on('message', (m) => {
  if (m.type === 'ready') return w.postMessage({ id: 1, op: 'listLinks', args: [] });
  console.log(JSON.stringify(m));
  w.postMessage({ type: 'close' });
});`;
const CHECKPOINT_PROBE = `
import { Worker } from 'node:worker_threads';
const [file, path] = process.argv.slice(1);
const w = new Worker(file, { workerData: { path, intervalMs: 20 } });
w.on('error', (e) => { console.log(JSON.stringify({ error: String(e) })); process.exit(1); });
w.on('message', (m) => { console.log(JSON.stringify(m)); process.exit(1); });
setTimeout(() => w.postMessage('stop'), 200);
w.on('exit', () => console.log('stopped'));`;

describe('dist bundles', () => {
  it('builds one bundle per entry, then finds them up to date', async () => {
    const dir = await distDir();
    for (const name of Object.keys(DIST_ENTRIES) as DistEntry[]) {
      const text = await readFile(join(dir, `${name}.mjs`), 'utf8');
      assert.ok(text.length > 0, `${name}.mjs is empty`);
      // A daemon's main runs when `import.meta.main`: a bundle holding two mains would run both.
      assert.ok((text.match(/import\.meta\.main/g) ?? []).length <= 1, `${name}.mjs holds more than one main`);
    }
    assert.equal((await buildDist()).built, false, 'nothing changed: no rebuild');
  });

  it('the CLI bundle prints the version, without TypeScript', async () => {
    const r = await runExit(NODE, [NO_TS, await distEntry('strato'), '--version']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), `strato ${packageVersion()}`);
  });

  for (const [name, usage] of [
    ['strato-conductor', 'usage: strato-conductor'],
    ['strato-agent', 'usage: strato-agent'],
  ] as const) {
    it(`${name} answers --help, without TypeScript`, async () => {
      const r = await runExit(NODE, [NO_TS, await distEntry(name), '--help']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.startsWith(usage), r.stdout);
    });
  }

  it('the netlink worker bundle serves requests, without TypeScript', async (t) => {
    await stat(DEFAULT_ADDON_PATH).catch(() => t.skip('build/native missing: scripts/build-native'));
    const r = await runExit(NODE, [NO_TS, '-e', NETLINK_PROBE, await distEntry('netlink-worker'), DEFAULT_ADDON_PATH]);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const res = JSON.parse(r.stdout) as { ok: boolean; value?: { name: string }[] };
    assert.ok(res.ok, r.stdout);
    assert.ok(
      res.value?.some((l) => l.name === 'lo'),
      'the root namespace has lo',
    );
  });

  it('the checkpoint worker bundle checkpoints and stops, without TypeScript', async (t) => {
    const dir = await scratchDir(`strato-dist-${process.pid}-`, { t });
    const r = await runExit(NODE, [
      NO_TS,
      '-e',
      CHECKPOINT_PROBE,
      await distEntry('checkpoint-worker'),
      join(dir, 'store.db'),
    ]);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.equal(r.stdout.trim(), 'stopped');
  });

  it('bin/strato without its bundle names the command that builds it', async (t) => {
    const root = await scratchDir(`strato-dist-${process.pid}-`, { t });
    await mkdir(join(root, 'bin'));
    await copyFile(join(ROOT, 'bin/strato'), join(root, 'bin/strato'));
    const r = await runExit('bash', [join(root, 'bin/strato'), '--version']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /dist\/strato\.mjs is missing: build it with .*scripts\/build-dist/);
  });
});
