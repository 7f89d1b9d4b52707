// Clients to the agents: one mutual-TLS channel per host (keyed by id and
// address, so a host that re-registers elsewhere gets a fresh channel), each call
// with its own deadline. The channel checks the agent's certificate against the
// host id (not the address), so a conductor only talks to the host it means.
// Retries: the shared client retries UNAVAILABLE/ABORTED, which is safe here
// because every agent call is idempotent.
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as AgentProto } from '../../common/gen/agent.ts';
import type { AgentClient } from '../../common/gen/strato/agent/v1/Agent.ts';
import { connect, type StratoClient } from '../../common/grpc/client.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { AgentApi, AgentDirectory, AgentTarget } from './agent-api.ts';

export interface AgentDeadlines {
  /** Image pull + overlay + config drive + define + start. @default 300_000 */
  spawnMs: number;
  /** @default 120_000 */
  deleteMs: number;
  /** Added to the ACPI timeout of stop/reboot, and the whole budget of other actions. @default 60_000 */
  actionMs: number;
  /** Console log and other quick reads. @default 15_000 */
  readMs: number;
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

export class AgentPool implements AgentDirectory {
  readonly deadlines: AgentDeadlines;
  private readonly clients = new Map<string, Client>();
  private readonly o: AgentPoolOptions;
  private readonly log: Logger;

  constructor(o: AgentPoolOptions) {
    this.o = o;
    this.deadlines = { ...DEFAULT_AGENT_DEADLINES, ...o.deadlines };
    this.log = (o.log ?? rootLog).child({ component: 'agent-pool' });
  }

  private client(host: AgentTarget): Client {
    const key = `${host.id}@${host.address}`;
    let c = this.clients.get(key);
    if (!c) {
      for (const [k, old] of this.clients) {
        if (k.startsWith(`${host.id}@`)) {
          this.clients.delete(k);
          // Calls may still run (or wait to retry) on the old channel; closing it
          // under them would fail them, so it goes once the longest call is over.
          setTimeout(() => old.close(), this.deadlines.spawnMs + 10_000).unref();
        }
      }
      c = connect(this.o.agentCtor, host.address, {
        credentials: this.o.credentials,
        defaultDeadlineMs: this.deadlines.readMs,
        channelOptions: {
          'grpc.ssl_target_name_override': host.id,
          'grpc.default_authority': host.id,
          // A restarted agent comes back within seconds; grpc's default reconnect
          // backoff (up to 120 s) would keep its channel failing long after.
          'grpc.initial_reconnect_backoff_ms': 500,
          'grpc.max_reconnect_backoff_ms': 2000,
        },
        onRetry: (e) => this.log.info({ hostId: host.id, ...e }, 'agent call retried'),
      });
      this.clients.set(key, c);
    }
    return c;
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
    };
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}
