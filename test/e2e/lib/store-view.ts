// Reading the conductor's own store (its SQLite file, read-only) where a test must
// compare the hosts with what the conductor RECORDED, not with what its API shows:
// attachment records (with their CHAP secrets, which the API never shows) and the
// store's revision (a refused call must not move it). WAL mode: a reader never
// blocks the conductor's writes. Opened per call, so a restarted conductor is read
// as it is now.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AttachmentRecord } from '../../../conductor/volumes/model.ts';
import type { Cloud } from './cloud.ts';

function withStore<T>(cloud: Cloud, fn: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(join(cloud.conductorDataDir, 'state.db'), { readOnly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The store's revision: every committed change moves it. */
export function storeRevision(cloud: Cloud): number {
  return withStore(cloud, (db) =>
    Number((db.prepare("SELECT value FROM meta WHERE name = 'revision'").get() as { value: number }).value),
  );
}

/**
 * What the hosts' heartbeats write (each host's record: when it was last heard from,
 * what it reports), whatever the API is asked: not a change a call made.
 */
const HEARTBEAT_WRITE = /^put \/hosts\/[^/]+$/;

/** The keys written or deleted after `revision` ('put KEY' / 'delete KEY'), oldest first, heartbeats left out. */
export function changesSince(cloud: Cloud, revision: number): string[] {
  return withStore(cloud, (db) =>
    (
      db.prepare('SELECT kind, key FROM changes WHERE rev > ? ORDER BY id').all(revision) as {
        kind: string;
        key: string;
      }[]
    )
      .map((r) => `${r.kind} ${r.key}`)
      .filter((c) => !HEARTBEAT_WRITE.test(c)),
  );
}

/**
 * The store's revision once nothing but heartbeats has written for `quietMs`: work an
 * earlier step started (a workflow's last record, an event) lands before a test
 * compares with it.
 */
export async function quietRevision(cloud: Cloud, quietMs = 3000, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let rev = storeRevision(cloud);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) {
      throw new Error(`the store kept changing for ${timeoutMs} ms: ${changesSince(cloud, rev).join(', ')}`);
    }
    await sleep(250);
    if (changesSince(cloud, rev).length > 0) [rev, since] = [storeRevision(cloud), Date.now()];
  }
  return rev;
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
