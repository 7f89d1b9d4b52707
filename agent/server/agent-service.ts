// strato.agent.v1.Agent over the instance manager: a thin adapter. It checks
// that the caller is the conductor (client certificate CN), converts messages,
// and lets the error model carry failures.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { invalidArgument, StratoError } from '../../common/errors.ts';
import type { AgentHandlers } from '../../common/gen/strato/agent/v1/Agent.ts';
import type { CallContext, Implementation } from '../../common/grpc/handlers.ts';
import { attachConsole } from '../compute/console-attach.ts';
import type { InstanceManager } from '../compute/instance-manager.ts';
import type { Moves } from '../compute/moves.ts';
import { byteCount, spawnRequestFromProto, volumeFromProto } from './from-proto.ts';
import {
  flavorFromProto,
  migrationIdFromProto,
  migrationStatusToProto,
  startMigrationFromProto,
} from './move-from-proto.ts';

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

/** `moves` absent: this agent answers the move RPCs UNIMPLEMENTED (tests that need no moves). */
export function agentService(
  manager: InstanceManager,
  conductorCn = CONDUCTOR_CN,
  moves?: Moves,
): Implementation<AgentHandlers> {
  const need = (rpc: string): Moves => {
    if (moves === undefined) throw notYet(rpc);
    return moves;
  };
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
    // Moves (issue 12): the contract is in agent.proto.
    async PrepareIncoming(req, ctx) {
      requireConductor(ctx, conductorCn);
      migrationIdFromProto(req.migrationId);
      if (!req.spec)
        throw invalidArgument('INVALID_SPAWN_REQUEST', 'spec: is required', { details: { field: 'spec' } });
      return need('PrepareIncoming').prepareIncoming(spawnRequestFromProto(req.spec));
    },
    async StartMigration(req, ctx) {
      requireConductor(ctx, conductorCn);
      return migrationStatusToProto(await need('StartMigration').startMigration(startMigrationFromProto(req)));
    },
    async GetMigration(req, ctx) {
      requireConductor(ctx, conductorCn);
      return migrationStatusToProto(await need('GetMigration').migration(req.instanceId, req.migrationId));
    },
    async AbortMigration(req, ctx) {
      requireConductor(ctx, conductorCn);
      return migrationStatusToProto(await need('AbortMigration').abortMigration(req.instanceId, req.migrationId));
    },
    async ResizeInstance(req, ctx) {
      requireConductor(ctx, conductorCn);
      return need('ResizeInstance').resize(req.instanceId, flavorFromProto(req.flavor));
    },
    AttachConsole(requests, ctx) {
      requireConductor(ctx, conductorCn);
      return attachConsole((id) => manager.openConsole(id), requests, ctx.signal, ctx.log);
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
