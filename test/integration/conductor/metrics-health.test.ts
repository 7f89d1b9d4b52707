// A real conductor (in-process, its SQLite store on disk) and one FAKE agent: the
// Prometheus endpoint answers on its configured address and path only; a boot and
// a failed boot move the API, workflow and scheduler series; host facts and servers
// per state follow; `GetHost` carries what the agent says about itself (version,
// start, degraded reasons, orphans), and a host whose libvirt is unreachable says
// why, keeps its servers and goes down; the health service turns NOT_SERVING on
// both ports while another process holds the store's write lock, and back after.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type ChannelCredentials, type Client, credentials } from '@grpc/grpc-js';
import { StratoError } from '../../../common/errors.ts';
import { packageVersion } from '../../../common/version.ts';
import type { FakeAgent } from '../../harness/fake-agent.ts';
import { sampleValue, scrape } from '../../harness/metrics-scrape.ts';
import { waitFor } from '../../harness/wait.ts';
import { HealthCtor } from '../grpc/helpers.ts';
import { type Env, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

const NODE = join(import.meta.dirname, '../../../node_modules/.bin/node');

interface HealthClient extends Client {
  Check(req: { service: string }, cb: (err: Error | null, res?: { status: string }) => void): void;
}

function healthClient(address: string, creds: ChannelCredentials): HealthClient {
  const Ctor = HealthCtor() as unknown as new (a: string, c: ChannelCredentials, o: object) => HealthClient;
  return new Ctor(address, creds, { 'grpc.ssl_target_name_override': 'conductor' });
}

const check = (c: HealthClient, service: string) =>
  new Promise<string>((resolve, reject) =>
    c.Check({ service }, (err, res) => (err ? reject(err) : resolve(res?.status ?? ''))),
  );

/** Connects to host:port; resolves with the error code the connection fails with, or 'connected'. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/metrics', timeout: 5000 }, (res) => {
      res.resume();
      resolve('connected');
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.end();
  });
}

describe('conductor: metrics, health and what a host says about itself', () => {
  let env: Env;
  let agent: FakeAgent;
  let port: number;
  let locker: ChildProcess | undefined;
  const health: HealthClient[] = [];

  before(async () => {
    env = await startEnv(['hv-1'], { metricsListen: '127.0.0.1:0' });
    agent = await env.startAgent('hv-1');
    await uploadImage(env.admin, env.dir, 'cirros', true);
    await env.admin.flavors.CreateFlavor({ name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 });
    port = env.conductor.metricsPort ?? assert.fail('the metrics endpoint is served');
  });
  after(async () => {
    locker?.kill('SIGKILL');
    for (const h of health) h.close();
    await env?.close();
  });

  it('answers GET /metrics on its address only: other paths 404, other methods 405, other addresses refused', async () => {
    const m = await scrape(port);
    assert.equal(m.status, 200);
    assert.equal(sampleValue(m.text, 'strato_build_info', { daemon: 'conductor', version: packageVersion() }), 1);
    assert.match(m.text, /^process_cpu_seconds_total /m);
    for (const path of ['/', '/metrics/', '/metricsx', '/debug'])
      assert.equal((await scrape(port, '127.0.0.1', path)).status, 404, path);
    const post = await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' });
    assert.equal(post.status, 405);
    // Bound to 127.0.0.1 alone: another loopback address, and any other address of this host, is refused.
    assert.equal(await tryConnect('127.0.0.2', port), 'ECONNREFUSED');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && a.family === 'IPv4' && a.address !== '127.0.0.1');
    for (const a of others.slice(0, 3)) assert.equal(await tryConnect(a!.address, port), 'ECONNREFUSED', a!.address);
  });

  it('a boot and a failed boot move the API, workflow and scheduler series', async () => {
    const before = (await scrape(port)).text;
    const v = (text: string, name: string, labels: Record<string, string>) => sampleValue(text, name, labels) ?? 0;
    const create = { method: '/strato.compute.v1.Servers/CreateServer' };

    await env.admin.servers.CreateServer({ name: 'ok-1', image: 'cirros', flavor: 'm1.tiny' });
    assert.equal((await waitServer(env.admin, 'ok-1', settled)).vmState, 'ACTIVE');
    agent.failSpawn = new StratoError('INTERNAL', 'FAKE_DEFINE_REFUSED', 'fake: libvirt refuses to define');
    try {
      await env.admin.servers.CreateServer({ name: 'bad-1', image: 'cirros', flavor: 'm1.tiny' });
      assert.equal((await waitServer(env.admin, 'bad-1', settled)).vmState, 'ERROR');
    } finally {
      agent.failSpawn = undefined;
    }
    await assert.rejects(env.admin.servers.CreateServer({ name: 'x', image: 'cirros', flavor: 'm9.none' }), {
      code: 'NOT_FOUND',
    });

    const now = (await scrape(port)).text;
    const grew = (name: string, labels: Record<string, string>) => v(now, name, labels) - v(before, name, labels);
    assert.equal(grew('strato_grpc_server_requests_total', create), 3);
    assert.equal(grew('strato_grpc_server_errors_total', { ...create, code: 'NOT_FOUND' }), 1);
    assert.equal(grew('strato_grpc_server_request_duration_seconds_count', create), 3);
    assert.equal(grew('strato_workflows_total', { kind: 'boot', result: 'success' }), 1);
    assert.equal(grew('strato_workflows_total', { kind: 'boot', result: 'error' }), 1);
    assert.equal(grew('strato_workflow_duration_seconds_count', { kind: 'boot', result: 'success' }), 1);
    assert.equal(grew('strato_workflow_duration_seconds_count', { kind: 'boot', result: 'error' }), 1);
    assert.ok(grew('strato_workflow_duration_seconds_sum', { kind: 'boot', result: 'success' }) > 0);
    // Both boots were placed on hv-1; the failed one found no other host when it was rescheduled.
    assert.equal(grew('strato_scheduler_decisions_total', { result: 'placed' }), 2);
    assert.equal(grew('strato_scheduler_decisions_total', { result: 'no_valid_host' }), 1);
    assert.equal(grew('strato_scheduler_no_valid_host_total', { filter: 'exclude-hosts' }), 1);

    // The cluster as read at scrape time: the servers' states arrive through the store's watch.
    const cluster = await waitFor(
      async () => (await scrape(port)).text,
      (t) => v(t, 'strato_servers', { state: 'ACTIVE' }) === 1 && v(t, 'strato_servers', { state: 'ERROR' }) === 1,
      { what: 'servers per state to count the ACTIVE and the ERROR server' },
    );
    assert.equal(v(cluster, 'strato_servers', { state: 'BUILD' }), 0);
    assert.equal(v(cluster, 'strato_hosts', { state: 'up' }), 1);
    assert.equal(v(cluster, 'strato_host_up', { host: 'hv-1' }), 1);
    assert.equal(v(cluster, 'strato_host_vcpus', { host: 'hv-1', kind: 'capacity' }), 4);
    assert.equal(v(cluster, 'strato_host_vcpus', { host: 'hv-1', kind: 'usable' }), 16);
    assert.equal(v(cluster, 'strato_host_vcpus', { host: 'hv-1', kind: 'used' }), 1);
    assert.equal(v(cluster, 'strato_host_memory_bytes', { host: 'hv-1', kind: 'used' }), 256 * 1024 * 1024);
    assert.equal(v(cluster, 'strato_host_instances', { host: 'hv-1' }), 1);
    assert.equal(v(cluster, 'strato_store_usable', {}), 1);
  });

  it('GetHost carries the agent version, start, uptime, degraded reasons and orphan counts', async () => {
    const h = await env.admin.hosts.GetHost({ host: 'hv-1' });
    assert.equal(h.agentVersion, packageVersion());
    assert.equal(h.agentStartedAt, agent.startedAt);
    assert.ok(h.uptimeS >= 0 && h.uptimeS < 600, String(h.uptimeS));
    assert.deepEqual(h.degradedReasons, []);
    assert.deepEqual(Object.values(h.orphans ?? {}), Array(10).fill(0));
    assert.notEqual(h.lastHeartbeatAt, '');
  });

  it('a host whose libvirt is unreachable says why, keeps its servers, and goes down until it is back', async () => {
    agent.hypervisorUnreachable = true;
    try {
      const h = await waitFor(
        () => env.admin.hosts.GetHost({ host: 'hv-1' }),
        (x) => x.state === 'down' && x.degradedReasons.includes('libvirt unreachable'),
        { what: 'hv-1 to report libvirt unreachable and go down', timeoutMs: 15_000 },
      );
      assert.equal(h.uptimeS, 0);
      // Heartbeats kept coming, without instances: the conductor judged none of them absent.
      const s = await env.admin.servers.GetServer({ server: 'ok-1' });
      assert.deepEqual([s.vmState, s.powerState], ['ACTIVE', 'RUNNING']);
      assert.equal(sampleValue((await scrape(port)).text, 'strato_host_up', { host: 'hv-1' }), 0);
    } finally {
      agent.hypervisorUnreachable = false;
    }
    await waitFor(
      () => env.admin.hosts.GetHost({ host: 'hv-1' }),
      (x) => x.state === 'up' && x.degradedReasons.length === 0,
      { what: 'hv-1 up and healthy again' },
    );
  });

  it('health: NOT_SERVING on both ports while another process holds the store, SERVING again after', async () => {
    const ca = await readFile(join(env.tls, 'ca.crt'));
    const [key, cert] = await Promise.all(['hv-1.key', 'hv-1.crt'].map((f) => readFile(join(env.tls, f))));
    const pub = healthClient(env.apiAddress, credentials.createSsl(ca));
    const reg = healthClient(env.registryAddress, credentials.createSsl(ca, key, cert));
    health.push(pub, reg);
    const all = async () =>
      [
        await check(pub, ''),
        await check(pub, 'strato.compute.v1.Servers'),
        await check(reg, 'strato.host.v1.Registry'),
      ].join(' ');
    assert.equal(await all(), 'SERVING SERVING SERVING');
    agent.pauseHeartbeats();

    // Another process takes the store's write lock and keeps it (an operator's sqlite3 shell, a stuck backup).
    // Every statement then waits out SQLite's busy timeout on the conductor's event loop: the agent's
    // heartbeats pause meanwhile, so that what turns the health off is the conductor's own probe;
    // once the lock is gone, their first write turns it on again.
    const db = join(env.config.dataDir!, 'state.db');
    locker = spawn(
      NODE,
      [
        '--input-type=module',
        '-e',
        `import { DatabaseSync } from 'node:sqlite';
         const db = new DatabaseSync(${JSON.stringify(db)});
         db.exec('PRAGMA busy_timeout = 10000');
         db.exec('BEGIN IMMEDIATE');
         console.log('locked');
         process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); console.log('released'); });
         process.stdin.resume();`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const out = locker.stdout!;
    out.setEncoding('utf8');
    const said = (word: string) =>
      new Promise<void>((resolve, reject) => {
        const on = (chunk: string): void => {
          if (!chunk.includes(word)) return;
          out.off('data', on);
          resolve();
        };
        out.on('data', on);
        locker!.once('exit', (code) => reject(new Error(`locker exited (${code}) before saying ${word}`)));
      });
    await said('locked');
    await waitFor(all, (s) => s === 'NOT_SERVING NOT_SERVING NOT_SERVING', {
      what: 'every service NOT_SERVING while the store is locked',
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    // Served between the probe's waits on the lock: slowly.
    assert.equal(sampleValue((await scrape(port, '127.0.0.1', '/metrics', 60_000)).text, 'strato_store_usable', {}), 0);

    locker.stdin!.end();
    await said('released');
    await once(locker, 'exit');
    locker = undefined;
    agent.resumeHeartbeats();
    await waitFor(all, (s) => s === 'SERVING SERVING SERVING', {
      what: 'every service SERVING once the lock is gone',
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    assert.equal(sampleValue((await scrape(port)).text, 'strato_store_usable', {}), 1);
  });
});
