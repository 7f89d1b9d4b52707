// strato.agent.v1.AgentNetwork over the agent's network state and instance manager:
// a thin adapter. Only the conductor may call it (same peer check as Agent); a push
// meant for another host is refused; messages become plain data (network-from-proto.ts,
// from-proto.ts), and the driver's refusals of impossible input are reported as
// STATE_INVALID (the proto's contract) with the driver's own reason kept in the details.
import { isStratoError, StratoError } from '../../common/errors.ts';
import type { AgentNetworkHandlers } from '../../common/gen/strato/agent/v1/AgentNetwork.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { InstanceManager } from '../compute/instance-manager.ts';
import type { NetworkState } from '../network/network-state.ts';
import { CONDUCTOR_CN, requireConductor } from './agent-service.ts';
import { portFromProto } from './from-proto.ts';
import { hostNetworkFromProto } from './network-from-proto.ts';

export interface AgentNetworkServiceOptions {
  hostId: string;
  state: NetworkState;
  manager: InstanceManager;
  conductorCn?: string;
}

function parseGeneration(value: string): bigint {
  if (!/^\d{1,20}$/.test(value)) {
    throw new StratoError('INVALID_ARGUMENT', 'STATE_INVALID', `generation ${JSON.stringify(value)} is not a uint64`);
  }
  return BigInt(value);
}

/** The driver's INVALID_ARGUMENT (bad CIDR, VNI, duplicate tap…) as the proto names it. */
function asStateInvalid(err: unknown): unknown {
  if (!isStratoError(err, 'INVALID_ARGUMENT') || err.reason === 'STATE_INVALID') return err;
  return new StratoError('INVALID_ARGUMENT', 'STATE_INVALID', err.message, {
    cause: err,
    details: { ...err.details, driverReason: err.reason },
  });
}

export function agentNetworkService(o: AgentNetworkServiceOptions): Implementation<AgentNetworkHandlers> {
  const cn = o.conductorCn ?? CONDUCTOR_CN;
  return {
    async ApplyNetworkState(req, ctx) {
      requireConductor(ctx, cn);
      if (req.hostId !== o.hostId) {
        throw new StratoError(
          'PERMISSION_DENIED',
          'HOST_MISMATCH',
          `network state for host ${JSON.stringify(req.hostId)} sent to host ${JSON.stringify(o.hostId)}`,
          { details: { hostId: req.hostId } },
        );
      }
      const generation = parseGeneration(req.generation);
      const state = hostNetworkFromProto(req.state);
      try {
        const outcome = await o.state.apply(generation, state);
        return { appliedGeneration: String(outcome.generation), steps: outcome.steps };
      } catch (err) {
        throw asStateInvalid(err);
      }
    },
    async AttachPort(req, ctx) {
      requireConductor(ctx, cn);
      await o.manager.attachPort(req.instanceId, portFromProto(req.port));
      return {};
    },
    async DetachPort(req, ctx) {
      requireConductor(ctx, cn);
      await o.manager.detachPort(req.instanceId, req.portId);
      return {};
    },
  };
}
