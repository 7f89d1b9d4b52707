// Watch = replay history from the changes table, then wait for the next commit and
// read again. Live delivery uses the same query as replay, so there is no hand-over
// between the two where an event could be lost or repeated, and a watcher holds no
// buffered events: a slow consumer costs nothing until it reads again.
import type { DatabaseSync } from 'node:sqlite';
import { revisionCompacted } from '../errors.ts';
import { prefixEnd } from '../keys.ts';
import type { WatchEvent } from '../store.ts';
import { decodeValue } from '../values.ts';
import { type CommitSignal, waitOrAbort } from './commit-signal.ts';
import type { ChangeRow, Statements } from './statements.ts';
import { readMeta } from './writer.ts';

/** Events read per query; bounds the time one read holds the event loop. */
const BATCH = 256;

export interface WatchContext {
  db: DatabaseSync;
  st: Statements;
  commits: CommitSignal;
  /** Throws UNAVAILABLE/STORE_CLOSED once the store is closed. */
  assertOpen(): void;
}

interface Cursor {
  /** No change before this revision is still to be delivered. */
  nextRev: number;
  /** Last changes.id examined; undefined until positioned. */
  afterId: number | undefined;
}

function toEvent<T>(row: ChangeRow): WatchEvent<T> {
  const ev: WatchEvent<T> = {
    type: row.kind,
    key: row.key,
    modRevision: row.rev,
    createRevision: row.create_rev,
    version: row.version,
  };
  if (row.value !== null) ev.value = decodeValue<T>(row.value);
  if (row.prev_value !== null) ev.prevValue = decodeValue<T>(row.prev_value);
  if (row.prev_mod_rev !== null) ev.prevModRevision = row.prev_mod_rev;
  return ev;
}

/** Reads the next batch at or after the cursor and advances it. */
function readBatch(ctx: WatchContext, prefix: string, end: string | undefined, cur: Cursor) {
  const { db, st } = ctx;
  db.exec('BEGIN');
  try {
    const compactRevision = readMeta(st, 'compact_revision');
    if (cur.nextRev < compactRevision) throw revisionCompacted(cur.nextRev, compactRevision);
    const revision = readMeta(st, 'revision');
    const maxId = (st.maxChangeId.get() as { id: number }).id;
    if (cur.afterId === undefined) {
      const first = st.firstChangeIdAt.get(cur.nextRev) as { id: number } | undefined;
      cur.afterId = first === undefined ? maxId : first.id - 1;
    }
    const rows = (end === undefined
      ? st.changesOpen.all(cur.afterId, maxId, cur.nextRev, BATCH)
      : st.changesBounded.all(cur.afterId, maxId, cur.nextRev, prefix, end, BATCH)) as unknown as ChangeRow[];
    const last = rows.at(-1);
    if (rows.length < BATCH || last === undefined) {
      cur.afterId = maxId;
      cur.nextRev = Math.max(cur.nextRev, revision + 1);
      return { rows, caughtUp: true };
    }
    cur.afterId = last.id;
    cur.nextRev = last.rev;
    return { rows, caughtUp: false };
  } finally {
    db.exec('COMMIT');
  }
}

export async function* watchChanges<T>(
  ctx: WatchContext,
  prefix: string,
  fromRevision: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<WatchEvent<T>> {
  const end = prefixEnd(prefix);
  const cur: Cursor = { nextRev: fromRevision, afterId: undefined };
  for (;;) {
    if (signal?.aborted) return;
    ctx.assertOpen();
    const wake = ctx.commits.next();
    const { rows, caughtUp } = readBatch(ctx, prefix, end, cur);
    for (const row of rows) {
      yield toEvent<T>(row);
      if (signal?.aborted) return;
    }
    if (caughtUp) await waitOrAbort(wake, signal);
  }
}
