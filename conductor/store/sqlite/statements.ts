// Every statement the store runs, prepared once. Each touches a handful of rows
// through a primary key or index, so it takes microseconds.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

export interface KvRow {
  key: string;
  value: string;
  create_rev: number;
  mod_rev: number;
  version: number;
}

export interface ChangeRow {
  id: number;
  rev: number;
  kind: 'put' | 'delete';
  key: string;
  value: string | null;
  create_rev: number;
  version: number;
  prev_value: string | null;
  prev_mod_rev: number | null;
}

const KV_COLS = 'key, value, create_rev, mod_rev, version';
const CHANGE_COLS = 'id, rev, kind, key, value, create_rev, version, prev_value, prev_mod_rev';

export function prepareStatements(db: DatabaseSync) {
  const p = (sql: string): StatementSync => db.prepare(sql);
  return {
    getMeta: p('SELECT value FROM meta WHERE name = ?'),
    setMeta: p('UPDATE meta SET value = ? WHERE name = ?'),
    getKv: p(`SELECT ${KV_COLS} FROM kv WHERE key = ?`),
    listBounded: p(`SELECT ${KV_COLS} FROM kv WHERE key >= ? AND key < ? ORDER BY key LIMIT ?`),
    listOpen: p(`SELECT ${KV_COLS} FROM kv WHERE key >= ? ORDER BY key LIMIT ?`),
    insertKv: p('INSERT INTO kv (key, value, create_rev, mod_rev, version) VALUES (?, ?, ?, ?, ?)'),
    updateKv: p('UPDATE kv SET value = ?, mod_rev = ?, version = ? WHERE key = ?'),
    deleteKv: p('DELETE FROM kv WHERE key = ?'),
    insertChange: p(
      'INSERT INTO changes (rev, ts, kind, key, value, create_rev, version, prev_value, prev_mod_rev) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    maxChangeId: p('SELECT coalesce(max(id), 0) AS id FROM changes'),
    firstChangeIdAt: p('SELECT id FROM changes WHERE rev >= ? ORDER BY rev, id LIMIT 1'),
    changesBounded: p(
      `SELECT ${CHANGE_COLS} FROM changes WHERE id > ? AND id <= ? AND rev >= ? AND key >= ? AND key < ? ORDER BY id LIMIT ?`,
    ),
    changesOpen: p(`SELECT ${CHANGE_COLS} FROM changes WHERE id > ? AND id <= ? AND rev >= ? ORDER BY id LIMIT ?`),
    firstRevSince: p('SELECT rev FROM changes WHERE ts >= ? ORDER BY id LIMIT 1'),
    purgeChanges: p('DELETE FROM changes WHERE id IN (SELECT id FROM changes WHERE rev < ? ORDER BY rev LIMIT ?)'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
