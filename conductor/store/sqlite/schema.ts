// Opening the SQLite file: pragmas and schema. The database holds the current
// values (kv) and the change history that watches replay (changes), so a process
// that restarts can resume a watch from any revision it saw before.
import { DatabaseSync } from 'node:sqlite';
import { failedPrecondition, unavailable } from '../../../common/errors.ts';

export type Synchronous = 'FULL' | 'NORMAL';

const SCHEMA_VERSION = 1;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta (name, value) VALUES ('revision', 0), ('compact_revision', 0);
CREATE TABLE IF NOT EXISTS kv (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  create_rev INTEGER NOT NULL,
  mod_rev    INTEGER NOT NULL,
  version    INTEGER NOT NULL
) WITHOUT ROWID;
-- id orders changes exactly as they were made (AUTOINCREMENT: never reused, even
-- after compaction removes the newest rows), so it is the watch cursor.
CREATE TABLE IF NOT EXISTS changes (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  rev          INTEGER NOT NULL,
  ts           INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('put', 'delete')),
  key          TEXT NOT NULL,
  value        TEXT,
  create_rev   INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  prev_value   TEXT,
  prev_mod_rev INTEGER
);
CREATE INDEX IF NOT EXISTS changes_rev ON changes (rev);
`;

export interface OpenOptions {
  synchronous: Synchronous;
  busyTimeoutMs: number;
  walAutocheckpointPages: number;
}

/**
 * Durability. WAL makes a commit one append to the -wal file.
 * - synchronous=NORMAL (default): the append reaches the kernel before COMMIT
 *   returns, so a killed or crashed process loses nothing (tested with kill -9 in
 *   test/conformance/store/sqlite-backend.test.ts). A power loss or kernel crash can
 *   lose the commits since the last checkpoint - at most about one checkpoint interval
 *   (see checkpointer.ts) - but never corrupts the file. The cloud survives that:
 *   agents report what really exists and reconcile.
 * - synchronous=FULL adds an fsync per commit, like etcd, *on the main thread*
 *   (node:sqlite is synchronous). Measured on these VMs: ~0.5 ms per write on an idle
 *   disk, 6-15 ms while other work used the disk - the event loop frozen for each, and
 *   under 100 writes/s. Too costly for the conductor's latency targets as a
 *   default; an operator who wants power-loss durability per commit can choose it.
 */
export function openDatabase(path: string, options: OpenOptions): DatabaseSync {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
  } catch (err) {
    throw unavailable('STORE_OPEN_FAILED', `cannot open store ${path}: ${(err as Error).message}`, {
      details: { path },
      cause: err,
    });
  }
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs)}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    db.exec(`PRAGMA wal_autocheckpoint = ${Math.trunc(options.walAutocheckpointPages)}`);
    db.exec('BEGIN IMMEDIATE');
    const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
    if (row.user_version > SCHEMA_VERSION) {
      throw failedPrecondition(
        'STORE_SCHEMA_TOO_NEW',
        `store schema version ${row.user_version} is newer than this conductor (${SCHEMA_VERSION}); upgrade the conductor`,
        { details: { path, version: String(row.user_version) } },
      );
    }
    db.exec(DDL);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
