// A real conductor on loopback (in-process through startConductor, with a temp
// data dir and certificates from scripts/make-certs), clients of its public API
// logged in as admin, and FAKE agents (test/harness/fake-agent.ts) registered
// over mutual TLS. Everything made here is removed by `close()`.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { credentials, InterceptingCall, type Interceptor } from '@grpc/grpc-js';
import type { ProtoGrpcType as FlavorProto } from '../../../common/gen/flavor.ts';
import type { ProtoGrpcType as HostProto } from '../../../common/gen/host.ts';
import type { ProtoGrpcType as IdentityProto } from '../../../common/gen/identity.ts';
import type { ProtoGrpcType as ImageProto } from '../../../common/gen/image.ts';
import type { ProtoGrpcType as NetworkProto } from '../../../common/gen/network.ts';
import type { ProtoGrpcType as ServerProto } from '../../../common/gen/server.ts';
import type { Server__Output } from '../../../common/gen/strato/compute/v1/Server.ts';
import { connect } from '../../../common/grpc/client.ts';
import { log } from '../../../common/log.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import type { ConductorConfig } from '../../../conductor/config.ts';
import { type Conductor, startConductor } from '../../../conductor/main.ts';
import { FakeAgent, type FakeAgentOptions } from '../../harness/fake-agent.ts';

const run = promisify(execFile);
const MAKE_CERTS = fileURLToPath(new URL('../../../scripts/make-certs', import.meta.url));

type Proto = FlavorProto & HostProto & IdentityProto & ImageProto & NetworkProto & ServerProto;

// The conductor runs in this process: keep its logs to what matters.
log.level = process.env.STRATO_LOG_LEVEL ?? 'error';

export const HEARTBEAT_S = 0.3;

export async function makePki(dir: string, hosts: string[]): Promise<void> {
  await run(MAKE_CERTS, ['--dir', dir, '--ca']);
  await run(MAKE_CERTS, ['--dir', dir, '--name', 'conductor', '--ip', '127.0.0.1', '--dns', 'localhost']);
  for (const h of hosts) await run(MAKE_CERTS, ['--dir', dir, '--name', h, '--ip', '127.0.0.1']);
}

export function bearer(token: string): Interceptor {
  return (options, next) =>
    new InterceptingCall(next(options), {
      start(md, listener, n) {
        md.set('authorization', `Bearer ${token}`);
        n(md, listener);
      },
    });
}

export async function apiClients(address: string, caFile: string, token: string) {
  const proto = toGrpcObject<Proto>(await loadProtoPackage());
  const opts = {
    credentials: credentials.createSsl(await readFile(caFile)),
    interceptors: token ? [bearer(token)] : [],
    defaultDeadlineMs: 10_000,
    // The conductor's certificate names it `conductor` (and 127.0.0.1).
    channelOptions: { 'grpc.ssl_target_name_override': 'conductor' },
  };
  return {
    identity: connect(proto.strato.identity.v1.Identity, address, opts),
    images: connect(proto.strato.image.v1.Images, address, opts),
    flavors: connect(proto.strato.compute.v1.Flavors, address, opts),
    servers: connect(proto.strato.compute.v1.Servers, address, opts),
    hosts: connect(proto.strato.host.v1.Hosts, address, opts),
    networks: connect(proto.strato.network.v1.Networks, address, opts),
    subnets: connect(proto.strato.network.v1.Subnets, address, opts),
    ports: connect(proto.strato.network.v1.Ports, address, opts),
    securityGroups: connect(proto.strato.network.v1.SecurityGroups, address, opts),
  };
}
export type Api = Awaited<ReturnType<typeof apiClients>>;

export function closeApi(api: Api): void {
  for (const c of Object.values(api)) c.close();
}

export async function login(address: string, caFile: string, username: string, password: string): Promise<Api> {
  const anon = await apiClients(address, caFile, '');
  try {
    const res = await anon.identity.Login({ username, password, project: '' });
    return await apiClients(address, caFile, res.token);
  } finally {
    closeApi(anon);
  }
}

