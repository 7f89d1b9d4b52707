// strato.agent.v1.Agent over the instance manager: a thin adapter. It checks
// that the caller is the conductor (client certificate CN), converts messages,
// and lets the error model carry failures.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { StratoError } from '../../common/errors.ts';
import type { AgentHandlers } from '../../common/gen/strato/agent/v1/Agent.ts';
import type { CallContext, Implementation } from '../../common/grpc/handlers.ts';
import type { InstanceManager } from '../compute/instance-manager.ts';
import { byteCount, spawnRequestFromProto, volumeFromProto } from './from-proto.ts';

export const CONDUCTOR_CN = 'conductor';

/** ExportRootDisk's chunks: at most 1 MiB, as the contract says. */
const EXPORT_CHUNK_BYTES = 1024 * 1024;

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

export function agentService(manager: InstanceManager, conductorCn = CONDUCTOR_CN): Implementation<AgentHandlers> {
  return {
    async SpawnInstance(req, ctx) {
      requireConductor(ctx, conductorCn);
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
    async AttachVolume(req, ctx) {
      requireConductor(ctx, conductorCn);
      await manager.attachVolume(req.instanceId, volumeFromProto(req.volume));
      return {};
    },
    async DetachVolume(req, ctx) {
      requireConductor(ctx, conductorCn);
      await manager.detachVolume(req.instanceId, req.volumeId, req.timeoutS);
      return {};
    },
    async RefreshVolumeSize(req, ctx) {
      requireConductor(ctx, conductorCn);
      await manager.refreshVolumeSize(req.instanceId, req.volumeId, byteCount(req.sizeBytes, 'size_bytes'));
      return {};
    },
    // Moves: the contract is in agent.proto; the agent side is being built (issue 12).
    async PrepareIncoming(_req, ctx) {
      requireConductor(ctx, conductorCn);
      throw notYet('PrepareIncoming');
    },
    async StartMigration(_req, ctx) {
      requireConductor(ctx, conductorCn);
      throw notYet('StartMigration');
    },
    async GetMigration(_req, ctx) {
      requireConductor(ctx, conductorCn);
      throw notYet('GetMigration');
    },
    async AbortMigration(_req, ctx) {
      requireConductor(ctx, conductorCn);
      throw notYet('AbortMigration');
    },
    async ResizeInstance(_req, ctx) {
      requireConductor(ctx, conductorCn);
      throw notYet('ResizeInstance');
    },
    async *ExportRootDisk(req, ctx) {
      requireConductor(ctx, conductorCn);
      const disk = await manager.exportRootDisk(req.instanceId);
      try {
        const fh = await open(disk.path, 'r');
        const head = { sizeBytes: String(disk.sizeBytes), pausedMs: disk.pausedMs };
        // Hashed as sent, so the file is read once; the sha256 goes last.
        const hash = createHash('sha256');
        let sent = false;
        try {
          for await (const chunk of fh.createReadStream({
            highWaterMark: EXPORT_CHUNK_BYTES,
          }) as AsyncIterable<Buffer>) {
            hash.update(chunk);
            yield sent ? { data: chunk } : { ...head, data: chunk };
            sent = true;
            if (ctx.signal.aborted) return;
          }
          if (!sent) yield head;
          yield { sha256: hash.digest('hex') };
        } finally {
          await fh.close();
        }
      } finally {
        await disk.cleanup();
      }
    },
  };
}

function notYet(rpc: string): StratoError {
  return new StratoError('UNIMPLEMENTED', 'NOT_IMPLEMENTED', `${rpc} is not implemented by this agent`);
}
