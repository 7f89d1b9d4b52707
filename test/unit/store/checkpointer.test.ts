// When and where the SQLite store checkpoints its WAL (checkpointer.ts): an idle
// store keeps no checkpoint thread (each costs a V8 heap), and every commit still
// reaches the database file itself within the bound, the most a power loss can
// take with synchronous=NORMAL. "In the database file" is checked on a copy of the
// file without its WAL, which is what a lost WAL would leave.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type TestContext, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteStore, type SqliteStoreOptions } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { threadsNamed } from '../../harness/threads.ts';

/** Threads of this process named like the checkpoint worker (Linux keeps 15 characters). */
const checkpointThreads = () => threadsNamed('store-checkpoin');

async function waitFor(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function openStore(t: TestContext, options: Omit<SqliteStoreOptions, 'path'>): { store: SqliteStore; path: string } {
  const dir = mkdtempSync(join(tmpdir(), `strato-checkpoint-${process.pid}-`));
  const path = join(dir, 'store.db');
  const store = new SqliteStore({ path, ...options });
  t.after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store, path };
}

/** Keys present in the database file alone, as if its WAL had been lost. */
function keysInFile(path: string): Set<string> {
  const copy = `${path}.copy-${process.pid}`;
  copyFileSync(path, copy);
  const db = new DatabaseSync(copy);
  try {
    // A new store's schema is in the WAL too until the first checkpoint.
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE name = 'kv'`).all();
    if (tables.length === 0) return new Set();
    return new Set((db.prepare('SELECT key FROM kv').all() as { key: string }[]).map((r) => r.key));
  } finally {
    db.close();
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
  }
}

test('an idle store keeps no checkpoint thread; a quiet commit reaches the database file within the bound', async (t) => {
  const { store, path } = openStore(t, { checkpointIntervalMs: 100 });
  assert.equal(checkpointThreads(), 0);
  await store.create('/quiet/a', { n: 1 });
  assert.equal(keysInFile(path).has('/quiet/a'), false, 'the commit is only in the WAL at first');
  await waitFor('the commit in the database file', () => keysInFile(path).has('/quiet/a'), 1000);
  assert.equal(checkpointThreads(), 0, 'a quiet store checkpoints without a thread');
  await sleep(300); // several intervals with nothing to do
  assert.equal(checkpointThreads(), 0);
});

test('a busy store checkpoints in a worker thread, which ends once the store is quiet', async (t) => {
  const { store, path } = openStore(t, { checkpointIntervalMs: 50, checkpointWorkerIdleMs: 400 });
  const keys = Array.from({ length: 200 }, (_, i) => `/busy/${i}`);
  for (const k of keys) await store.create(k, { pad: 'x'.repeat(200) });
  await waitFor('the checkpoint thread', () => checkpointThreads() === 1, 2000);
  await waitFor(
    'every commit in the database file',
    () => {
      const inFile = keysInFile(path);
      return keys.every((k) => inFile.has(k));
    },
    3000,
  );
  await waitFor('the checkpoint thread to end', () => checkpointThreads() === 0, 3000);
  // Quiet again: the next commit is checkpointed on the main thread, without a new worker.
  await store.create('/busy/after', {});
  await waitFor('the quiet commit in the database file', () => keysInFile(path).has('/busy/after'), 1000);
  assert.equal(checkpointThreads(), 0);
});

test('closing a store with its checkpoint worker running ends the thread', async (t) => {
  const { store } = openStore(t, { checkpointIntervalMs: 20, checkpointWorkerIdleMs: 60_000 });
  for (let i = 0; i < 200; i++) await store.create(`/close/${i}`, {});
  await waitFor('the checkpoint thread', () => checkpointThreads() === 1, 2000);
  await store.close();
  assert.equal(checkpointThreads(), 0);
});
