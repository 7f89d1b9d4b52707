// A FAKE strato agent, for the conductor's integration tests only: it serves
// strato.agent.v1.Agent over mutual TLS and calls the conductor's Registry
// (register, heartbeats, instance reports, image pulls) exactly as the real
// agent does, but keeps its "domains" in a Map instead of libvirt. It is
// stateful (spawn, actions and delete move power states; spawn is idempotent;
// delete of an absent instance succeeds) and can be told to misbehave: fail
// every spawn with a given error, corrupt its image cache, be slow, go silent.
// It also serves strato.agent.v1.AgentNetwork as a recorder (every pushed
// state, every NIC plugged or unplugged, in `calls` order with the spawns), so
// tests can assert what the conductor pushed and when; with
// `networkUnimplemented` it does not serve it, like an older agent.
// The real agent is tested end to end against real guests elsewhere.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { failedPrecondition, notFound, StratoError } from '../../common/errors.ts';
import type { ProtoGrpcType as AgentProto } from '../../common/gen/agent.ts';
import type { ProtoGrpcType as HostProto } from '../../common/gen/host.ts';
import type { DesiredHostNetwork } from '../../agent/network/network-driver.ts';
import { hostNetworkFromProto } from '../../agent/server/network-from-proto.ts';
import type { ProtoGrpcType as AgentNetworkProto } from '../../common/gen/agent_network.ts';
import type { AgentHandlers } from '../../common/gen/strato/agent/v1/Agent.ts';
import type { AgentNetworkHandlers } from '../../common/gen/strato/agent/v1/AgentNetwork.ts';
import type { PortSpec__Output } from '../../common/gen/strato/agent/v1/PortSpec.ts';
import type { SpawnInstanceRequest__Output } from '../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import type { RegistryClient } from '../../common/gen/strato/host/v1/Registry.ts';
import { connect, type StratoClient } from '../../common/grpc/client.ts';
import { mtlsChannelCredentials, mtlsServerCredentials } from '../../common/grpc/credentials.ts';
import type { CallContext, Implementation } from '../../common/grpc/handlers.ts';
import { StratoServer } from '../../common/grpc/server.ts';
import { loadProtoPackage, toGrpcObject } from '../../common/proto.ts';

export type FakePower = 'running' | 'shutdown' | 'paused' | 'suspended';

export interface FakeInstance {
  spec: SpawnInstanceRequest__Output;
  power: FakePower;
}

export interface FakeAgentOptions {
  hostId: string;
  /** Holds ca.crt and <certName>.crt/.key (scripts/make-certs). */
  tlsDir: string;
  /** The certificate to present. @default hostId (another name tests identity checks) */
  certName?: string;
  /** The conductor's registry, host:port. */
  registry: string;
  /** @default { vcpus: 4, ramMib: 8192, diskGib: 100 } */
  capacity?: { vcpus: number; ramMib: number; diskGib: number };
  /** @default 300 */
  heartbeatIntervalMs?: number;
  /** How long a spawn takes after the image is in the cache. @default 50 */
  spawnDelayMs?: number;
  /** Registered as the host's VXLAN underlay address. @default '' */
  underlayIp?: string;
  /** Do not serve AgentNetwork (calls answer UNIMPLEMENTED). @default false */
  networkUnimplemented?: boolean;
}

export interface AppliedState {
  generation: number;
  state: DesiredHostNetwork;
}

const isPower = (p: string): p is FakePower => ['running', 'shutdown', 'paused', 'suspended'].includes(p);

export class FakeAgent {
  readonly hostId: string;
  readonly instances = new Map<string, FakeInstance>();
  /** Every spawn fails with this while set. */
  failSpawn: StratoError | undefined;
  /** Cached images read back with a wrong checksum (a corrupted cache). */
  corruptCache = false;
  spawnDelayMs: number;
  readonly calls: string[] = [];
  /** sha256 of each image pulled (the cache). */
  readonly cache = new Set<string>();
  pulls = 0;
  /** Every ApplyNetworkState accepted, in order. */
  readonly applied: AppliedState[] = [];
  /** NICs plugged per instance (AttachPort adds, DetachPort removes). */
  readonly plugged = new Map<string, PortSpec__Output[]>();
  /** Every AttachPort / DetachPort fails with this while set. */
  failPlug: StratoError | undefined;
  private server!: StratoServer;
  private registryClient!: StratoClient<RegistryClient>;
  private timer: NodeJS.Timeout | undefined;
  private readonly o: FakeAgentOptions;
  port = 0;

