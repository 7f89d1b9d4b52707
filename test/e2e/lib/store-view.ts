// Reading the conductor's own store (its SQLite file, read-only) where a test must
// compare the hosts with what the conductor RECORDED, not with what its API shows:
// attachment records (with their CHAP secrets, which the API never shows) and the
// store's revision (a refused call must not move it). WAL mode: a reader never
// blocks the conductor's writes. Opened per call, so a restarted conductor is read
// as it is now.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AttachmentRecord } from '../../../conductor/volumes/model.ts';
import { changesSince as storeChangesSince, quietRevision as storeQuietRevision } from '../../harness/store-changes.ts';
import type { Cloud } from './cloud.ts';

const openStore = (cloud: Cloud) => new DatabaseSync(join(cloud.conductorDataDir, 'state.db'), { readOnly: true });

function withStore<T>(cloud: Cloud, fn: (db: DatabaseSync) => T): T {
  const db = openStore(cloud);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The keys a call changed after `revision`, heartbeats left out (test/harness/store-changes.ts). */
export function changesSince(cloud: Cloud, revision: number): string[] {
  return withStore(cloud, (db) => storeChangesSince(db, revision));
}

/** The revision once nothing but heartbeats has written for `quietMs` (test/harness/store-changes.ts). */
export async function quietRevision(cloud: Cloud, quietMs = 3000, timeoutMs = 30_000): Promise<number> {
  const db = openStore(cloud);
  try {
    return await storeQuietRevision(db, quietMs, timeoutMs);
  } finally {
    db.close();
  }
}

const ATTACHMENTS = '/volumes/attachments/';

/** Every attachment the conductor recorded (one per attached volume). */
export function attachmentRecords(cloud: Cloud): AttachmentRecord[] {
  return withStore(cloud, (db) =>
    (
      db
        .prepare('SELECT value FROM kv WHERE key >= ? AND key < ? ORDER BY key')
        .all(ATTACHMENTS, `${ATTACHMENTS}\uffff`) as { value: string }[]
    ).map((r) => JSON.parse(r.value) as AttachmentRecord),
  );
}
