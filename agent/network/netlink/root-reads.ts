// The root namespace's read-only requests, served on the main thread: the agent
// lives in the root namespace, so no setns (and no thread) is needed, and a read
// costs the event loop little. Writes stay in a worker thread (worker-pool.ts):
// the kernel runs an rtnetlink request inside the sender's sendmsg, and the
// `netlink` package calls sendmsg synchronously from send() (its binding.cc,
// Socket::Send -> Sendmsg when its queue is empty), so a write blocks the calling
// thread for as long as the kernel takes. Measured on the 2-vCPU VM, on the main
// thread (strace -T for sendmsg; monitorEventLoopDelay with a 1 ms timer):
//   deleteLink: sendmsg 13-55 ms (the device's unregister waits for RCU grace
//     periods); loop delay up to 54 ms (veth), 60 (tap), 92 (vxlan), 110 (bridge)
//   createVeth / createBridge: loop delay up to 12 / 5 ms
//   reads with 64 links: loop delay p99 listLinks 8.7 ms (max of 30 runs; p50 1.5),
//     listAddresses 2.1, listFdb 1.8, listNeighbours 1.3, listRoutes4 1.5, getLink 1.2
// So an idle agent, whose 30 s network resync only reads when nothing drifted,
// needs no netlink thread (each costs ~23-33 MiB RSS: its own V8 heap).
import { StratoError } from '../../../common/errors.ts';
import type { NetnsAddon } from './native-addon.ts';
import { toStratoError, toWireError } from './netlink-errors.ts';
import type { OpName, WorkerOps } from './protocol.ts';
import { SocketHolder } from './socket-holder.ts';
import { RtnlOps } from './worker-ops.ts';

/** The operations that change nothing; everything else goes to the root worker. */
export const READ_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'listLinks',
  'getLink',
  'listAddresses',
  'listFdb',
  'listNeighbours',
  'listRoutes4',
  'readSysctl',
]);

/** Reads never create taps or namespaces, so they need no native addon. */
const NO_ADDON: NetnsAddon = new Proxy({} as NetnsAddon, {
  get(_target, name) {
    return () => {
      throw new Error(`root-namespace reads cannot use the native addon (${String(name)})`);
    };
  },
});

export class RootReads {
  readonly #sockets = new SocketHolder();
  readonly #ops = new RtnlOps(() => this.#sockets.current, NO_ADDON);
  /** One request at a time on the socket, as in a worker (see RtnlOps). */
  #queue: Promise<unknown> = Promise.resolve();

  /** Same results and errors as the root worker would give. */
  call(op: OpName, args: unknown[], subject: string | undefined): Promise<unknown> {
    if (!READ_OPS.has(op)) return Promise.reject(new Error(`${op} is not a read`));
    this.#sockets.begin();
    const done = this.#queue.then(() => this.#handle(op, args, subject));
    this.#queue = done.catch(() => undefined);
    // Settles only after the socket of the last request of a burst is closed (see SocketHolder).
    return new Promise<unknown>((resolve, reject) => {
      done.then(
        (value) => this.#sockets.end(() => resolve(value)),
        (err: unknown) => this.#sockets.end(() => reject(err)),
      );
    });
  }

  async #handle(op: OpName, args: unknown[], subject: string | undefined): Promise<unknown> {
    try {
      const fn = this.#ops[op] as (...a: unknown[]) => Promise<unknown>;
      return await fn.apply(this.#ops as WorkerOps, args);
    } catch (err) {
      // The worker's path: a StratoError crosses as is, anything else as its errno.
      if (err instanceof StratoError) throw err;
      throw toStratoError(toWireError(err, op), subject);
    }
  }

  /** Resolves once the requests in flight are done (their socket is closed after them). */
  async close(): Promise<void> {
    await this.#queue;
    await new Promise((resolve) => setImmediate(resolve)); // the socket closes in an immediate
  }
}
