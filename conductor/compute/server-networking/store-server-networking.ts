// ServerNetworking, the seam the compute workflows use (compute/nics.ts), over
// the conductor's networking model (conductor/network), the network pusher and
// the agents' AgentNetwork clients: one piece per role, each doing one thing.
import { type Logger, log as rootLog } from '../../../common/log.ts';
import type { Networking } from '../../network/networking.ts';
import type { AgentNetworkDirectory } from '../../network-push/agent-network-pool.ts';
import type { NetworkPusher } from '../../network-push/network-pusher.ts';
import type { ServerNetworking } from '../nics.ts';
import { pusherHostPush } from './host-push.ts';
import { nicPorts } from './nic-ports.ts';
import { nicRequests } from './nic-requests.ts';
import { agentPortHotplug } from './port-hotplug.ts';
import { nicSpawnParts } from './spawn-parts.ts';

export interface ServerNetworkingOptions {
  networking: Networking;
  pusher: Pick<NetworkPusher, 'sync'>;
  agents: AgentNetworkDirectory;
  log?: Logger;
}

export function storeServerNetworking(o: ServerNetworkingOptions): ServerNetworking {
  const log = (o.log ?? rootLog).child({ component: 'server-networking' });
  return {
    ...nicRequests(o.networking),
    ...nicPorts(o.networking, log),
    ...pusherHostPush(o.pusher, log),
    ...nicSpawnParts(o.networking, log),
    ...agentPortHotplug(o.agents),
  };
}
