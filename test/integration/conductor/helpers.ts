// A real conductor on loopback (in-process through startConductor, with a temp
// data dir and certificates from scripts/make-certs), clients of its public API
// logged in as admin, and FAKE agents (test/harness/fake-agent.ts) registered
// over mutual TLS. Everything made here is removed by `close()`.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as FlavorProto } from '../../../common/gen/flavor.ts';
import type { ProtoGrpcType as HostProto } from '../../../common/gen/host.ts';
import type { ProtoGrpcType as IdentityProto } from '../../../common/gen/identity.ts';
import type { ProtoGrpcType as ImageProto } from '../../../common/gen/image.ts';
import type { ProtoGrpcType as KeyPairProto } from '../../../common/gen/keypair.ts';
import type { ProtoGrpcType as NetworkProto } from '../../../common/gen/network.ts';
import type { ProtoGrpcType as QuotaProto } from '../../../common/gen/quota.ts';
import type { ProtoGrpcType as RouterProto } from '../../../common/gen/router.ts';
import type { ProtoGrpcType as ServerProto } from '../../../common/gen/server.ts';
import type { ProtoGrpcType as ServerConsoleProto } from '../../../common/gen/server_console.ts';
import type { AttachConsoleRequest } from '../../../common/gen/strato/compute/v1/AttachConsoleRequest.ts';
import type { ServerConsolesClient } from '../../../common/gen/strato/compute/v1/ServerConsoles.ts';
import type { ProtoGrpcType as ServerMoveProto } from '../../../common/gen/server_move.ts';
import type { ProtoGrpcType as VolumeProto } from '../../../common/gen/volume.ts';
import type { Server__Output } from '../../../common/gen/strato/compute/v1/Server.ts';
import { connect, type StratoClient } from '../../../common/grpc/client.ts';
import { fromCallError } from '../../../common/grpc/status.ts';
import { log } from '../../../common/log.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import type { ConductorConfig } from '../../../conductor/config.ts';
import { type Conductor, startConductor } from '../../../conductor/main.ts';
import { bearerInterceptor } from '../../harness/auth.ts';
import { makeTestPki } from '../../harness/certs.ts';
import { run } from '../../harness/exec.ts';
import { FakeAgent, type FakeAgentOptions } from '../../harness/fake-agent.ts';
import { freePort } from '../../harness/free-port.ts';
import { waitFor } from '../../harness/wait.ts';

type Proto = FlavorProto &
  HostProto &
  IdentityProto &
  ImageProto &
  KeyPairProto &
  NetworkProto &
  QuotaProto &
  RouterProto &
  ServerProto &
  ServerConsoleProto &
  ServerMoveProto &
  VolumeProto;

// The conductor runs in this process: keep its logs to what matters.
log.level = process.env.STRATO_LOG_LEVEL ?? 'error';

export const HEARTBEAT_S = 0.3;

export async function apiClients(address: string, caFile: string, token: string) {
  const proto = toGrpcObject<Proto>(await loadProtoPackage());
  const opts = {
    credentials: credentials.createSsl(await readFile(caFile)),
    interceptors: token ? [bearerInterceptor(token)] : [],
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
    hostCertificates: connect(proto.strato.host.v1.HostCertificates, address, opts),
    networks: connect(proto.strato.network.v1.Networks, address, opts),
    subnets: connect(proto.strato.network.v1.Subnets, address, opts),
    ports: connect(proto.strato.network.v1.Ports, address, opts),
    securityGroups: connect(proto.strato.network.v1.SecurityGroups, address, opts),
    routers: connect(proto.strato.network.v1.Routers, address, opts),
    floatingIps: connect(proto.strato.network.v1.FloatingIps, address, opts),
    volumes: connect(proto.strato.volume.v1.Volumes, address, opts),
    volumeSnapshots: connect(proto.strato.volume.v1.VolumeSnapshots, address, opts),
    serverVolumes: connect(proto.strato.compute.v1.ServerVolumes, address, opts),
    serverMoves: connect(proto.strato.compute.v1.ServerMoves, address, opts),
    quotas: connect(proto.strato.identity.v1.Quotas, address, opts),
    keyPairs: connect(proto.strato.compute.v1.KeyPairs, address, opts),
    serverConsoles: consoleClient(connect(proto.strato.compute.v1.ServerConsoles, address, opts)),
  };
}

/**
 * ServerConsoles, whose AttachConsole is a bidirectional stream: here a call that
 * sends the messages given, half-closes, and resolves with all the guest printed.
 */
function consoleClient(c: StratoClient<ServerConsolesClient>) {
  return {
    close: () => c.close(),
    AttachConsole: (messages: AttachConsoleRequest[]) =>
      new Promise<Buffer>((resolve, reject) => {
        const call = c.raw.AttachConsole({ deadline: Date.now() + 10_000 });
        const out: Buffer[] = [];
        call.on('data', (m: { data: Buffer }) => out.push(m.data));
        call.on('end', () => resolve(Buffer.concat(out)));
        call.on('error', (err) => reject(fromCallError(err)));
        for (const m of messages) call.write(m);
        call.end();
      }),
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

export async function startEnv(hostNames: string[], config: Partial<ConductorConfig> = {}): Promise<Env> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-conductor-test-'));
  const tls = join(dir, 'tls');
  const agents: FakeAgent[] = [];
  let conductor: Conductor | undefined;
  let admin: Api | undefined;
  try {
    await makeTestPki(tls, [...hostNames, 'impostor']);
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
  return waitFor(() => api.servers.GetServer({ server: ref }), done, {
    what: `server ${ref} to reach the expected state`,
    timeoutMs,
    intervalMs: 50,
  });
}

export const settled = (s: Server__Output) => s.taskState === '' && s.vmState !== 'BUILD';
