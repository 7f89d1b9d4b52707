// One gRPC client per agent host, shared by the pools of the agent's services
// (strato.agent.v1.Agent, AgentNetwork). Keyed by host id and address, so a host
// that re-registers elsewhere gets a fresh channel; the old one is closed only
// after the longest call that may still run on it.
import type { ChannelOptions } from '@grpc/grpc-js';
import { clientMessageOptions, MESSAGE_LIMITS } from '../../common/grpc/message-limits.ts';
import type { AgentTarget } from './agent-api.ts';

/**
 * The agent's certificate is checked against the host id, not the address, so a
 * conductor only talks to the host it means. A restarted agent comes back within
 * seconds; grpc's default reconnect backoff (up to 120 s) would keep its channel
 * failing long after. Messages are bounded as the agent's port bounds them.
 */
export function agentChannelOptions(hostId: string): ChannelOptions {
  return {
    'grpc.ssl_target_name_override': hostId,
    'grpc.default_authority': hostId,
    'grpc.initial_reconnect_backoff_ms': 500,
    'grpc.max_reconnect_backoff_ms': 2000,
    ...clientMessageOptions(MESSAGE_LIMITS.agent),
  };
}

export class HostClients<C extends { close(): void }> {
  private readonly clients = new Map<string, C>();
  private readonly closeGraceMs: number;

  /** @param closeGraceMs how long a replaced client may still serve running calls */
  constructor(closeGraceMs: number) {
    this.closeGraceMs = closeGraceMs;
  }

  get(host: AgentTarget, make: () => C): C {
    const key = `${host.id}@${host.address}`;
    let c = this.clients.get(key);
    if (c) return c;
    for (const [k, old] of this.clients) {
      if (k.startsWith(`${host.id}@`)) {
        this.clients.delete(k);
        setTimeout(() => old.close(), this.closeGraceMs).unref();
      }
    }
    c = make();
    this.clients.set(key, c);
    return c;
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}
