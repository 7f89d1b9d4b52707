// strato.compute.v1.ServerMoves: a thin adapter from gRPC messages to MoveService.
// Who may call each RPC is the policy table's (migrate and the migration
// records: admin; resize, confirm, revert: the server's project's members).
import type { Migration } from '../../common/gen/strato/compute/v1/Migration.ts';
import type { ServerMovesHandlers } from '../../common/gen/strato/compute/v1/ServerMoves.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { MigrationRecord } from '../compute/migration-record.ts';
import type { MoveService } from '../compute/move-service.ts';
import type { Identity } from '../identity/identity.ts';
import { authenticate } from './auth.ts';
import { serverToProto } from './servers-api.ts';

export function migrationToProto(m: MigrationRecord): Migration {
  const p = m.progress;
  return {
    id: m.id,
    serverId: m.serverId,
    projectId: m.projectId,
    kind: m.kind,
    sourceHost: m.sourceHost,
    destHost: m.destHost,
    status: m.status,
    oldFlavorId: m.oldFlavorId,
    newFlavorId: m.newFlavorId,
    progress: {
      memoryTotalBytes: p.memoryTotalBytes,
      memoryProcessedBytes: p.memoryProcessedBytes,
      memoryRemainingBytes: p.memoryRemainingBytes,
      diskTotalBytes: p.diskTotalBytes,
      diskProcessedBytes: p.diskProcessedBytes,
      diskRemainingBytes: p.diskRemainingBytes,
      downtimeMs: p.downtimeMs,
      elapsedMs: p.elapsedMs,
    },
    error: m.error,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

export function serverMovesApi(moves: MoveService, identity: Identity): Implementation<ServerMovesHandlers> {
  return {
    async MigrateServer(req, ctx) {
      const p = await authenticate(ctx, identity);
      const m = await moves.migrate(
        { server: req.server, live: req.live, host: req.host, bandwidthMibS: req.bandwidthMibS },
        p,
        ctx.requestId,
      );
      return migrationToProto(m);
    },

    async ResizeServer(req, ctx) {
      const p = await authenticate(ctx, identity);
      return migrationToProto(await moves.resize(req.server, req.flavor, p, ctx.requestId));
    },

    async ConfirmResize(req, ctx) {
      const p = await authenticate(ctx, identity);
      return serverToProto(await moves.confirm(req.server, p, ctx.requestId), p);
    },

    async RevertResize(req, ctx) {
      const p = await authenticate(ctx, identity);
      return serverToProto(await moves.revert(req.server, p, ctx.requestId), p);
    },

    async ListMigrations(req, ctx) {
      const p = await authenticate(ctx, identity);
      const list = await moves.listMigrations({ server: req.server, host: req.host }, p);
      return { migrations: list.map(migrationToProto) };
    },

    async GetMigration(req, ctx) {
      const p = await authenticate(ctx, identity);
      return migrationToProto(await moves.getMigration(req.migration, p));
    },

    async AbortMigration(req, ctx) {
      const p = await authenticate(ctx, identity);
      return migrationToProto(await moves.abort(req.migration, p, ctx.requestId));
    },
  };
}
