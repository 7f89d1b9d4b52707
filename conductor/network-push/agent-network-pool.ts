// Clients to the agents' strato.agent.v1.AgentNetwork service, one mutual-TLS
// channel per host, checked against the host id as AgentPool does for
// strato.agent.v1.Agent (grpc-js shares the TCP connection between the two
// when target and options match). Every call is idempotent on the agent, so
// the shared client's retries of UNAVAILABLE/ABORTED are safe. A host that does
// not answer has its channel released (release()): a channel kept for it would
// reconnect every 2 s for ever and hold ~1 MiB of TLS and HTTP/2 state; the
// next call dials afresh.
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as AgentNetworkProto } from '../../common/gen/agent_network.ts';
import type { AgentNetworkClient } from '../../common/gen/strato/agent/v1/AgentNetwork.ts';
import type { ApplyNetworkStateRequest } from '../../common/gen/strato/agent/v1/ApplyNetworkStateRequest.ts';
import type { ApplyNetworkStateResponse__Output } from '../../common/gen/strato/agent/v1/ApplyNetworkStateResponse.ts';
import type { PortSpec } from '../../common/gen/strato/agent/v1/PortSpec.ts';
import { connect, type StratoClient } from '../../common/grpc/client.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { AgentTarget } from '../agents/agent-api.ts';
import { agentChannelOptions } from '../agents/host-clients.ts';

export interface AgentNetworkCallOptions {
  signal?: AbortSignal;
}

/** The plain-data view of AgentNetwork that the pusher and compute use. */
export interface AgentNetworkApi {
  apply(req: ApplyNetworkStateRequest, o?: AgentNetworkCallOptions): Promise<ApplyNetworkStateResponse__Output>;
  attachPort(instanceId: string, port: PortSpec, o?: AgentNetworkCallOptions): Promise<void>;
  detachPort(instanceId: string, portId: string, o?: AgentNetworkCallOptions): Promise<void>;
}

export interface AgentNetworkDirectory {
  forHost(host: AgentTarget): AgentNetworkApi;
  /** Drops what is held for the host (it did not answer); calls already running finish. */
  release?(hostId: string): void;
  close(): void;
}

export interface AgentNetworkDeadlines {
  /** A whole host's network apply (links, dnsmasq, rules). @default 60_000 */
  applyMs: number;
  /** A NIC hot-plug or unplug. @default 60_000 */
  plugMs: number;
}

export interface AgentNetworkPoolOptions {
  ctor: AgentNetworkProto['strato']['agent']['v1']['AgentNetwork'];
  credentials: ChannelCredentials;
  deadlines?: Partial<AgentNetworkDeadlines>;
  log?: Logger;
}

type Client = StratoClient<AgentNetworkClient>;

export class AgentNetworkPool implements AgentNetworkDirectory {
  readonly deadlines: AgentNetworkDeadlines;
  private readonly o: AgentNetworkPoolOptions;
  /** Host id → its client and the address it dials. */
  private readonly clients = new Map<string, { address: string; client: Client }>();
  /** How long a client replaced by a new address may still serve running calls. */
  private readonly closeGraceMs: number;
  private readonly log: Logger;

  constructor(o: AgentNetworkPoolOptions) {
    this.o = o;
    this.deadlines = { applyMs: 60_000, plugMs: 60_000, ...o.deadlines };
    this.log = (o.log ?? rootLog).child({ component: 'agent-network-pool' });
    this.closeGraceMs = Math.max(this.deadlines.applyMs, this.deadlines.plugMs) + 10_000;
  }

  /** The host's client; a host that registered at another address gets a fresh one. */
  private client(host: AgentTarget): Client {
    const held = this.clients.get(host.id);
    if (held?.address === host.address) return held.client;
    if (held) setTimeout(() => held.client.close(), this.closeGraceMs).unref();
    const client = connect(this.o.ctor, host.address, {
      credentials: this.o.credentials,
      defaultDeadlineMs: this.deadlines.applyMs,
      channelOptions: agentChannelOptions(host.id),
      onRetry: (e) => this.log.info({ hostId: host.id, ...e }, 'agent network call retried'),
    });
    this.clients.set(host.id, { address: host.address, client });
    return client;
  }

  /** Number of hosts with a client held (for tests and the bench). */
  get held(): number {
    return this.clients.size;
  }

  release(hostId: string): void {
    const held = this.clients.get(hostId);
    if (!held) return;
    this.clients.delete(hostId);
    // grpc-js lets calls already started finish; queued ones fail UNAVAILABLE, as they would.
    held.client.close();
  }

  forHost(host: AgentTarget): AgentNetworkApi {
    const d = this.deadlines;
    return {
      apply: (req, o) => this.client(host).ApplyNetworkState(req, { timeoutMs: d.applyMs, signal: o?.signal }),
      attachPort: async (instanceId, port, o) => {
        await this.client(host).AttachPort({ instanceId, port }, { timeoutMs: d.plugMs, signal: o?.signal });
      },
      detachPort: async (instanceId, portId, o) => {
        await this.client(host).DetachPort({ instanceId, portId }, { timeoutMs: d.plugMs, signal: o?.signal });
      },
    };
  }

  close(): void {
    for (const { client } of this.clients.values()) client.close();
    this.clients.clear();
  }
}
