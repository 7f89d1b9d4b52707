// A strato agent on a FAKE host, for the conductor's integration tests. Everything the
// conductor talks to is the real agent: strato.agent.v1.Agent (agent-service.ts) and
// AgentNetwork (agent-network-service.ts) over mutual TLS, the InstanceManager with its
// spawn, adopt, power actions and hot-plug, the NetworkState that gates spawns on
// wired ports, the ImageCache pulling and checking images through the real
// ConductorLink, and the Registrar (register, heartbeats, instance reports). Only the
// host is fake (test/harness/fake-host.ts: the fake hypervisor and network driver, which
// pass their conformance suites). What is this file's own: the fault switches (a
// hypervisor that refuses, a corrupted image cache, a slow disk, a cut link to the
// conductor, a domain that vanishes, a guest that powers off, an older agent without
// AgentNetwork, a compute host that refuses volume calls, a hypervisor that becomes
// unreachable) and read-only views for the tests (calls, pushed states, instances).
// With `storage`, the host also has the storage role, and that part is REAL: the file
// backend in the host's state directory and the iSCSI target manager on the tgtd the
// test gives (test/integration/storage/tgt-lab.ts runs a private one), served as
// AgentStorage and reported by the registrar.
import { join } from 'node:path';
import { pino } from 'pino';
import { AgentHealth } from '../../agent/agent-status.ts';
import { InstanceManager } from '../../agent/compute/instance-manager.ts';
import { fakePowerState } from '../../agent/hypervisor/fake/fake-domain.ts';
import type { PowerState } from '../../agent/hypervisor/hypervisor.ts';
import { ImageCache } from '../../agent/images/image-cache.ts';
import type { DesiredHostNetwork } from '../../agent/network/network-driver.ts';
import { NetworkState } from '../../agent/network/network-state.ts';
import { Registrar } from '../../agent/registry/registrar.ts';
import { RegistryImageSource } from '../../agent/registry/registry-image-source.ts';
import { agentNetworkService } from '../../agent/server/agent-network-service.ts';
import { agentService } from '../../agent/server/agent-service.ts';
import { agentStorageService } from '../../agent/server/agent-storage-service.ts';
import { infoToProto } from '../../agent/server/storage-from-proto.ts';
import { BackedVolumeDriver } from '../../agent/storage/backed-volume-driver.ts';
import { FileBackend } from '../../agent/storage/file/file-backend.ts';
import { TgtTargetManager } from '../../agent/storage/iscsi/target-manager.ts';
import type { Tgtadm } from '../../agent/storage/iscsi/tgtadm.ts';
import { StorageService } from '../../agent/storage/storage-service.ts';
import type { StratoError } from '../../common/errors.ts';
import type { ProtoGrpcType as AgentProto } from '../../common/gen/agent.ts';
import type { ProtoGrpcType as AgentNetworkProto } from '../../common/gen/agent_network.ts';
import type { ProtoGrpcType as AgentStorageProto } from '../../common/gen/agent_storage.ts';
import type { ProtoGrpcType as HostProto } from '../../common/gen/host.ts';
import type { AgentHandlers } from '../../common/gen/strato/agent/v1/Agent.ts';
import type { AgentNetworkHandlers } from '../../common/gen/strato/agent/v1/AgentNetwork.ts';
import type { AgentStorageHandlers } from '../../common/gen/strato/agent/v1/AgentStorage.ts';
import type { SpawnInstanceRequest__Output } from '../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import { mtlsChannelCredentials, mtlsServerCredentials } from '../../common/grpc/credentials.ts';
import { StratoServer } from '../../common/grpc/server.ts';
import { loadProtoPackage, toGrpcObject } from '../../common/proto.ts';
import { packageVersion } from '../../common/version.ts';
import { CorruptibleSource, corruptibleStore, SeverableLink } from './fake-agent-faults.ts';
import { FakeHost } from './fake-host.ts';

export interface FakeInstance {
  /** The SpawnInstance request the domain was made from. */
  spec: SpawnInstanceRequest__Output;
  power: PowerState;
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
  /** Heartbeat period until the conductor names one, and the longest retry pause. @default 300 */
  heartbeatIntervalMs?: number;
  /** How long writing a spawn's overlay takes (a slow disk). @default 50 */
  spawnDelayMs?: number;
  /** Registered as the host's VXLAN underlay address. @default '' */
  underlayIp?: string;
  /**
   * An agent from before AgentNetwork: the service is not served (calls answer
   * UNIMPLEMENTED) and spawns do not wait for their ports' wiring. @default false
   */
  networkUnimplemented?: boolean;
  /** The host of an agent that stopped with `keepHost`: this agent is its restart. @default a new host */
  host?: FakeHost;
  /** The storage role, on a real tgtd (its control port's tgtadm, portal and network namespace). */
  storage?: FakeAgentStorage;
  /** Registers the network role too (routers may be placed here). @default false */
  networkRole?: boolean;
  /** Operator bridges on the (new) host, with their MTU: flat and external networks need them. @default none */
  physicalBridges?: Record<string, number>;
}

