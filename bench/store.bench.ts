// Store benchmark: what the SQLite Store costs per operation over the same
// statements run directly on node:sqlite (the baseline), and how long one call
// holds the event loop - the figure that justifies running node:sqlite on the main
// thread (a worker round trip alone costs tens of microseconds).
//   node bench/store.bench.ts [--smoke]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Comparison, report, sample, smoke } from './lib/measure.ts';

// Imported late so that the log level below applies to the store's logger.
process.env.STRATO_LOG_LEVEL ??= 'warn';
const { SqliteStore } = await import('../conductor/store/sqlite/sqlite-store.ts');
type SqliteStore = InstanceType<typeof SqliteStore>;
const dir = mkdtempSync(join(tmpdir(), 'strato-store-bench-'));
const OPS = smoke ? 20 : 200; // operations per sample
const RUNS = smoke ? 3 : 15;
const value = {
  id: 'b2c1a3d4-0000-4000-8000-000000000000',
  state: 'ACTIVE',
  host: 'host-7',
  flavor: { vcpus: 2, ram: 2048 },
};
const json = JSON.stringify(value);

function rawDb(path: string, synchronous: string): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous};`);
  db.exec('CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, mod_rev INTEGER NOT NULL) WITHOUT ROWID');
  return db;
}

async function run(): Promise<Comparison[]> {
  const rows: Comparison[] = [];
  for (const synchronous of ['NORMAL', 'FULL'] as const) {
    const ops = synchronous === 'FULL' ? Math.max(5, OPS / 20) : OPS;
    const store = new SqliteStore({ path: join(dir, `store-${synchronous}.db`), synchronous });
    const raw = rawDb(join(dir, `raw-${synchronous}.db`), synchronous);
    const insert = raw.prepare('INSERT INTO kv (key, value, mod_rev) VALUES (?, ?, ?)');
    let n = 0;
    let m = 0;
    rows.push({
      figure: `create x${ops} (${synchronous})`,
      strato: await sample(RUNS, async () => {
        for (let i = 0; i < ops; i++) await store.create(`/instances/${n++}`, value);
      }),
      baseline: await sample(RUNS, async () => {
        for (let i = 0; i < ops; i++) {
          raw.exec('BEGIN IMMEDIATE');
          insert.run(`/instances/${m}`, json, m++);
          raw.exec('COMMIT');
        }
      }),
      baselineName: 'raw INSERT',
    });
    if (synchronous === 'NORMAL') {
      const select = raw.prepare('SELECT value, mod_rev FROM kv WHERE key = ?');
      const cas = raw.prepare('UPDATE kv SET value = ?, mod_rev = mod_rev + 1 WHERE key = ? AND mod_rev = ?');
      const page = raw.prepare('SELECT key, value, mod_rev FROM kv WHERE key >= ? AND key < ? ORDER BY key LIMIT 101');
      rows.push({
        figure: `get x${ops}`,
        strato: await sample(RUNS, async () => {
          for (let i = 0; i < ops; i++) await store.get(`/instances/${i}`);
        }),
        baseline: await sample(RUNS, async () => {
          for (let i = 0; i < ops; i++) JSON.parse((select.get(`/instances/${i}`) as { value: string }).value);
        }),
        baselineName: 'raw SELECT',
      });
      rows.push({
        figure: `CAS read-modify-write x${ops}`,
        strato: await sample(RUNS, async () => {
          for (let i = 0; i < ops; i++) {
            const e = await store.get('/instances/0');
            await store.update('/instances/0', value, { expectedModRevision: e.modRevision });
          }
        }),
        baseline: await sample(RUNS, async () => {
          for (let i = 0; i < ops; i++) {
            const r = select.get('/instances/0') as { mod_rev: number };
            raw.exec('BEGIN IMMEDIATE');
            cas.run(json, '/instances/0', r.mod_rev);
            raw.exec('COMMIT');
          }
        }),
        baselineName: 'raw UPDATE',
      });
      rows.push({
        figure: 'list page of 100',
        strato: await sample(RUNS, async () => {
          await store.list('/instances/', { limit: 100 });
        }),
        baseline: await sample(RUNS, async () => {
          for (const r of page.all('/instances/', '/instances0') as { value: string }[]) JSON.parse(r.value);
        }),
        baselineName: 'raw SELECT',
      });
      rows.push(await watchLatency(store));
    }
    await store.close();
    raw.close();
  }
  return rows;
}

/** Commit -> event delivered to a watcher, against a bare setImmediate hop. */
async function watchLatency(store: SqliteStore): Promise<Comparison> {
  const ac = new AbortController();
  const it = store.watch('/lat/', { signal: ac.signal })[Symbol.asyncIterator]();
  let k = 0;
  const strato = await sample(RUNS * 10, async () => {
    const next = it.next();
    await store.create(`/lat/${k++}`, value);
    await next;
  });
  ac.abort();
  const baseline = await sample(RUNS * 10, () => new Promise((r) => setImmediate(r)));
  return { figure: 'watch: commit -> event', strato, baseline, baselineName: 'setImmediate' };
}

try {
  report('store', await run());
} finally {
  rmSync(dir, { recursive: true, force: true });
}
