// The metadata service on this host: one HTTP listener on 169.254.169.254:80 per
// namespace that serves it (metadata-targets.ts), all in the agent's own process.
// `sync` is called with every applied network state (and periodically): listeners
// start in namespaces that need one and exist, follow a router's interfaces, start
// again in a namespace deleted and made again under the same name, and stop where
// they are no longer wanted. A namespace that is missing yet (the network driver makes
// it) is simply retried at the next sync; a failure in one namespace never stops the
// others. The address itself is the owner's: the DHCP plan puts it on the qdhcp
// veth; on a router's `lo` it is added here (`RouterAddress`).
import { closeSync, fstatSync } from 'node:fs';
import { METADATA_IP } from '../../common/network-names.ts';
import type { Logger } from '../../common/log.ts';
import type { MetadataLookup } from './metadata-lookup.ts';
import { MetadataServer } from './metadata-server.ts';
import { type MetadataStateView, type MetadataTarget, metadataTargets, networkOfTarget } from './metadata-targets.ts';
import type { NamespaceSockets } from './namespace-socket.ts';

/** Puts the metadata address on (or takes it off) a router namespace's loopback. Idempotent. */
export interface RouterAddress {
  ensure(namespace: string): Promise<void>;
  remove(namespace: string): Promise<void>;
}

export interface MetadataProxiesOptions {
  lookup: MetadataLookup;
  sockets: NamespaceSockets;
  routerAddress: RouterAddress;
  log: Logger;
  /** @default METADATA_IP */
  address?: string;
  /** @default 80 */
  port?: number;
}

interface Running {
  /** The namespace's identity when the socket was made in it. */
  identity: string;
  server: MetadataServer;
  target: MetadataTarget;
}

export class MetadataProxies {
  readonly #o: MetadataProxiesOptions;
  readonly #log: Logger;
  readonly #running = new Map<string, Running>();
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: MetadataProxiesOptions) {
    this.#o = options;
    this.#log = options.log.child({ component: 'metadata' });
  }

  /** Namespaces with a listener now. */
  get namespaces(): string[] {
    return [...this.#running.keys()].sort();
  }

  #serial(fn: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Makes the listeners match `state` (the last applied host network state). Never rejects. */
  sync(state: MetadataStateView | undefined): Promise<void> {
    return this.#serial(async () => {
      if (this.#closed) return;
      const wanted = metadataTargets(state);
      for (const namespace of [...this.#running.keys()]) {
        if (wanted.has(namespace)) continue;
        const { target } = this.#running.get(namespace)!;
        await this.#stop(namespace, 'no longer served');
        // A router that stays without the service loses the address too (a deleted one has no lo left).
        try {
          if (target.kind === 'router' && (await this.#o.sockets.identity(namespace)) !== undefined) {
            await this.#o.routerAddress.remove(namespace);
          }
        } catch (err) {
          this.#log.warn({ err, namespace }, 'metadata address not removed');
        }
      }
      for (const target of [...wanted.values()].sort((a, b) => a.namespace.localeCompare(b.namespace))) {
        try {
          await this.#serve(target);
        } catch (err) {
          this.#log.warn({ err, namespace: target.namespace }, 'metadata listener not started');
        }
      }
    });
  }

  async #serve(target: MetadataTarget): Promise<void> {
    const { namespace } = target;
    const identity = await this.#o.sockets.identity(namespace);
    const current = this.#running.get(namespace);
    if (identity === undefined) {
      if (current !== undefined) await this.#stop(namespace, 'namespace gone');
      return;
    }
    if (current !== undefined && current.identity === identity) {
      current.server.setNetworkOf(networkOfTarget(target));
      current.target = target;
      return;
    }
    if (current !== undefined) await this.#stop(namespace, 'namespace replaced');
    // Only when (re)starting: checking it at every sync would enter the namespace every time.
    if (target.kind === 'router') await this.#o.routerAddress.ensure(namespace);
    const server = new MetadataServer(networkOfTarget(target), {
      lookup: this.#o.lookup,
      log: this.#log.child({ namespace }),
    });
    const fd = this.#o.sockets.listen(namespace, this.#o.address ?? METADATA_IP, this.#o.port ?? 80);
    try {
      await server.listen({ fd });
    } catch (err) {
      closeUnowned(fd);
      throw err;
    }
    this.#running.set(namespace, { identity, server, target });
    this.#log.info({ namespace, kind: target.kind, networks: target.networks.length }, 'metadata listener started');
  }

  async #stop(namespace: string, why: string): Promise<void> {
    const r = this.#running.get(namespace);
    if (r === undefined) return;
    this.#running.delete(namespace);
    await r.server.close();
    this.#log.info({ namespace, why }, 'metadata listener stopped');
  }

  /** Stops every listener (agent shutdown); later syncs do nothing. */
  close(): Promise<void> {
    return this.#serial(async () => {
      this.#closed = true;
      for (const namespace of [...this.#running.keys()]) await this.#stop(namespace, 'agent stopping');
    });
  }
}

// net.Server takes the fd over once its handle opened it and closes it on failure
// after that; if it failed before, the fd is still a socket of ours: close it.
function closeUnowned(fd: number): void {
  try {
    if (fstatSync(fd).isSocket()) closeSync(fd);
  } catch {
    // already closed
  }
}