/** A qcow2 of `virtualMiB` made by qemu-img, uploaded as an active image. */
export async function uploadImage(api: Api, dir: string, name: string, isPublic: boolean, virtualMiB = 16) {
  const file = join(dir, `${name}.qcow2`);
  await run('qemu-img', ['create', '-f', 'qcow2', file, `${virtualMiB}M`]);
  const img = await api.images.CreateImage({ name, diskFormat: 'qcow2', public: isPublic });
  const data = await readFile(file);
  return api.images.UploadImage([{ imageId: img.id, data }]);
}

export interface Env {
  dir: string;
  tls: string;
  conductor: Conductor;
  config: Partial<ConductorConfig>;
  admin: Api;
  agents: FakeAgent[];
  apiAddress: string;
  registryAddress: string;
  startAgent(hostId: string, o?: Partial<FakeAgentOptions>): Promise<FakeAgent>;
  /** Stops the conductor and starts it again on the same data dir (same ports). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startEnv(hostNames: string[], config: Partial<ConductorConfig> = {}): Promise<Env> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-conductor-test-'));
  const tls = join(dir, 'tls');
  const agents: FakeAgent[] = [];
  let conductor: Conductor | undefined;
  let admin: Api | undefined;
  try {
    await makePki(tls, [...hostNames, 'impostor']);
    const [apiPort, regPort] = [await freePort(), await freePort()];
    const cfg: Partial<ConductorConfig> = {
      dataDir: join(dir, 'data'),
      listen: `127.0.0.1:${apiPort}`,
      registryListen: `127.0.0.1:${regPort}`,
      tlsDir: tls,
      heartbeatIntervalS: HEARTBEAT_S,
      downTimeS: 3,
      acpiTimeoutS: 1,
      shutdownGraceS: 1,
      ...config,
    };
    conductor = await startConductor(cfg);
    const apiAddress = `127.0.0.1:${conductor.publicPort}`;
    const registryAddress = `127.0.0.1:${conductor.registryPort}`;
    const password = (await readFile(conductor.adminPasswordFile, 'utf8')).trim();
    admin = await login(apiAddress, join(tls, 'ca.crt'), 'admin', password);
    const env: Env = {
      dir,
      tls,
      conductor,
      config: cfg,
      admin,
      agents,
      apiAddress,
      registryAddress,
      async startAgent(hostId, o = {}) {
        const a = await FakeAgent.start({
          hostId,
          tlsDir: tls,
          registry: registryAddress,
          heartbeatIntervalMs: HEARTBEAT_S * 1000,
          ...o,
        });
        agents.push(a);
        return a;
      },
      async restart() {
        await env.conductor.stop();
        env.conductor = await startConductor(cfg);
      },
      async close() {
        for (const a of agents) await a.stop().catch(() => {});
        closeApi(env.admin);
        await env.conductor.stop().catch(() => {});
        await rm(dir, { recursive: true, force: true });
      },
    };
    return env;
  } catch (err) {
    for (const a of agents) await a.stop().catch(() => {});
    if (admin) closeApi(admin);
    await conductor?.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Polls GetServer until `done` holds (or fails after `timeoutMs` with the last state). */
export async function waitServer(
  api: Api,
  ref: string,
  done: (s: Server__Output) => boolean,
  timeoutMs = 10_000,
): Promise<Server__Output> {
  const until = Date.now() + timeoutMs;
  let last: Server__Output | undefined;
  while (Date.now() < until) {
    last = await api.servers.GetServer({ server: ref });
    if (done(last)) return last;
    await sleep(50);
  }
  throw new Error(`server ${ref} did not reach the expected state; last: ${JSON.stringify(last)}`);
}

export const settled = (s: Server__Output) => s.taskState === '' && s.vmState !== 'BUILD';

export async function waitFor<T>(what: string, f: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await f();
    if (v !== undefined) return v;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}
