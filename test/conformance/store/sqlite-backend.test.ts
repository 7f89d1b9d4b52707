// SQLite-specific behaviour the backend-agnostic suite cannot see: crash safety,
// the retention policy, history purging, pragmas and schema versioning.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type TestContext, test } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { SqliteStore, type SqliteStoreOptions } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { WatchReader } from './suite-helpers.ts';

// Cleanups run last-registered first, so stores close before their directory goes.
const cleanups = new WeakMap<TestContext, (() => Promise<void> | void)[]>();
function defer(t: TestContext, fn: () => Promise<void> | void): void {
  let list = cleanups.get(t);
  if (list === undefined) {
    const fresh: (() => Promise<void> | void)[] = [];
    cleanups.set(t, fresh);
    t.after(async () => {
      for (const f of fresh.reverse()) await f();
    });
    list = fresh;
  }
  list.push(fn);
}

async function tempPath(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-store-'));
  defer(t, () => rm(dir, { recursive: true, force: true }));
  return join(dir, 'store.db');
}

function openStore(t: TestContext, options: SqliteStoreOptions): SqliteStore {
  const store = new SqliteStore(options);
  defer(t, () => store.close());
  return store;
}

function changeRows(path: string): { n: number; min: number | null } {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const row = db.prepare('SELECT count(*) AS n, min(rev) AS min FROM changes').get() as {
      n: number;
      min: number | null;
    };
    return { ...row };
  } finally {
    db.close();
  }
}

const tick = () => new Promise((r) => setTimeout(r, 20));

for (const synchronous of ['NORMAL', 'FULL'] as const) {
  test(`kill -9 loses no committed write (synchronous=${synchronous})`, async (t) => {
    const path = await tempPath(t);
    const child = spawn(process.execPath, [join(import.meta.dirname, 'fixtures/crash-writer.ts'), path, synchronous], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, STRATO_LOG_LEVEL: 'silent' },
    });
    defer(t, () => {
      child.kill('SIGKILL');
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const reported: [number, string][] = [];
    let buf = '';
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error('writer exited before it was killed')));
      child.stdout.on('data', (chunk: Buffer) => {
        buf += chunk.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const l of lines) reported.push(l.split(' ') as unknown as [number, string]);
        if (reported.length >= (synchronous === 'FULL' ? 100 : 300)) resolve();
      });
    });
    child.kill('SIGKILL'); // mid-write: the writer never pauses
    assert.equal(await exited, 'SIGKILL');
    const store = openStore(t, { path });
    for (const [rev, key] of reported) assert.equal((await store.get(key)).modRevision, Number(rev), key);
    const last = Number(reported.at(-1)![0]);
    const { revision } = await store.status();
    assert.ok(revision >= last, `revision ${revision} went back behind the reported ${last}`);
    assert.equal((await store.create('/after-crash', 1)).modRevision, revision + 1);
    const db = new DatabaseSync(path);
    defer(t, () => db.close());
    assert.equal(db.prepare('PRAGMA integrity_check').get()?.integrity_check, 'ok');
  });
}

test('the file uses WAL; a newer schema or a bad path is refused precisely', async (t) => {
  const path = await tempPath(t);
  const store = openStore(t, { path });
  await store.create('/a', 1);
  const db = new DatabaseSync(path);
  defer(t, () => db.close());
  assert.equal(db.prepare('PRAGMA journal_mode').get()?.journal_mode, 'wal');
  await store.close();
  db.exec('PRAGMA user_version = 99');
  assert.throws(
    () => new SqliteStore({ path }),
    (err) => isStratoError(err, 'FAILED_PRECONDITION') && err.reason === 'STORE_SCHEMA_TOO_NEW',
  );
  assert.throws(
    () => new SqliteStore({ path: join(path, 'no-such-dir', 'x.db') }),
    (err) => isStratoError(err, 'UNAVAILABLE') && err.reason === 'STORE_OPEN_FAILED',
  );
});

test('retention keeps the last N revisions and purges older history', async (t) => {
  const path = await tempPath(t);
  const store = openStore(t, { path, synchronous: 'NORMAL', retention: { revisions: 50 }, compactEvery: 10 });
  for (let i = 0; i < 200; i++) await store.create(`/r/${i}`, i);
  const { revision, compactRevision } = await store.status();
  assert.equal(revision, 200);
  assert.equal(compactRevision, 151); // applied at revision 200: keep 151..200
  for (let i = 0; i < 50 && changeRows(path).min !== 151; i++) await tick(); // purge runs in the background
  assert.deepEqual(changeRows(path), { n: 50, min: 151 });
  const old = await new WatchReader(store, '/r/', { fromRevision: 150 }).end();
  assert.ok(isStratoError(old, 'OUT_OF_RANGE') && old.reason === 'REVISION_COMPACTED');
  const w = new WatchReader(store, '/r/', { fromRevision: 151 });
  defer(t, () => w.close());
  assert.equal((await w.take(50)).length, 50);
  assert.equal((await store.list('/r/', { limit: 1000 })).entries.length, 200);
});

test('a time window keeps young history beyond the revision count', async (t) => {
  const path = await tempPath(t);
  let now = 1_000_000;
  const store = openStore(t, {
    path,
    synchronous: 'NORMAL',
    retention: { revisions: 5, ageMs: 60_000 },
    compactEvery: 1,
    now: () => now,
  });
  for (let i = 0; i < 20; i++) await store.create(`/age/old${i}`, i); // revisions 1..20 at t0
  assert.ok((await store.status()).compactRevision <= 1, 'young changes were compacted');
  now += 61_000;
  await store.create('/age/new', 1); // revision 21: 1..20 are now old, keep the last 5
  assert.equal((await store.status()).compactRevision, 17);
});

test('a watcher that falls behind compaction fails with REVISION_COMPACTED', async (t) => {
  const path = await tempPath(t);
  const store = openStore(t, { path, synchronous: 'NORMAL', retention: { revisions: 10 }, compactEvery: 5 });
  const w = new WatchReader(store, '/slow/');
  defer(t, () => w.close());
  await store.create('/slow/0', 0);
  assert.equal((await w.next()).key, '/slow/0');
  for (let i = 1; i < 40; i++) await store.create(`/slow/${i}`, i); // the watcher does not read meanwhile
  const err = await w.end();
  assert.ok(isStratoError(err, 'OUT_OF_RANGE') && err.reason === 'REVISION_COMPACTED', String(err));
  assert.equal(err.details.requested, '2');
});

test('bad options are refused', () => {
  assert.throws(() => new SqliteStore({ path: ':memory:', retention: { revisions: 0 } }), RangeError);
});
