// What a call changed in a conductor's store, read from its SQLite file (read-only,
// WAL: never in the conductor's way). Tests that assert "a refused call changes
// nothing" compare the keys written, not the global revision: the hosts' heartbeats
// rewrite each host's record all the time, and a workflow's last commit may land just
// after the state a test waited for.
import type { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';

/** What heartbeats write (each host's record), whatever the API is asked. */
const HEARTBEAT_WRITE = /^put \/hosts\/[^/]+$/;

export function storeRevision(db: DatabaseSync): number {
  return Number((db.prepare("SELECT value FROM meta WHERE name = 'revision'").get() as { value: number }).value);
}

/** The keys written or deleted after `revision` ('put KEY' / 'delete KEY'), oldest first, heartbeats left out. */
export function changesSince(db: DatabaseSync, revision: number): string[] {
  return (
    db.prepare('SELECT kind, key FROM changes WHERE rev > ? ORDER BY id').all(revision) as {
      kind: string;
      key: string;
    }[]
  )
    .map((r) => `${r.kind} ${r.key}`)
    .filter((c) => !HEARTBEAT_WRITE.test(c));
}

/** The revision once nothing but heartbeats has written for `quietMs` (earlier work has landed). */
export async function quietRevision(db: DatabaseSync, quietMs = 1000, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let rev = storeRevision(db);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`the store kept changing: ${changesSince(db, rev).join(', ')}`);
    await sleep(100);
    if (changesSince(db, rev).length > 0) since = Date.now();
    rev = storeRevision(db);
  }
  return rev;
}
