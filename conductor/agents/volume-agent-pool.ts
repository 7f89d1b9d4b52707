// Clients for block storage's agent calls: a storage host's AgentStorage and the
// volume RPCs of a compute host's Agent, one mutual-TLS channel per host and
// service, checked against the host id as AgentPool does (grpc-js shares the
// TCP connection when target and options match). Every call is idempotent on the
// agent, so the shared client's retries of UNAVAILABLE/ABORTED are safe.
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as AgentProto } from '../../common/gen/agent.ts';
import type { ProtoGrpcType as AgentStorageProto } from '../../common/gen/agent_storage.ts';
import type { AgentClient } from '../../common/gen/strato/agent/v1/Agent.ts';
import type { AgentStorageClient } from '../../common/gen/strato/agent/v1/AgentStorage.ts';
import { connect, type StratoClient } from '../../common/grpc/client.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { AgentTarget } from './agent-api.ts';
import { agentChannelOptions, HostClients } from './host-clients.ts';
import type { ComputeVolumeApi, StorageAgentApi, VolumeAgents } from './volume-agent-api.ts';

export interface VolumeAgentDeadlines {
  /** A create, which may copy a whole image. @default 3_600_000 */
  createMs: number;
  /** Every other storage call (extend, delete with its wipe, snapshot, export). @default 600_000 */
  storageMs: number;
  /** A compute host's attach or size refresh. @default 120_000 */
  attachMs: number;
  /** Added to a detach's own timeout. @default 30_000 */
  detachSlackMs: number;
}

export const DEFAULT_VOLUME_AGENT_DEADLINES: Readonly<VolumeAgentDeadlines> = {
  createMs: 3_600_000,
  storageMs: 600_000,
  attachMs: 120_000,
  detachSlackMs: 30_000,
};

export interface VolumeAgentPoolOptions {
  storageCtor: AgentStorageProto['strato']['agent']['v1']['AgentStorage'];
  agentCtor: AgentProto['strato']['agent']['v1']['Agent'];
  credentials: ChannelCredentials;
  deadlines?: Partial<VolumeAgentDeadlines>;
  log?: Logger;
}

export class VolumeAgentPool implements VolumeAgents {
  readonly deadlines: VolumeAgentDeadlines;
  private readonly o: VolumeAgentPoolOptions;
  private readonly storageClients: HostClients<StratoClient<AgentStorageClient>>;
  private readonly computeClients: HostClients<StratoClient<AgentClient>>;
  private readonly log: Logger;

  constructor(o: VolumeAgentPoolOptions) {
    this.o = o;
    this.deadlines = { ...DEFAULT_VOLUME_AGENT_DEADLINES, ...o.deadlines };
    this.log = (o.log ?? rootLog).child({ component: 'volume-agent-pool' });
    this.storageClients = new HostClients(this.deadlines.createMs + 10_000);
    this.computeClients = new HostClients(this.deadlines.attachMs + 10_000);
  }

  private connect<C extends StratoClient<AgentStorageClient> | StratoClient<AgentClient>>(
    ctor: VolumeAgentPoolOptions['storageCtor'] | VolumeAgentPoolOptions['agentCtor'],
    host: AgentTarget,
  ): C {
    return connect(ctor as VolumeAgentPoolOptions['agentCtor'], host.address, {
      credentials: this.o.credentials,
      defaultDeadlineMs: this.deadlines.storageMs,
      channelOptions: agentChannelOptions(host.id),
      onRetry: (e) => this.log.info({ hostId: host.id, ...e }, 'volume agent call retried'),
    }) as unknown as C;
  }

  storage(host: AgentTarget): StorageAgentApi {
    const c = () => this.storageClients.get(host, () => this.connect(this.o.storageCtor, host));
    const d = this.deadlines;
    const at = (timeoutMs: number, signal?: AbortSignal) => ({ timeoutMs, signal });
    return {
      createVolume: (req, o) => c().CreateVolume(req, at(d.createMs, o?.signal)),
      getVolume: (volumeId, o) => c().GetVolume({ volumeId }, at(d.storageMs, o?.signal)),
      extendVolume: (volumeId, sizeBytes, o) =>
        c().ExtendVolume({ volumeId, sizeBytes: String(sizeBytes) }, at(d.storageMs, o?.signal)),
      deleteVolume: async (volumeId, o) => {
        await c().DeleteVolume({ volumeId }, at(d.storageMs, o?.signal));
      },
      createSnapshot: async (snapshotId, volumeId, o) => {
        await c().CreateSnapshot({ snapshotId, volumeId }, at(d.storageMs, o?.signal));
      },
      deleteSnapshot: async (snapshotId, o) => {
        await c().DeleteSnapshot({ snapshotId }, at(d.storageMs, o?.signal));
      },
      exportVolume: (req, o) => c().ExportVolume(req, at(d.storageMs, o?.signal)),
      unexportVolume: async (volumeId, o) => {
        await c().UnexportVolume({ volumeId }, at(d.storageMs, o?.signal));
      },
      reconcileExports: (exports, o) => c().ReconcileExports({ exports }, at(d.storageMs, o?.signal)),
    };
  }

  compute(host: AgentTarget): ComputeVolumeApi {
    const c = () => this.computeClients.get(host, () => this.connect(this.o.agentCtor, host));
    const d = this.deadlines;
    return {
      attachVolume: async (instanceId, volume, o) => {
        await c().AttachVolume({ instanceId, volume }, { timeoutMs: d.attachMs, signal: o?.signal });
      },
      detachVolume: async (instanceId, volumeId, timeoutS, o) => {
        await c().DetachVolume(
          { instanceId, volumeId, timeoutS },
          { timeoutMs: timeoutS * 1000 + d.detachSlackMs, signal: o?.signal },
        );
      },
      refreshVolumeSize: async (instanceId, volumeId, sizeBytes, o) => {
        await c().RefreshVolumeSize(
          { instanceId, volumeId, sizeBytes: String(sizeBytes) },
          { timeoutMs: d.attachMs, signal: o?.signal },
        );
      },
    };
  }

  close(): void {
    this.storageClients.close();
    this.computeClients.close();
  }
}
