// Body of a netlink worker thread. It first moves its own OS thread into the
// requested named namespace (setns is per-thread); every rtnetlink socket it opens
// afterwards is bound by the kernel to that namespace, so each request acts there.
import { parentPort, workerData } from 'node:worker_threads';
import { StratoError } from '../../../common/errors.ts';
import { loadNetnsAddon } from './native-addon.ts';
import { toWireError } from './netlink-errors.ts';
import type { OpRequest, OpResponse, WorkerInit, WorkerOps, WorkerStatus } from './protocol.ts';
import { SocketHolder } from './socket-holder.ts';
import { RtnlOps } from './worker-ops.ts';

const port = parentPort;
if (port === null) throw new Error('worker.ts must run as a worker thread');
const init = workerData as WorkerInit;

function failure(id: number, op: string, err: unknown): OpResponse {
  if (err instanceof StratoError) {
    const strato = { code: err.code, reason: err.reason, message: err.message, details: err.details };
    return { id, ok: false, error: { errno: 0, code: 'UNKNOWN', op, message: err.message }, strato };
  }
  return { id, ok: false, error: toWireError(err, op) };
}

async function handle(ops: RtnlOps, req: OpRequest): Promise<OpResponse> {
  try {
    const fn = ops[req.op] as (...args: unknown[]) => Promise<unknown>;
    if (typeof fn !== 'function') throw new Error(`unknown netlink op ${req.op}`);
    return { id: req.id, ok: true, value: await fn.apply(ops as WorkerOps, req.args) };
  } catch (err) {
    return failure(req.id, req.op, err);
  }
}

function serve(ops: RtnlOps, sockets: SocketHolder, port: NonNullable<typeof parentPort>): void {
  // One operation at a time on the socket (see RtnlOps).
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', async (req: OpRequest | { type: 'close' }) => {
    if ('type' in req) {
      // Graceful stop: with the socket closed and the port gone the thread ends.
      sockets.close();
      port.close();
      return;
    }
    sockets.begin();
    const done = queue.then(() => handle(ops, req));
    queue = done;
    const res = await done;
    sockets.end(() => port.postMessage(res));
  });
  port.postMessage({ type: 'ready' } satisfies WorkerStatus);
}

try {
  const addon = loadNetnsAddon(init.addonPath);
  if (init.namespace !== undefined) addon.setns(`/run/netns/${init.namespace}`);
  const sockets = new SocketHolder();
  serve(new RtnlOps(() => sockets.current, addon), sockets, port);
} catch (err) {
  // No listener is left on the port, so the thread ends once this is delivered.
  port.postMessage({ type: 'init-error', error: toWireError(err, 'setns') } satisfies WorkerStatus);
}
