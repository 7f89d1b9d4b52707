// Serves a registry as Prometheus text with node:http, on one address only and
// on one path only: GET (or HEAD) /metrics answers, every other path is 404 and
// every other method on it 405. No framework: it is one handler. A daemon that
// cannot bind its metrics address keeps running without the endpoint (an
// auxiliary port must not take the cloud down; the error is logged), see
// startMetricsEndpoint.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../log.ts';
import { formatListen, type ListenAddress } from './metrics-listen.ts';

export interface MetricsEndpoint {
  /** `127.0.0.1:9180`, with the bound port. */
  address: string;
  port: number;
  close(): Promise<void>;
}

const PATH = '/metrics';

async function answer(registry: Registry, req: IncomingMessage, res: ServerResponse, log: Logger): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  if (path !== PATH) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: metrics are at /metrics\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('GET or HEAD only\n');
    return;
  }
  try {
    const text = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(req.method === 'HEAD' ? undefined : text);
  } catch (err) {
    log.error({ err }, 'metrics collection failed');
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics collection failed\n');
  }
}

/** Binds `listen` and serves `registry` there. Rejects when the address cannot be bound. */
export async function serveMetrics(listen: ListenAddress, registry: Registry, log: Logger): Promise<MetricsEndpoint> {
  const server = createServer((req, res) => void answer(registry, req, res, log));
  // A scrape is one small request; idle or slow clients are not kept around.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  server.listen({ host: listen.host, port: listen.port, exclusive: true });
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([err]) => {
      throw err;
    }),
  ]);
  const port = (server.address() as AddressInfo).port;
  const address = formatListen({ host: listen.host, port });
  return {
    address,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The daemon's endpoint, or undefined when it is switched off or cannot be bound
 * (logged as an error with the reason: the daemon serves on without metrics).
 */
export async function startMetricsEndpoint(
  listen: ListenAddress | undefined,
  registry: Registry,
  log: Logger,
): Promise<MetricsEndpoint | undefined> {
  if (listen === undefined) {
    log.info({}, 'metrics endpoint off');
    return undefined;
  }
  try {
    const endpoint = await serveMetrics(listen, registry, log);
    log.info({ address: endpoint.address, path: PATH }, 'metrics endpoint listening');
    return endpoint;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    log.error({ address: formatListen(listen), code, err }, 'metrics endpoint not served');
    return undefined;
  }
}
