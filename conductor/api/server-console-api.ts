// strato.compute.v1.ServerConsoles: a thin adapter. The caller's token and the
// policy (member) are checked by the server's hook before this runs, like every
// public call; the server is looked up in the caller's project (another
// project's is NOT_FOUND), and the session is relayed to its host's agent
// (conductor/agents/agent-console.ts). The first message names the server; the
// bytes of every message are typed; what the guest prints comes back.
import { failedPrecondition, invalidArgument } from '../../common/errors.ts';
import type { AttachConsoleRequest__Output } from '../../common/gen/strato/compute/v1/AttachConsoleRequest.ts';
import type { ServerConsolesHandlers } from '../../common/gen/strato/compute/v1/ServerConsoles.ts';
import type { CallContext, Implementation } from '../../common/grpc/handlers.ts';
import type { AgentTarget } from '../agents/agent-api.ts';
import type { AgentConsoles } from '../agents/agent-console.ts';
import type { Identity } from '../identity/identity.ts';
import type { Principal } from '../identity/model.ts';
import { authenticate } from './auth.ts';

/** What the adapter needs of compute: the server in the caller's project, and where hosts are. */
export interface ConsoleServers {
  /** NOT_FOUND when the principal's project has no such server. */
  get(ref: string, p: Principal): Promise<{ id: string; name: string; host?: string; vmState: string }>;
}

export interface ConsoleHosts {
  get(id: string): Promise<AgentTarget | undefined>;
}

export function serverConsolesApi(
  servers: ConsoleServers,
  hosts: ConsoleHosts,
  consoles: AgentConsoles,
  identity: Identity,
): Implementation<ServerConsolesHandlers> {
  return {
    async *AttachConsole(requests, ctx: CallContext) {
      const p = await authenticate(ctx, identity);
      const it = (requests as AsyncIterable<AttachConsoleRequest__Output>)[Symbol.asyncIterator]();
      const first = await it.next();
      if (first.done) return;
      const ref = first.value.server;
      if (ref === '') {
        throw invalidArgument('SERVER_REQUIRED', 'the first message must name the server', {
          details: { field: 'server' },
        });
      }
      const rec = await servers.get(ref, p);
      const host = rec.host ? await hosts.get(rec.host) : undefined;
      if (!host) {
        throw failedPrecondition('NOT_ON_HOST', `server ${rec.name} is not on a host (vm_state ${rec.vmState})`, {
          details: { server: rec.id },
        });
      }
      ctx.log.info({ instanceId: rec.id, hostId: host.id }, 'console session');
      const firstData = first.value.data;
      async function* typed(): AsyncGenerator<Uint8Array> {
        if (firstData.length > 0) yield firstData;
        for (let n = await it.next(); !n.done; n = await it.next()) {
          if (n.value.data.length > 0) yield n.value.data;
        }
      }
      for await (const data of consoles.attach(host, rec.id, typed(), ctx.signal)) yield { data };
    },
  };
}
