// Checkpoints the WAL into the database file. It also bounds what a power loss can
// take with synchronous=NORMAL: every checkpoint makes all commits before it
// durable, and the first commit after a checkpoint arms the next one `intervalMs`
// later, so at most the last `intervalMs` of commits are at risk (plus a worker's
// start-up, ~50-100 ms, at the start of a burst).
//
// Where the checkpoint runs is chosen by what it costs, measured on the 2-vCPU VM
// (virtio disk, shared), PASSIVE checkpoint on the main thread, ms of event loop
// blocked (5 runs each):
//   1 commit since the last checkpoint (5-7 WAL frames): 1.0-8.5 ms; 5-49 ms while
//     other processes loaded the disk
//   10 commits (60 frames): 3-6 ms; 25 (150 frames): 5.5-11 ms; 50: 8-16 ms;
//   100 (600 frames): 6-15 ms
// The two fsyncs dominate, so up to 25 commits cost about what one does. A quiet
// store (the idle conductor: one heartbeat commit per agent every 10 s) therefore
// checkpoints on the main thread; a busier one hands the checkpoint to a worker
// thread (checkpoint-worker.ts), started on demand and closed after `workerIdleMs`
// without work: a worker holds its own V8 heap (~23-33 MiB RSS), too much to keep
// for an idle conductor (bench/footprint.bench.ts --smoke, conductor RSS idle 136 ->
// 119 MiB, with 2 servers on 2 networks 136 -> 118 MiB). No commit, no timer: an
// idle store does nothing at all. Event loop delay
// (monitorEventLoopDelay, 1 ms resolution), this design vs the always-on worker:
//   1 commit every 300 ms for 9 s: p99 2.0 / 2.2 ms, max 5.4 / 5.4 ms
//   5000 creates in a burst: p99 1.5-9 / 1.6-5.3 ms, max 38-52 / 32-39 ms
// (noisy: a shared 2-vCPU machine; with the always-on worker the max is as high).
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../../../common/install-root.ts';
import type { Logger } from '../../../common/log.ts';

export interface CheckpointerOptions {
  path: string;
  /** The durability bound (see above). */
  intervalMs: number;
  /**
   * PASSIVE checkpoint on the store's own connection (the main thread); false when
   * SQLite said busy (another checkpoint ran), and it is tried again.
   */
  checkpointHere: () => boolean;
  /** At most this many commits since the last checkpoint: checkpoint on the main thread. @default 25 */
  maxCommitsHere?: number;
  /** Close the worker after this long without a checkpoint to do. @default 30000 */
  workerIdleMs?: number;
  log: Logger;
}

type WorkerMessage = { type: 'done'; busy?: boolean; error?: string } | { type: 'init-error'; error: string };

export class Checkpointer {
  readonly #o: Required<CheckpointerOptions>;
  #commits = 0;
  #timer: NodeJS.Timeout | undefined;
  #worker: Worker | undefined;
  #workerIdle: NodeJS.Timeout | undefined;
  /** A worker failed: stay on the main thread rather than start failing workers again. */
  #workerBroken = false;
  #inFlight = 0;
  readonly #exits = new Set<Promise<void>>();
  #stopped = false;

  constructor(options: CheckpointerOptions) {
    this.#o = { maxCommitsHere: 25, workerIdleMs: 30_000, ...options };
  }

  /** Called after every write; arms the next checkpoint. */
  noteCommit(): void {
    if (this.#stopped) return;
    this.#commits++;
    // Busy: start the worker now, so it is ready (~60 ms) when the checkpoint is due.
    if (this.#commits > this.#o.maxCommitsHere && !this.#workerBroken) this.#startWorker();
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => this.#checkpoint(), this.#o.intervalMs);
    this.#timer.unref(); // never keeps the process alive: closing the store checkpoints anyway
  }

  #checkpoint(): void {
    this.#timer = undefined;
    const commits = this.#commits;
    this.#commits = 0;
    if (this.#worker === undefined && (commits <= this.#o.maxCommitsHere || this.#workerBroken)) {
      try {
        if (!this.#o.checkpointHere()) this.noteCommit();
      } catch (err) {
        this.#o.log.warn({ err }, 'store checkpoint failed');
      }
      return;
    }
    const worker = this.#startWorker();
    this.#inFlight++;
    worker.ref(); // a checkpoint in flight keeps the process up: it is what makes the commits durable
    worker.postMessage('checkpoint');
    clearTimeout(this.#workerIdle);
    this.#workerIdle = setTimeout(() => void this.#closeWorker(), this.#o.workerIdleMs);
    this.#workerIdle.unref();
  }

  #startWorker(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const { path, log } = this.#o;
    const worker = new Worker(workerUrl('checkpoint-worker'), {
      workerData: { path },
      name: 'store-checkpoint',
    });
    this.#worker = worker;
    this.#inFlight = 0;
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'init-error') {
        log.warn({ err: msg.error }, 'store checkpoint worker failed to start');
        this.#broken(worker);
        return;
      }
      if (msg.error !== undefined) log.warn({ err: msg.error }, 'store checkpoint failed');
      if (msg.busy === true) this.noteCommit(); // the commits it had to cover wait for the next one
      if (this.#worker === worker && --this.#inFlight === 0) worker.unref();
    });
    worker.on('error', (err) => {
      log.error({ err }, 'store checkpoint worker failed');
      this.#broken(worker);
    });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.#exits.add(exited);
    void exited.then(() => {
      this.#exits.delete(exited);
      if (this.#worker === worker) this.#broken(worker); // ended on its own
    });
    return worker;
  }

  /** The worker is gone without being asked to: checkpoint on the main thread from now on. */
  #broken(worker: Worker): void {
    if (this.#worker !== worker) return;
    this.#workerBroken = true;
    this.#worker = undefined;
    clearTimeout(this.#workerIdle);
    void worker.terminate();
    if (this.#inFlight > 0) this.noteCommit(); // its checkpoints are redone here
  }

  /** Asks the worker to finish the checkpoints it was given and end. */
  async #closeWorker(): Promise<void> {
    const worker = this.#worker;
    if (worker === undefined) return;
    this.#worker = undefined;
    clearTimeout(this.#workerIdle);
    worker.ref(); // or the process could exit while it closes
    worker.postMessage('stop');
    await Promise.all(this.#exits);
  }

  /** Stops after the checkpoint in progress, if any. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#closeWorker();
    await Promise.all(this.#exits);
  }
}
