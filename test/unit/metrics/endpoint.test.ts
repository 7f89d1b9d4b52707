// The metrics endpoint: --metrics-listen is parsed strictly (IP or localhost, a
// port, or off), the server answers GET/HEAD /metrics with the registry's text and
// nothing else, and a daemon whose address is taken serves on without it.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { Counter } from 'prom-client';
import { parseMetricsListen } from '../../../common/metrics/metrics-listen.ts';
import { serveMetrics, startMetricsEndpoint } from '../../../common/metrics/metrics-server.ts';
import { daemonRegistry } from '../../../common/metrics/registry.ts';
import { scrape } from '../../harness/metrics-scrape.ts';
import { quiet } from '../../harness/quiet-log.ts';

describe('--metrics-listen', () => {
  const good: [string, ReturnType<typeof parseMetricsListen>][] = [
    ['127.0.0.1:9180', { host: '127.0.0.1', port: 9180 }],
    ['[::1]:9181', { host: '::1', port: 9181 }],
    ['localhost:0', { host: 'localhost', port: 0 }],
    ['10.0.0.5:9100', { host: '10.0.0.5', port: 9100 }],
    ['off', undefined],
    ['OFF', undefined],
    ['', undefined],
  ];
  for (const [value, want] of good) {
    it(`${JSON.stringify(value)} → ${JSON.stringify(want)}`, () => assert.deepEqual(parseMetricsListen(value), want));
  }
  for (const value of [
    '9180',
    'example.com:9180',
    '127.0.0.1',
    '127.0.0.1:65536',
    '[127.0.0.1]:80',
    '::1:80',
    'x'.repeat(500),
  ]) {
    it(`refuses ${JSON.stringify(value.slice(0, 20))}, quoting it within bounds`, () => {
      assert.throws(
        () => parseMetricsListen(value),
        (e: Error) => e instanceof TypeError && e.message.length < 140,
      );
    });
  }
});

describe('metrics endpoint', () => {
  it('GET and HEAD /metrics answer the registry; other paths 404, other methods 405', async () => {
    const registry = daemonRegistry('conductor');
    new Counter({ name: 'strato_test_total', help: 'test', registers: [registry] }).inc(3);
    const ep = await serveMetrics({ host: '127.0.0.1', port: 0 }, registry, quiet);
    try {
      const m = await scrape(ep.port);
      assert.equal(m.status, 200);
      assert.match(m.text, /^strato_test_total 3$/m);
      assert.equal(ep.address, `127.0.0.1:${ep.port}`);
      const head = await fetch(`http://127.0.0.1:${ep.port}/metrics?x=1`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.match(head.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      for (const path of ['/', '/metrics/', '/Metrics', '/metrics.json', '/metrics/x']) {
        assert.equal((await scrape(ep.port, '127.0.0.1', path)).status, 404, path);
      }
      assert.equal((await fetch(`http://127.0.0.1:${ep.port}/metrics`, { method: 'DELETE' })).status, 405);
    } finally {
      await ep.close();
    }
  });

  it('an address already taken: the daemon serves on without metrics (undefined), and off is off', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen({ host: '127.0.0.1', port: 0 }, resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const registry = daemonRegistry('agent');
      assert.equal(await startMetricsEndpoint({ host: '127.0.0.1', port }, registry, quiet), undefined);
      assert.equal(await startMetricsEndpoint(undefined, registry, quiet), undefined);
    } finally {
      taken.close();
    }
  });
});
