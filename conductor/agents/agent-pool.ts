// Clients to the agents: one mutual-TLS channel per host (host-clients.ts), each
// call with its own deadline.
// Retries: the shared client retries UNAVAILABLE/ABORTED, which is safe here
// because every agent call is idempotent.
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as AgentProto } from '../../common/gen/agent.ts';
import type { AgentClient } from '../../common/gen/strato/agent/v1/Agent.ts';
import { connect, type StratoClient } from '../../common/grpc/client.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { AgentApi, AgentDirectory, AgentTarget } from './agent-api.ts';
import { agentChannelOptions, HostClients } from './host-clients.ts';
import type { MoveAgentApi, MoveAgentDirectory } from './move-agent-api.ts';

export interface AgentDeadlines {
  /** Image pull + overlay + config drive + define + start. @default 300_000 */
  spawnMs: number;
  /** @default 120_000 */
  deleteMs: number;
  /** Added to the ACPI timeout of stop/reboot, and the whole budget of other actions. @default 60_000 */
  actionMs: number;
  /** Console log and other quick reads. @default 15_000 */
  readMs: number;
  /** A whole root disk export (pause, copy, flatten, stream). @default 1_800_000 */
  exportMs?: number;
}

export const DEFAULT_AGENT_DEADLINES: Readonly<AgentDeadlines> = {
  spawnMs: 300_000,
  deleteMs: 120_000,
  actionMs: 60_000,
  readMs: 15_000,
};

export interface AgentPoolOptions {
  agentCtor: AgentProto['strato']['agent']['v1']['Agent'];
  credentials: ChannelCredentials;
  deadlines?: Partial<AgentDeadlines>;
  log?: Logger;
}

type Client = StratoClient<AgentClient>;

export class AgentPool implements AgentDirectory, MoveAgentDirectory {
  readonly deadlines: AgentDeadlines;
  private readonly clients: HostClients<Client>;
  private readonly o: AgentPoolOptions;
  private readonly log: Logger;

  constructor(o: AgentPoolOptions) {
    this.o = o;
    this.deadlines = { ...DEFAULT_AGENT_DEADLINES, ...o.deadlines };
    this.log = (o.log ?? rootLog).child({ component: 'agent-pool' });
    this.clients = new HostClients(this.deadlines.spawnMs + 10_000);
  }

  private client(host: AgentTarget): Client {
    return this.clients.get(host, () =>
      connect(this.o.agentCtor, host.address, {
        credentials: this.o.credentials,
        defaultDeadlineMs: this.deadlines.readMs,
        channelOptions: agentChannelOptions(host.id),
        onRetry: (e) => this.log.info({ hostId: host.id, ...e }, 'agent call retried'),
      }),
    );
  }

  forHost(host: AgentTarget): AgentApi {
    const d = this.deadlines;
    return {
      spawn: (req, o) => this.client(host).SpawnInstance(req, { timeoutMs: d.spawnMs, signal: o?.signal }),
      delete: async (req, o) => {
        await this.client(host).DeleteInstance(req, { timeoutMs: d.deleteMs, signal: o?.signal });
      },
      action: (req, o) =>
        this.client(host).InstanceAction(req, {
          timeoutMs: (req.acpiTimeoutS ?? 0) * 1000 + d.actionMs,
          signal: o?.signal,
        }),
      consoleLog: async (instanceId, lines, o) =>
        (await this.client(host).GetConsoleLog({ instanceId, lines }, { timeoutMs: d.readMs, signal: o?.signal }))
          .lines,
      exportRootDisk: (instanceId, o) =>
        this.client(host).ExportRootDisk({ instanceId }, { timeoutMs: d.exportMs ?? 1_800_000, signal: o?.signal }),
    };
  }

  movesFor(host: AgentTarget): MoveAgentApi {
    const d = this.deadlines;
    return {
      // Fetching the image and making the disks, like a spawn.
      prepareIncoming: (migrationId, spec, o) =>
        this.client(host).PrepareIncoming({ migrationId, spec }, { timeoutMs: d.spawnMs, signal: o?.signal }),
      startMigration: (req, o) =>
        this.client(host).StartMigration(
          {
            instanceId: req.instanceId,
            migrationId: req.migrationId,
            live: req.live,
            destination: req.destination,
            bandwidthMibS: req.bandwidthMibS,
            timeoutS: req.timeoutS,
          },
          { timeoutMs: d.actionMs, signal: o?.signal },
        ),
      getMigration: (instanceId, migrationId, o) =>
        this.client(host).GetMigration({ instanceId, migrationId }, { timeoutMs: d.readMs, signal: o?.signal }),
      abortMigration: (instanceId, migrationId, o) =>
        this.client(host).AbortMigration({ instanceId, migrationId }, { timeoutMs: d.actionMs, signal: o?.signal }),
      resize: (instanceId, flavor, o) =>
        this.client(host).ResizeInstance({ instanceId, flavor }, { timeoutMs: d.actionMs, signal: o?.signal }),
      getInstance: (instanceId, o) =>
        this.client(host).GetInstance({ instanceId }, { timeoutMs: d.readMs, signal: o?.signal }),
    };
  }

  close(): void {
    this.clients.close();
  }
}