  private constructor(o: FakeAgentOptions) {
    this.o = o;
    this.hostId = o.hostId;
    this.spawnDelayMs = o.spawnDelayMs ?? 50;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Serves, then registers (throws what Register throws, e.g. HOST_IDENTITY_MISMATCH) and starts heartbeats. */
  static async start(o: FakeAgentOptions): Promise<FakeAgent> {
    const a = new FakeAgent(o);
    const name = o.certName ?? o.hostId;
    const files = {
      caFile: join(o.tlsDir, 'ca.crt'),
      certFile: join(o.tlsDir, `${name}.crt`),
      keyFile: join(o.tlsDir, `${name}.key`),
    };
    const pkg = await loadProtoPackage();
    const proto = toGrpcObject<AgentProto & AgentNetworkProto & HostProto>(pkg);
    a.server = new StratoServer({ log: silentLog() }).addService<AgentHandlers>(
      proto.strato.agent.v1.Agent.service,
      a.handlers(),
    );
    if (!o.networkUnimplemented) {
      a.server.addService<AgentNetworkHandlers>(proto.strato.agent.v1.AgentNetwork.service, a.networkHandlers());
    }
    a.port = await a.server.listen('127.0.0.1:0', await mtlsServerCredentials(files));
    a.registryClient = connect(proto.strato.host.v1.Registry, o.registry, {
      credentials: await mtlsChannelCredentials(files),
      defaultDeadlineMs: 5000,
      // Heartbeats repeat anyway; and a retry timer firing after stop() would
      // throw "Channel has been shut down" from a timer.
      retry: false,
      channelOptions: { 'grpc.ssl_target_name_override': 'conductor' },
    });
    try {
      await a.register();
    } catch (err) {
      await a.stop();
      throw err;
    }
    a.resumeHeartbeats();
    return a;
  }

  async register(): Promise<string[]> {
    const cap = this.o.capacity ?? { vcpus: 4, ramMib: 8192, diskGib: 100 };
    const res = await this.registryClient.Register({
      hostId: this.hostId,
      address: this.address,
      capacity: cap,
      virtType: 'qemu',
      agentVersion: 'fake-0',
      instances: this.reports(),
      underlayIp: this.o.underlayIp ?? '',
    });
    return res.expectedInstanceIds;
  }

  /** The last state pushed (empty before any push). */
  get lastState(): DesiredHostNetwork {
    return this.applied.at(-1)?.state ?? { networks: [], ports: [] };
  }

  /** Last heartbeat's answer. */
  expected: string[] = [];

  async heartbeat(): Promise<void> {
    const res = await this.registryClient.Heartbeat({ hostId: this.hostId, instances: this.reports() });
    this.expected = res.expectedInstanceIds;
  }

  pauseHeartbeats(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  resumeHeartbeats(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.heartbeat().catch(() => {});
    }, this.o.heartbeatIntervalMs ?? 300);
  }

  /** The guest powers itself off (or crashes): the host notices and pushes a report, as libvirt events do. */
  async guestPowersOff(id: string): Promise<void> {
    const inst = this.instances.get(id);
    if (!inst) throw new Error(`fake agent: no instance ${id}`);
    inst.power = 'shutdown';
    await this.report(id, 'stopped/shutdown');
  }

  /** The domain disappears behind the agent's back (only the heartbeat will tell). */
  vanish(id: string): void {
    this.instances.delete(id);
  }

  async report(id: string, event: string): Promise<void> {
    const inst = this.instances.get(id);
    await this.registryClient.ReportInstance({
      hostId: this.hostId,
      instance: { instanceId: id, powerState: inst?.power ?? 'absent', event, observedAt: new Date().toISOString() },
    });
  }

  async stop(): Promise<void> {
    this.pauseHeartbeats();
    this.registryClient?.close();
    await this.server?.shutdown(200);
  }

  private reports() {
    const at = new Date().toISOString();
    return [...this.instances.entries()].map(([instanceId, i]) => ({
      instanceId,
      powerState: i.power,
      event: '',
      observedAt: at,
    }));
  }

