// Owns the checkpoint worker (see checkpoint-worker.ts). It also bounds what a
// power loss can take with synchronous=NORMAL: every checkpoint makes all commits
// before it durable, so at most the last `intervalMs` of commits are at risk.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { workerUrl } from '../../../common/install-root.ts';
import type { Logger } from '../../../common/log.ts';

export class Checkpointer {
  readonly #worker: Worker;
  #stopped = false;

  constructor(path: string, intervalMs: number, log: Logger) {
    this.#worker = new Worker(workerUrl('checkpoint-worker'), { workerData: { path, intervalMs } });
    this.#worker.unref(); // never keeps the process alive on its own
    this.#worker.on('message', (msg: { error?: string }) => log.warn({ err: msg.error }, 'store checkpoint failed'));
    this.#worker.on('error', (err) => log.error({ err }, 'store checkpoint worker failed'));
  }

  /** Stops after the checkpoint in progress, if any. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#worker.ref(); // or the process could exit while we wait
    const exited = once(this.#worker, 'exit').catch(() => {}); // failures were logged already
    this.#worker.postMessage('stop');
    await exited;
  }
}
