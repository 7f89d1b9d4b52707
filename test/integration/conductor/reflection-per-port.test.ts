// Each port's reflection and health speak only for what that port serves: the
// conductor's public API (TLS), the conductor's registry (mutual TLS) and the
// agent (mutual TLS), all real processes, called as grpcurl would. The public
// port must not advertise (or describe) the internal Agent, AgentNetwork and
// Registry services.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type ChannelCredentials, type Client, type ClientDuplexStream, credentials } from '@grpc/grpc-js';
import { removeScratchDir, scratchDir } from '../../harness/scratch-dir.ts';
import { type AgentProcess, startAgentProcess } from '../agent/agent-harness.ts';
import { HealthCtor, ReflectionCtor } from '../grpc/helpers.ts';
import { type ChildEnv, startChildEnv } from './child-env.ts';

const HOST = `refl-${randomUUID().slice(0, 8)}`;

const PUBLIC = [
  'strato.compute.v1.Flavors',
  'strato.compute.v1.KeyPairs',
  'strato.compute.v1.ServerConsoles',
  'strato.compute.v1.ServerMoves',
  'strato.compute.v1.ServerVolumes',
  'strato.compute.v1.Servers',
  'strato.host.v1.HostCertificates',
  'strato.host.v1.Hosts',
  'strato.identity.v1.Identity',
  'strato.identity.v1.Quotas',
  'strato.image.v1.Images',
  'strato.network.v1.FloatingIps',
  'strato.network.v1.Networks',
  'strato.network.v1.Ports',
  'strato.network.v1.Routers',
  'strato.network.v1.SecurityGroups',
  'strato.network.v1.Subnets',
  'strato.volume.v1.VolumeSnapshots',
  'strato.volume.v1.Volumes',
];
const REGISTRY = ['strato.host.v1.Registry'];
const AGENT = ['strato.agent.v1.Agent', 'strato.agent.v1.AgentNetwork'];

interface ReflectionResponse {
  listServicesResponse?: { service: { name: string }[] };
  fileDescriptorResponse?: { fileDescriptorProto: Buffer[] };
  errorResponse?: { errorCode: number; errorMessage: string };
}
interface ReflectionClient extends Client {
  ServerReflectionInfo(): ClientDuplexStream<
    { listServices?: string; fileContainingSymbol?: string },
    ReflectionResponse
  >;
}
interface HealthClient extends Client {
  Check(
    req: { service: string },
    cb: (err: (Error & { code?: number }) | null, res?: { status: string }) => void,
  ): void;
}

/** What a port says through reflection and health. */
class Port {
  private readonly reflection: ReflectionClient;
  private readonly health: HealthClient;

  constructor(address: string, creds: ChannelCredentials) {
    this.reflection = new (ReflectionCtor())(address, creds) as ReflectionClient;
    this.health = new (HealthCtor())(address, creds) as HealthClient;
  }

  private ask(req: { listServices?: string; fileContainingSymbol?: string }): Promise<ReflectionResponse> {
    const stream = this.reflection.ServerReflectionInfo();
    return new Promise<ReflectionResponse>((resolve, reject) => {
      stream.on('data', (res: ReflectionResponse) => {
        resolve(res);
        stream.end();
      });
      stream.on('error', reject);
      stream.write(req);
    });
  }

  async services(): Promise<string[]> {
    const res = await this.ask({ listServices: '*' });
    return (res.listServicesResponse?.service ?? []).map((s) => s.name).sort();
  }

  /** Whether reflection describes the file that declares `symbol`. */
  async describes(symbol: string): Promise<boolean> {
    const res = await this.ask({ fileContainingSymbol: symbol });
    return (res.fileDescriptorResponse?.fileDescriptorProto.length ?? 0) > 0;
  }

  /** The health status of `name`, or 'NOT_FOUND' for a service the port does not know. */
  status(name: string): Promise<string> {
    return new Promise((resolve, reject) =>
      this.health.Check({ service: name }, (err, res) => {
        if (err?.code === 5) resolve('NOT_FOUND');
        else if (err) reject(err);
        else resolve(res!.status);
      }),
    );
  }

  close(): void {
    this.reflection.close();
    this.health.close();
  }
}

describe('reflection and health per port', () => {
  let env: ChildEnv | undefined;
  let agent: AgentProcess | undefined;
  let agentDir: string | undefined;
  const ports: Port[] = [];

  async function mtls(name: string): Promise<ChannelCredentials> {
    const [ca, key, cert] = await Promise.all(
      ['ca.crt', `${name}.key`, `${name}.crt`].map((f) => readFile(join(env!.tls, f))),
    );
    return credentials.createSsl(ca!, key!, cert!);
  }
  function port(address: string, creds: ChannelCredentials): Port {
    const p = new Port(address, creds);
    ports.push(p);
    return p;
  }

  before(async () => {
    env = await startChildEnv({ hosts: [HOST] });
    agentDir = await scratchDir('strato-reflection-agent-', { traversable: true });
    agent = await startAgentProcess({
      hostId: HOST,
      stateDir: join(agentDir, 'state'),
      tlsDir: env.tls,
      conductor: env.registryAddress,
      logFile: join(agentDir, 'agent.log'),
      // It shares this machine's libvirtd: never let it take other tests' domains for orphans.
      extraArgs: ['--orphan-grace-s', '86400'],
    });
  });

  after(async () => {
    for (const p of ports) p.close();
    if (agent && agent.child.exitCode === null) {
      agent.child.kill('SIGTERM');
      await agent.exited;
    }
    await removeScratchDir(agentDir);
    await env?.close();
  });

  it('the public API port lists and describes only the public services', async () => {
    const ca = await readFile(join(env!.tls, 'ca.crt'));
    const p = port(env!.address, credentials.createSsl(ca));
    assert.deepEqual(await p.services(), PUBLIC);
    for (const s of [...AGENT]) assert.equal(await p.describes(s), false, `${s} is described`);
    assert.equal(await p.describes('strato.compute.v1.Servers'), true);
    assert.equal(await p.status(''), 'SERVING');
    for (const s of PUBLIC) assert.equal(await p.status(s), 'SERVING', s);
    for (const s of [...REGISTRY, ...AGENT]) assert.equal(await p.status(s), 'NOT_FOUND', s);
  });

  it('the registry port lists only the registry', async () => {
    const p = port(env!.registryAddress, await mtls(HOST));
    assert.deepEqual(await p.services(), REGISTRY);
    for (const s of AGENT) assert.equal(await p.describes(s), false, `${s} is described`);
    assert.equal(await p.status('strato.host.v1.Registry'), 'SERVING');
    for (const s of [...PUBLIC, ...AGENT]) assert.equal(await p.status(s), 'NOT_FOUND', s);
  });

  it("the agent's port lists only the agent's services", async () => {
    const p = port(`127.0.0.1:${agent!.port}`, await mtls('conductor'));
    assert.deepEqual(await p.services(), AGENT);
    for (const s of [...PUBLIC, ...REGISTRY]) assert.equal(await p.describes(s), false, `${s} is described`);
    for (const s of AGENT) assert.equal(await p.status(s), 'SERVING', s);
    for (const s of [...PUBLIC, ...REGISTRY]) assert.equal(await p.status(s), 'NOT_FOUND', s);
  });
});