export interface FakeAgentStorage {
  tgtadm: Tgtadm;
  portal: { address: string; port: number };
  netns: string;
  /** What volumes may take in all. @default 20 GiB */
  capacityBytes?: number;
}

/** A state the conductor pushed and the agent applied. */
export interface AppliedState {
  generation: number;
  state: DesiredHostNetwork;
}

const DEFAULT_CAPACITY = { vcpus: 4, ramMib: 8192, diskGib: 100 };
const EMPTY_STATE: DesiredHostNetwork = { networks: [], ports: [] };

// The agent's own logs would drown the conductor's in test output.
const silentLog = () => pino({ level: 'silent' });

export class FakeAgent {
  readonly hostId: string;
  readonly host: FakeHost;
  /** How long a spawn's overlay takes, from now on. */
  spawnDelayMs: number;
  /** How long a root disk export's flatten takes, from now on (a big disk). */
  exportDelayMs = 0;
  /** Every call the conductor made, in order: `spawn <id>`, `apply <generation>`, `attach <id> <port>`… */
  readonly calls: string[] = [];
  /** Every network state applied, in order. */
  readonly applied: AppliedState[] = [];
  /**
   * Fault switch: while set, the image bytes this host holds or fetches are corrupt (a
   * cached copy rots before each spawn uses it, a fetch arrives damaged). The real
   * cache's checks catch both (DATA_LOSS, IMAGE_CHECKSUM_MISMATCH).
   */
  corruptCache = false;
  /** Fault switch: while set, the compute host answers every AttachVolume / DetachVolume with it. */
  failVolumeCalls: StratoError | undefined;
  /** The storage role's service (with `storage`). */
  storageService: StorageService | undefined;
  port = 0;
  /** When this agent started, as it registers. */
  readonly startedAt = new Date().toISOString();
  private readonly o: FakeAgentOptions;
  private readonly log = silentLog();
  private link!: SeverableLink;
  private source!: CorruptibleSource;
  private images!: ImageCache;
  private manager!: InstanceManager;
  private network!: NetworkState;
  private server: StratoServer | undefined;
  private registrar: Registrar | undefined;
  private registration: { resolve(ids: string[]): void; reject(err: unknown): void } | undefined;
  private health!: AgentHealth;