  private status(id: string) {
    const inst = this.instances.get(id);
    if (!inst) throw notFound('INSTANCE_NOT_FOUND', `no instance ${id} on ${this.hostId}`);
    return { instanceId: id, powerState: inst.power, domainName: `strato-${id}` };
  }

  private checkCaller(ctx: CallContext): void {
    const cn = ctx.peer()?.commonName;
    if (cn !== 'conductor')
      throw new StratoError('PERMISSION_DENIED', 'NOT_CONDUCTOR', `caller ${cn} is not the conductor`);
  }

  /** Streams the image from the registry; retries while the conductor is unreachable (it may be restarting). */
  private async fetch(imageId: string): Promise<{ got: string; expected: string }> {
    for (let attempt = 1; ; attempt++) {
      const hash = createHash('sha256');
      let expected = '';
      try {
        for await (const msg of this.registryClient.PullImage({ imageId, hostId: this.hostId })) {
          if (msg.sha256) expected = msg.sha256;
          hash.update(msg.data);
        }
        return { got: hash.digest('hex'), expected };
      } catch (err) {
        if (!(err instanceof StratoError) || err.code !== 'UNAVAILABLE' || attempt >= 50) throw err;
        await sleep(200);
      }
    }
  }

  private async pull(image: { id: string; sha256: string }): Promise<void> {
    if (!this.cache.has(image.sha256)) {
      const { got, expected } = await this.fetch(image.id);
      this.pulls++;
      if (got !== expected || got !== image.sha256) {
        throw new StratoError('DATA_LOSS', 'IMAGE_CHECKSUM_MISMATCH', `pulled image ${image.id} hashes to ${got}`);
      }
      this.cache.add(got);
    }
    if (this.corruptCache) {
      throw new StratoError(
        'DATA_LOSS',
        'IMAGE_CHECKSUM_MISMATCH',
        `cached image ${image.id} no longer matches sha256 ${image.sha256}`,
      );
    }
  }

  /** AgentNetwork as a recorder with the real contract's rules: stale generations are ignored, plugs are idempotent. */
  private networkHandlers(): Implementation<AgentNetworkHandlers> {
    const caller = (ctx: CallContext) => {
      if (ctx.peer()?.commonName !== 'conductor') {
        throw new StratoError('PERMISSION_DENIED', 'NOT_CONDUCTOR', 'only the conductor may call AgentNetwork');
      }
    };
    return {
      ApplyNetworkState: async (req, ctx) => {
        caller(ctx);
        if (req.hostId !== this.hostId) {
          throw new StratoError('PERMISSION_DENIED', 'WRONG_HOST', `this is ${this.hostId}, not ${req.hostId}`);
        }
        const generation = Number(req.generation);
        const last = this.applied.at(-1)?.generation ?? 0;
        if (generation < last) return { appliedGeneration: String(last), steps: 0 };
        // The real agent's edge converter: what the conductor pushes must read as the agent reads it.
        const state = hostNetworkFromProto(req.state);
        this.applied.push({ generation, state });
        this.calls.push(`apply ${generation}`);
        return { appliedGeneration: String(generation), steps: 0 };
      },
      AttachPort: async (req, ctx) => {
        caller(ctx);
        if (this.failPlug) throw this.failPlug;
        if (!this.instances.has(req.instanceId)) throw notFound('INSTANCE_NOT_FOUND', `no instance ${req.instanceId}`);
        const port = req.port;
        if (!port) throw new StratoError('INVALID_ARGUMENT', 'PORT_INVALID', 'port is required');
        this.calls.push(`attach ${req.instanceId} ${port.portId}`);
        const nics = this.plugged.get(req.instanceId) ?? [];
        if (!nics.some((n) => n.portId === port.portId)) this.plugged.set(req.instanceId, [...nics, port]);
        return {};
      },
      DetachPort: async (req, ctx) => {
        caller(ctx);
        if (this.failPlug) throw this.failPlug;
        this.calls.push(`detach ${req.instanceId} ${req.portId}`);
        const nics = this.plugged.get(req.instanceId);
        if (nics)
          this.plugged.set(
            req.instanceId,
            nics.filter((n) => n.portId !== req.portId),
          );
        return {};
      },
    };
  }

