// Worker thread that checkpoints the WAL into the database file on its own
// connection, on request (see checkpointer.ts for when it is used). A checkpoint
// fsyncs the WAL and the database; run by the writer's connection (SQLite's
// auto-checkpoint) it stalled the event loop for 5-80 ms every few hundred commits
// (5000 creates: p99 4-6 ms, 35-52 commits over 5 ms; with this worker: p99
// 0.5-1.2 ms, 9-17 over 5 ms, on a loaded 2-core VM). A PASSIVE checkpoint never
// waits for or blocks the writer.
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const { path } = workerData as { path: string };
const port = parentPort;
if (port === null) throw new Error('checkpoint-worker.ts must run as a worker thread');

let db: DatabaseSync | undefined;
let checkpoint: ReturnType<DatabaseSync['prepare']> | undefined;
try {
  db = new DatabaseSync(path);
  db.exec('PRAGMA busy_timeout = 1000');
  db.exec('PRAGMA synchronous = NORMAL');
  checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
} catch (err) {
  // No listener is left on the port, so the thread ends once this is delivered;
  // the checkpointer then checkpoints on the main thread.
  port.postMessage({ type: 'init-error', error: (err as Error).message });
}

if (checkpoint !== undefined) {
  const run = checkpoint;
  port.on('message', (msg: 'checkpoint' | 'stop') => {
    if (msg === 'stop') {
      db?.close();
      port.close();
      return;
    }
    try {
      const row = run.get() as { busy: number };
      port.postMessage({ type: 'done', busy: row.busy !== 0 });
    } catch (err) {
      port.postMessage({ type: 'done', error: (err as Error).message });
    }
  });
}
