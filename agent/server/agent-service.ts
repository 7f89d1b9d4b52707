// strato.agent.v1.Agent over the instance manager: a thin adapter. It checks
// that the caller is the conductor (client certificate CN), converts messages,
// and lets the error model carry failures.
import { StratoError } from '../../common/errors.ts';
import type { AgentHandlers } from '../../common/gen/strato/agent/v1/Agent.ts';
import type { CallContext, Implementation } from '../../common/grpc/handlers.ts';
import type { InstanceManager } from '../compute/instance-manager.ts';
import { spawnRequestFromProto } from './from-proto.ts';

export const CONDUCTOR_CN = 'conductor';

/** Only the conductor may command an agent: another agent's certificate is signed by the same CA. */
export function requireConductor(ctx: CallContext, expected = CONDUCTOR_CN): void {
  const peer = ctx.peer();
  if (peer?.commonName !== expected) {
    throw new StratoError(
      'PERMISSION_DENIED',
      'PEER_NOT_CONDUCTOR',
      `only the conductor may call the agent (peer certificate CN ${JSON.stringify(peer?.commonName ?? '')})`,
    );
  }
}

const volumesUnimplemented = (): StratoError =>
  new StratoError('UNIMPLEMENTED', 'VOLUMES_UNSUPPORTED', 'this agent cannot attach volumes yet');

export function agentService(manager: InstanceManager, conductorCn = CONDUCTOR_CN): Implementation<AgentHandlers> {
  return {
    async SpawnInstance(req, ctx) {
      requireConductor(ctx, conductorCn);
      if (req.bootVolume || req.volumes.length > 0) throw volumesUnimplemented();
      return manager.spawn(spawnRequestFromProto(req));
    },
    async DeleteInstance(req, ctx) {
      requireConductor(ctx, conductorCn);
      await manager.delete(req.instanceId);
      return {};
    },
    async InstanceAction(req, ctx) {
      requireConductor(ctx, conductorCn);
      return manager.action(req.instanceId, req.action, { hard: req.hard, acpiTimeoutS: req.acpiTimeoutS });
    },
    async GetInstance(req, ctx) {
      requireConductor(ctx, conductorCn);
      return manager.status(req.instanceId);
    },
    async ListInstances(_req, ctx) {
      requireConductor(ctx, conductorCn);
      return { instances: await manager.list() };
    },
    async GetConsoleLog(req, ctx) {
      requireConductor(ctx, conductorCn);
      return { lines: await manager.consoleLog(req.instanceId, req.lines) };
    },
    // Volumes on the compute host arrive with the block-storage work; until then the
    // contract's answer for a feature this agent lacks.
    async AttachVolume(_req, ctx) {
      requireConductor(ctx, conductorCn);
      throw volumesUnimplemented();
    },
    async DetachVolume(_req, ctx) {
      requireConductor(ctx, conductorCn);
      throw volumesUnimplemented();
    },
    async RefreshVolumeSize(_req, ctx) {
      requireConductor(ctx, conductorCn);
      throw volumesUnimplemented();
    },
  };
}