  private handlers() {
    const impl: Implementation<AgentHandlers> = {
      SpawnInstance: async (req, ctx) => {
        this.checkCaller(ctx);
        this.calls.push(`spawn ${req.instanceId}`);
        if (this.instances.has(req.instanceId)) return this.status(req.instanceId);
        if (this.failSpawn) throw this.failSpawn;
        if (!req.image || !req.flavor)
          throw new StratoError('INVALID_ARGUMENT', 'SPEC_INVALID', 'image and flavor are required');
        await this.pull(req.image);
        await sleep(this.spawnDelayMs);
        this.instances.set(req.instanceId, { spec: req, power: 'running' });
        this.plugged.set(req.instanceId, [...req.ports]);
        setImmediate(() => this.report(req.instanceId, 'started/booted').catch(() => {}));
        return this.status(req.instanceId);
      },
      DeleteInstance: async (req, ctx) => {
        this.checkCaller(ctx);
        this.calls.push(`delete ${req.instanceId}`);
        this.instances.delete(req.instanceId);
        this.plugged.delete(req.instanceId);
        return {};
      },
      InstanceAction: async (req, ctx) => {
        this.checkCaller(ctx);
        this.calls.push(`${req.action}${req.hard ? ' hard' : ''} ${req.instanceId}`);
        const inst = this.instances.get(req.instanceId);
        if (!inst) throw notFound('INSTANCE_NOT_FOUND', `no instance ${req.instanceId}`);
        const next = transition(inst.power, req.action, req.hard);
        if (typeof next === 'string' && !isPower(next)) throw failedPrecondition('INVALID_POWER_STATE', next);
        inst.power = next as FakePower;
        setImmediate(() => this.report(req.instanceId, `${req.action}`).catch(() => {}));
        return this.status(req.instanceId);
      },
      GetInstance: async (req, ctx) => {
        this.checkCaller(ctx);
        return this.status(req.instanceId);
      },
      ListInstances: async (_req, ctx) => {
        this.checkCaller(ctx);
        return { instances: [...this.instances.keys()].map((id) => this.status(id)) };
      },
      GetConsoleLog: async (req, ctx) => {
        this.checkCaller(ctx);
        const inst = this.instances.get(req.instanceId);
        if (!inst) throw notFound('INSTANCE_NOT_FOUND', `no instance ${req.instanceId}`);
        const lines = [`fake console of ${inst.spec.name}`, `user-data: ${inst.spec.userData.toString('utf8')}`];
        return { lines: lines.slice(-Math.max(1, req.lines)) };
      },
      AttachVolume: async () => {
        throw new StratoError('UNIMPLEMENTED', 'VOLUMES_UNSUPPORTED', 'the fake agent attaches no volumes');
      },
      DetachVolume: async () => {
        throw new StratoError('UNIMPLEMENTED', 'VOLUMES_UNSUPPORTED', 'the fake agent attaches no volumes');
      },
      RefreshVolumeSize: async () => {
        throw new StratoError('UNIMPLEMENTED', 'VOLUMES_UNSUPPORTED', 'the fake agent attaches no volumes');
      },
    };
    return impl;
  }
}

/** The power state after an action, or why it is refused. */
function transition(from: FakePower, action: string, hard: boolean): FakePower | string {
  switch (action) {
    case 'start':
      return from === 'shutdown' || from === 'running' ? 'running' : `cannot start from ${from}`;
    case 'stop':
      return 'shutdown';
    case 'reboot':
      return hard || from === 'running' ? 'running' : `cannot soft-reboot from ${from}`;
    case 'pause':
      return from === 'running' || from === 'paused' ? 'paused' : `cannot pause from ${from}`;
    case 'unpause':
      return from === 'paused' || from === 'running' ? 'running' : `cannot unpause from ${from}`;
    case 'suspend':
      return from === 'running' || from === 'suspended' ? 'suspended' : `cannot suspend from ${from}`;
    case 'resume':
      return from === 'suspended' || from === 'running' ? 'running' : `cannot resume from ${from}`;
    default:
      return `unknown action ${action}`;
  }
}

// The fake's own call logs would drown the conductor's in test output.
const silentLog = () => pino({ level: 'silent' });
