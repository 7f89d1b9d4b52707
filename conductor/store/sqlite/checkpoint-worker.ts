// Worker thread that checkpoints the WAL into the database file on its own
// connection. A checkpoint fsyncs the WAL and the database; run by the writer's
// connection (SQLite's auto-checkpoint) it stalled the event loop for 5-80 ms
// every few hundred commits (5000 creates: p99 4-6 ms, 35-52 commits over 5 ms;
// with this worker: p99 0.5-1.2 ms, 9-17 over 5 ms, on a loaded 2-core VM). A
// PASSIVE checkpoint never waits for or blocks the writer.
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const { path, intervalMs } = workerData as { path: string; intervalMs: number };
const report = (err: unknown) => parentPort?.postMessage({ error: (err as Error).message });

let db: DatabaseSync | undefined;
let timer: NodeJS.Timeout | undefined;
try {
  db = new DatabaseSync(path);
  db.exec('PRAGMA busy_timeout = 1000');
  db.exec('PRAGMA synchronous = NORMAL');
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  timer = setInterval(() => {
    try {
      checkpoint.get();
    } catch (err) {
      report(err);
    }
  }, intervalMs);
} catch (err) {
  report(err); // the store still works: SQLite's own auto-checkpoint takes over
}

parentPort?.on('message', (msg) => {
  if (msg !== 'stop') return;
  clearInterval(timer);
  db?.close();
  parentPort?.close();
});
