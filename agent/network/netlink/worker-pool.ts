// Netlink workers, one per network namespace, started lazily. A worker only keeps
// the process alive while it has requests in flight, and is closed after it has
// been idle for a while: it holds a V8 heap (~23-33 MiB RSS), and a worker in a
// named namespace also pins the namespace (its thread and socket hold references,
// so an "ip netns delete" would not free it). The root namespace's reads need no
// worker: they are served on the main thread (root-reads.ts, which also says why
// writes cannot be).
import { Worker } from 'node:worker_threads';
import { StratoError, unavailable } from '../../../common/errors.ts';
import { workerUrl } from '../../../common/install-root.ts';
import { log } from '../../../common/log.ts';
import { DEFAULT_ADDON_PATH, loadNetnsAddon, type NetnsAddon } from './native-addon.ts';
import { toStratoError } from './netlink-errors.ts';
import type { OpName, OpRequest, OpResponse, WorkerInit, WorkerOps, WorkerStatus } from './protocol.ts';
import { READ_OPS, RootReads } from './root-reads.ts';

const WORKER_URL = workerUrl('netlink-worker');
const ROOT = '';

export interface PoolOptions {
  /** Path of strato_netns.node. @default build/native/strato_netns.node */
  addonPath?: string;
  /** Close a namespace's worker after this long without requests. @default 30000 */
  idleMs?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  subject: string | undefined;
}

function responseError(res: Extract<OpResponse, { ok: false }>, subject: string | undefined): StratoError {
  if (res.strato !== undefined) {
    const s = res.strato;
    return new StratoError(s.code, s.reason, s.message, { details: s.details });
  }
  return toStratoError(res.error, subject);
}

class NamespaceWorker {
  readonly #namespace: string | undefined;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #ready: Promise<void>;
  readonly #idleMs: number;
  readonly #onGone: () => void;
  #nextId = 1;
  #idleTimer: NodeJS.Timeout | undefined;
  #gone: StratoError | undefined;
  #closing = false;
  #closed: Promise<void> | undefined;

  constructor(
    namespace: string | undefined,
    addonPath: string,
    idleMs: number,
    onGone: () => void,
    onExit: () => void,
  ) {
    this.#namespace = namespace;
    this.#idleMs = idleMs;
    this.#onGone = onGone;
    const workerData: WorkerInit = { namespace, addonPath };
    this.#worker = new Worker(WORKER_URL, { workerData, name: `netlink:${namespace ?? 'root'}` });
    this.#ready = new Promise<void>((resolve, reject) => {
      const onStatus = (msg: WorkerStatus | OpResponse) => {
        if (!('type' in msg)) return;
        this.#worker.off('message', onStatus);
        if (msg.type === 'ready') resolve();
        else
          reject(this.#fail(toStratoError(msg.error, namespace === undefined ? undefined : `namespace ${namespace}`)));
      };
      this.#worker.on('message', onStatus);
    });
    this.#ready.catch(() => undefined);
    this.#worker.on('message', (msg: WorkerStatus | OpResponse) => this.#onMessage(msg));
    this.#worker.on('error', (err) =>
      this.#fail(unavailable('NETLINK_WORKER_FAILED', `netlink worker failed: ${err.message}`, { cause: err })),
    );
    this.#worker.on('exit', (code) => {
      this.#fail(unavailable('NETLINK_WORKER_EXITED', `netlink worker exited (${code})`));
      onExit();
    });
    this.#worker.ref();
  }

  #fail(err: StratoError): StratoError {
    if (this.#gone !== undefined) return this.#gone;
    this.#gone = err;
    clearTimeout(this.#idleTimer);
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
    this.#onGone();
    if (!this.#closing) void this.#worker.terminate();
    return err;
  }

  #onMessage(msg: WorkerStatus | OpResponse): void {
    if ('type' in msg) return;
    const p = this.#pending.get(msg.id);
    if (p === undefined) return;
    this.#pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(responseError(msg, p.subject));
    this.#settled();
  }

  #settled(): void {
    if (this.#pending.size > 0 || this.#gone !== undefined) return;
    this.#worker.unref();
    this.#idleTimer = setTimeout(() => void this.close(), this.#idleMs);
    this.#idleTimer.unref();
  }

  async call(op: OpName, args: unknown[], subject: string | undefined): Promise<unknown> {
    if (this.#gone !== undefined) throw this.#gone;
    clearTimeout(this.#idleTimer);
    this.#worker.ref();
    await this.#ready; // rejects with the worker's start-up failure (e.g. no such namespace)
    if (this.#gone !== undefined) throw this.#gone;
    const id = this.#nextId++;
    return new Promise<unknown>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, subject });
      this.#worker.postMessage({ id, op, args } satisfies OpRequest);
    });
  }

  /** Asks the worker to close its socket and end; terminate() only as a last resort (see worker.ts). */
  async close(): Promise<void> {
    if (this.#closed !== undefined) return this.#closed;
    log.debug({ namespace: this.#namespace }, 'netlink worker closing');
    // Keep the process alive until the thread has really gone.
    this.#worker.ref();
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    this.#closing = true;
    this.#worker.postMessage({ type: 'close' });
    this.#fail(unavailable('NETLINK_CLOSED', 'netlink client was closed'));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 2000);
    });
    this.#closed = Promise.race([exited, timeout]).then(async () => {
      clearTimeout(timer);
      await this.#worker.terminate();
    });
    return this.#closed;
  }
}

export class WorkerPool {
  readonly #workers = new Map<string, NamespaceWorker>();
  readonly #rootReads = new RootReads();
  #addon: NetnsAddon | undefined;
  readonly #addonPath: string;
  readonly #idleMs: number;

  constructor(options: PoolOptions = {}) {
    this.#addonPath = options.addonPath ?? DEFAULT_ADDON_PATH;
    this.#idleMs = options.idleMs ?? 30_000;
  }

  #get(namespace: string | undefined): NamespaceWorker {
    const key = namespace ?? ROOT;
    let w = this.#workers.get(key);
    if (w === undefined) {
      const gone = () => {
        if (this.#workers.get(key) === created) this.#workers.delete(key);
      };
      const created: NamespaceWorker = new NamespaceWorker(namespace, this.#addonPath, this.#idleMs, gone, () =>
        this.#trim(),
      );
      w = created;
      this.#workers.set(key, w);
    }
    return w;
  }

  /**
   * An ended worker leaves its malloc arena's freed pages resident: ~17 MiB of RSS
   * that malloc_trim gives back (see native/netns.c); measured 1-3.4 ms, once per ended worker.
   */
  #trim(): void {
    try {
      this.#addon ??= loadNetnsAddon(this.#addonPath);
      this.#addon.mallocTrim?.();
    } catch {
      // No addon: the worker could not have run either; nothing to give back.
    }
  }

  run<K extends OpName>(
    namespace: string | undefined,
    op: K,
    args: Parameters<WorkerOps[K]>,
    subject?: string,
  ): Promise<Awaited<ReturnType<WorkerOps[K]>>> {
    if (namespace === undefined && READ_OPS.has(op)) {
      return this.#rootReads.call(op, args, subject) as Promise<Awaited<ReturnType<WorkerOps[K]>>>;
    }
    return this.#get(namespace).call(op, args, subject) as Promise<Awaited<ReturnType<WorkerOps[K]>>>;
  }

  async closeNamespace(namespace: string | undefined): Promise<void> {
    await this.#workers.get(namespace ?? ROOT)?.close();
    if (namespace === undefined) await this.#rootReads.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#workers.values()].map((w) => w.close()));
    this.#workers.clear();
    await this.#rootReads.close();
  }
}