  private constructor(o: FakeAgentOptions, host: FakeHost) {
    this.o = o;
    this.hostId = o.hostId;
    this.host = host;
    this.spawnDelayMs = o.spawnDelayMs ?? 50;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Serves, then registers (throws what Register throws, e.g. HOST_IDENTITY_MISMATCH) and heartbeats. */
  static async start(o: FakeAgentOptions): Promise<FakeAgent> {
    const a = new FakeAgent(o, o.host ?? (await FakeHost.create(o.underlayIp, o.physicalBridges)));
    try {
      await a.open();
    } catch (err) {
      await a.stop();
      throw err;
    }
    return a;
  }

  // ---- fault switches ----

  /** Every spawn fails with this while set: the hypervisor refuses to define a domain. */
  set failSpawn(err: StratoError | undefined) {
    this.host.hv.failWhile('define', err);
  }

  /** Every NIC plug and unplug fails with this while set: the hypervisor refuses. */
  set failPlug(err: StratoError | undefined) {
    this.host.hv.failWhile('attachPort', err);
    this.host.hv.failWhile('detachPort', err);
  }

  /** The conductor becomes unreachable for this agent: no heartbeats, no reports, no image pulls. */
  pauseHeartbeats(): void {
    this.link.severed = true;
  }

  resumeHeartbeats(): void {
    this.link.severed = false;
    this.registrar?.heartbeatNow();
  }

  /**
   * The link to the hypervisor is lost (true) or back (false), as the real agent hears it
   * from libvirt: it reports itself degraded and can no longer vouch for its guests.
   */
  set hypervisorUnreachable(down: boolean) {
    this.host.hv.emit(down ? 'disconnected' : 'reconnected');
    this.registrar?.heartbeatNow();
  }

  /** The guest powers itself off: libvirt's event reaches the agent, which reports it. */
  async guestPowersOff(id: string): Promise<void> {
    if (!this.host.hv.domains.has(id)) throw new Error(`fake agent: no instance ${id}`);
    this.host.hv.guestPowerOff(id);
  }

  /** The domain disappears behind the agent's back (no event: only a heartbeat will tell). */
  vanish(id: string): void {
    this.host.hv.domains.delete(id);
  }

  // ---- views ----

  /** The instances on the host (their domains), with the request each was spawned from. */
  get instances(): ReadonlyMap<string, FakeInstance> {
    const out = new Map<string, FakeInstance>();
    for (const [id, domain] of this.host.hv.domains) {
      const spec = this.host.spawnRequests.get(id);
      if (spec !== undefined) out.set(id, { spec, power: fakePowerState(domain) });
    }
    return out;
  }

  /** The NICs each domain has now (spawned with or hot-plugged). */
  get plugged(): ReadonlyMap<string, { portId: string; mac: string; tap: string }[]> {
    const out = new Map<string, { portId: string; mac: string; tap: string }[]>();
    for (const [id, d] of this.host.hv.domains) {
      out.set(
        id,
        d.spec.ports.map((p) => ({ portId: p.id, mac: p.mac, tap: p.tap })),
      );
    }
    return out;
  }

  /** The last network state applied (empty before any push). */
  get lastState(): DesiredHostNetwork {
    return this.network.state ?? EMPTY_STATE;
  }

  /** Images fetched from the conductor. */
  get pulls(): number {
    return this.images.stats.pulls;
  }

  // ---- lifecycle ----

  /** Registers again, as a restarted agent does; resolves with the instances the conductor expects. */
  async register(): Promise<string[]> {
    await this.registrar?.stop();
    const registered = new Promise<string[]>((resolve, reject) => {
      this.registration = { resolve, reject };
    });
    this.link.onRefused = (err) => this.registration?.reject(err);
    this.registrar = new Registrar({
      link: this.link,
      hostId: this.hostId,
      address: this.address,
      virtType: 'qemu',
      agentVersion: packageVersion(),
      startedAt: this.startedAt,
      selfReport: () => ({
        degradedReasons: this.health.degradedReasons,
        instancesKnown: this.health.libvirtConnected,
      }),
      underlayIp: this.o.underlayIp ?? '',
      capacity: async () => this.o.capacity ?? DEFAULT_CAPACITY,
      roles: ['compute', ...(this.storageService ? ['storage'] : []), ...(this.o.networkRole ? ['network'] : [])],
      ...(this.storageService ? { storage: async () => infoToProto(await this.storageService!.info()) } : {}),
      manager: this.manager,
      log: this.log,
      onExpected: (ids, source) => {
        if (source === 'register') this.registration?.resolve([...ids]);
      },
      defaultHeartbeatS: (this.o.heartbeatIntervalMs ?? 300) / 1000,
      retryInitialMs: 50,
      retryMaxMs: this.o.heartbeatIntervalMs ?? 300,
    });
    this.registrar.start();
    try {
      return await registered;
    } finally {
      this.registration = undefined;
      this.link.onRefused = undefined;
    }
  }

  /** Stops the agent; its host (domains, files) goes too unless `keepHost` (an agent restart follows). */
  async stop(options: { keepHost?: boolean } = {}): Promise<void> {
    await this.registrar?.stop();
    await this.server?.shutdown(200);
    this.manager?.close();
    this.link?.close();
    await this.network?.close();
    if (!options.keepHost) await this.host.remove();
  }

  private async open(): Promise<void> {
    const { o, host } = this;
    const name = o.certName ?? o.hostId;
    const files = {
      caFile: join(o.tlsDir, 'ca.crt'),
      certFile: join(o.tlsDir, `${name}.crt`),
      keyFile: join(o.tlsDir, `${name}.key`),
    };
    const proto = toGrpcObject<AgentProto & AgentNetworkProto & HostProto>(await loadProtoPackage());
    this.health = new AgentHealth(o.hostId, o.registry);
    this.health.watchHypervisor(host.hv);
    this.link = new SeverableLink({
      endpoints: [o.registry],
      credentials: await mtlsChannelCredentials(files),
      Registry: proto.strato.host.v1.Registry,
      log: this.log,
    });
    this.source = new CorruptibleSource(new RegistryImageSource(this.link, o.hostId));
    this.images = new ImageCache({ dir: join(host.stateDir, 'images'), source: this.source, log: this.log });
    await this.images.init();
    this.network = new NetworkState({
      driver: host.network,
      dir: join(host.stateDir, 'network'),
      linkExists: (tap) => host.linkExists(tap),
      log: this.log,
    });
    await this.network.restore();
    this.network.on('applied', (generation) => {
      this.calls.push(`apply ${generation}`);
      this.applied.push({ generation: Number(generation), state: this.lastState });
    });
    this.manager = new InstanceManager({
      hv: host.hv,
      images: corruptibleStore(this.images, this.source, () => this.corruptCache),
      disks: host.disks(() => this.spawnDelayMs),
      snapshotTools: host.snapshotTools(() => this.exportDelayMs),
      stateDir: host.stateDir,
      virtType: 'qemu',
      availabilityZone: 'nova',
      acpiTimeoutS: 5,
      // An agent from before AgentNetwork did not wait for wiring.
      wiring: o.networkUnimplemented ? { waitWired: async () => [] } : this.network,
      log: this.log,
    });
    this.server = new StratoServer({ log: this.log }).addService<AgentHandlers>(
      proto.strato.agent.v1.Agent.service,
      this.recordedAgentService(),
    );
    if (!o.networkUnimplemented) {
      this.server.addService<AgentNetworkHandlers>(
        proto.strato.agent.v1.AgentNetwork.service,
        this.recordedNetworkService(),
      );
    }
    if (o.storage) {
      this.storageService = await this.startStorage(o.storage);
      const storageProto = toGrpcObject<AgentStorageProto>(await loadProtoPackage()).strato.agent.v1.AgentStorage;
      this.server.addService<AgentStorageHandlers>(storageProto.service, agentStorageService(this.storageService));
    }
    this.port = await this.server.listen('127.0.0.1:0', await mtlsServerCredentials(files));
    await this.register();
  }

  /** The real storage role: volumes as files in the host's state directory, exported through `s`'s tgtd. */
  private async startStorage(s: FakeAgentStorage): Promise<StorageService> {
    const driver = new BackedVolumeDriver(
      new FileBackend({
        dir: join(this.host.stateDir, 'volumes'),
        wipe: 'zero',
        capacityBytes: s.capacityBytes ?? 20 * 1024 ** 3,
        log: this.log,
      }),
      this.log,
    );
    await driver.init();
    const exporter = new TgtTargetManager({ tgtadm: s.tgtadm, portal: s.portal, netns: s.netns, log: this.log });
    await exporter.init();
    return new StorageService({ driver, exporter, images: this.images, log: this.log });
  }

  /** The real Agent service; each call is noted in `calls` first. */
  private recordedAgentService() {
    const real = agentService(this.manager);
    const note = (call: string): number => this.calls.push(call);
    return {
      ...real,
      SpawnInstance: async (req, ctx) => {
        note(`spawn ${req.instanceId}`);
        this.host.spawnRequests.set(req.instanceId, req);
        return real.SpawnInstance(req, ctx);
      },
      DeleteInstance: async (req, ctx) => {
        note(`delete ${req.instanceId}`);
        return real.DeleteInstance(req, ctx);
      },
      ExportRootDisk: (req, ctx) => {
        note(`export-root-disk ${req.instanceId}`);
        return real.ExportRootDisk(req, ctx);
      },
      InstanceAction: async (req, ctx) => {
        note(`${req.action}${req.hard ? ' hard' : ''} ${req.instanceId}`);
        return real.InstanceAction(req, ctx);
      },
      AttachVolume: async (req, ctx) => {
        note(`attach-volume ${req.instanceId} ${req.volume?.volumeId ?? ''}`);
        if (this.failVolumeCalls) throw this.failVolumeCalls;
        return real.AttachVolume(req, ctx);
      },
      DetachVolume: async (req, ctx) => {
        note(`detach-volume ${req.instanceId} ${req.volumeId}`);
        if (this.failVolumeCalls) throw this.failVolumeCalls;
        return real.DetachVolume(req, ctx);
      },
    } satisfies ReturnType<typeof agentService>;
  }

  /** The real AgentNetwork service; plugs are noted in `calls` (applies are, once applied). */
  private recordedNetworkService() {
    const real = agentNetworkService({ hostId: this.hostId, state: this.network, manager: this.manager });
    return {
      ...real,
      AttachPort: async (req, ctx) => {
        this.calls.push(`attach ${req.instanceId} ${req.port?.portId ?? ''}`);
        return real.AttachPort(req, ctx);
      },
      DetachPort: async (req, ctx) => {
        this.calls.push(`detach ${req.instanceId} ${req.portId}`);
        return real.DetachPort(req, ctx);
      },
    } satisfies ReturnType<typeof agentNetworkService>;
  }
}
