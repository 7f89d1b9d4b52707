// One metadata listener: an HTTP server on a socket that lives in a qdhcp or qrouter
// namespace (made by namespace-socket.ts), answering GET/HEAD for the guest the
// request comes from. The guest is its network (which the listener derives from the
// source address) plus that address; everything else in the request is ignored. The
// conductor's NOT_FOUND is a 404; an unreachable conductor a 503 (the guest retries).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isStratoError } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import type { MetadataLookup } from './metadata-lookup.ts';
import { cleanPath, type Document, routeFor } from './metadata-routes.ts';

/** The network a source address is on, as this listener sees it; undefined: none it serves. */
export type NetworkOf = (sourceIp: string) => string | undefined;

export interface MetadataServerOptions {
  lookup: MetadataLookup;
  log: Logger;
}

// A guest asks a handful of small documents: keep everything about a request small.
const LIMITS = {
  maxHeaderSize: 4096,
  headersTimeout: 5000,
  requestTimeout: 10_000,
  keepAliveTimeout: 5000,
  maxRequestsPerSocket: 100,
  maxConnections: 64,
};

const RETRY_AFTER_S = '2';

function reply(res: ServerResponse, status: number, doc: Document | undefined, head: boolean): void {
  const body = doc?.body ?? Buffer.from(`${status}\n`);
  res.statusCode = status;
  res.setHeader('Content-Type', doc?.contentType ?? 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  res.setHeader('Cache-Control', 'no-store');
  res.end(head ? undefined : body);
}

const hasBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

export class MetadataServer {
  readonly #server: Server;
  readonly #o: MetadataServerOptions;
  #networkOf: NetworkOf;

  constructor(networkOf: NetworkOf, options: MetadataServerOptions) {
    this.#networkOf = networkOf;
    this.#o = options;
    this.#server = createServer(
      {
        maxHeaderSize: LIMITS.maxHeaderSize,
        headersTimeout: LIMITS.headersTimeout,
        requestTimeout: LIMITS.requestTimeout,
        keepAliveTimeout: LIMITS.keepAliveTimeout,
      },
      (req, res) => void this.#handle(req, res),
    );
    this.#server.maxRequestsPerSocket = LIMITS.maxRequestsPerSocket;
    this.#server.maxConnections = LIMITS.maxConnections;
  }

  /** A router's interfaces may change while its listener stays. */
  setNetworkOf(networkOf: NetworkOf): void {
    this.#networkOf = networkOf;
  }

  /**
   * Serves on the listening socket `{ fd }`, which `close()` closes (the agent), or
   * on a host and port (tests). Resolves with the bound port.
   */
  async listen(on: { fd: number } | { host: string; port: number }): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      const failed = (err: Error): void => reject(err);
      this.#server.once('error', failed);
      this.#server.listen(on, () => {
        this.#server.off('error', failed);
        resolve();
      });
    });
    const address = this.#server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  }

  /** Stops listening, drops open connections and closes the socket. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log = this.#o.log;
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      res.shouldKeepAlive = false;
      return reply(res, 405, undefined, false);
    }
    if (hasBody(req)) {
      // Never read: the connection goes with the answer.
      res.shouldKeepAlive = false;
      return reply(res, 413, undefined, head);
    }
    const path = cleanPath(req.url ?? '');
    if (path === undefined) return reply(res, 400, undefined, head);
    const route = routeFor(path);
    if (route === undefined) return reply(res, 404, undefined, head);
    if ('static' in route) return reply(res, 200, route.static, head);
    const sourceIp = req.socket.remoteAddress ?? '';
    const networkId = this.#networkOf(sourceIp);
    if (networkId === undefined) {
      log.warn({ sourceIp }, 'metadata request from outside the served networks');
      return reply(res, 404, undefined, head);
    }
    try {
      const input = await this.#o.lookup.lookup(networkId, sourceIp);
      const doc = route.render({ input, localIpv4: sourceIp });
      log.debug({ networkId, sourceIp, instanceId: input.instanceId, path, found: doc !== undefined }, 'metadata served');
      return reply(res, doc === undefined ? 404 : 200, doc, head);
    } catch (err) {
      if (isStratoError(err, 'NOT_FOUND')) {
        log.info({ networkId, sourceIp }, 'metadata request from an unknown guest');
        return reply(res, 404, undefined, head);
      }
      const transient =
        isStratoError(err, 'UNAVAILABLE') || isStratoError(err, 'DEADLINE_EXCEEDED') || isStratoError(err, 'CANCELLED');
      log.warn({ networkId, sourceIp, err }, transient ? 'metadata lookup unavailable' : 'metadata lookup failed');
      if (transient) res.setHeader('Retry-After', RETRY_AFTER_S);
      return reply(res, transient ? 503 : 500, undefined, head);
    }
  }
}
