// Hot-plug and unplug of one NIC, asked of the guest's host's agent
// (strato.agent.v1.AgentNetwork AttachPort / DetachPort, both idempotent).
import type { AgentNetworkDirectory } from '../../network-push/agent-network-pool.ts';
import type { PortHotplug } from '../nics.ts';

export function agentPortHotplug(agents: AgentNetworkDirectory): PortHotplug {
  return {
    attach: (host, instanceId, port, signal) => agents.forHost(host).attachPort(instanceId, port, { signal }),
    detach: (host, instanceId, portId, signal) => agents.forHost(host).detachPort(instanceId, portId, { signal }),
  };
}
