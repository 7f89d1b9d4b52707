// strato.agent.v1.AgentStorage over the storage service: a thin adapter. Only the
// conductor may call it (same peer check as Agent); messages become plain data and
// back; the error model carries every failure.
import type { AgentStorageHandlers } from '../../common/gen/strato/agent/v1/AgentStorage.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { StorageService } from '../storage/storage-service.ts';
import { CONDUCTOR_CN, requireConductor } from './agent-service.ts';
import {
  bytesFromProto,
  createFromProto,
  exportFromProto,
  exportToProto,
  infoToProto,
  snapshotToProto,
  volumeToProto,
} from './storage-from-proto.ts';

export function agentStorageService(
  storage: StorageService,
  conductorCn = CONDUCTOR_CN,
): Implementation<AgentStorageHandlers> {
  return {
    async GetStorageInfo(_req, ctx) {
      requireConductor(ctx, conductorCn);
      return infoToProto(await storage.info());
    },
    async CreateVolume(req, ctx) {
      requireConductor(ctx, conductorCn);
      return volumeToProto(await storage.create(createFromProto(req)));
    },
    async GetVolume(req, ctx) {
      requireConductor(ctx, conductorCn);
      return volumeToProto(await storage.get(req.volumeId));
    },
    async ExtendVolume(req, ctx) {
      requireConductor(ctx, conductorCn);
      return volumeToProto(await storage.extend(req.volumeId, bytesFromProto('size_bytes', req.sizeBytes)));
    },
    async DeleteVolume(req, ctx) {
      requireConductor(ctx, conductorCn);
      await storage.delete(req.volumeId);
      return {};
    },
    async CreateSnapshot(req, ctx) {
      requireConductor(ctx, conductorCn);
      return snapshotToProto(await storage.createSnapshot(req.snapshotId, req.volumeId));
    },
    async DeleteSnapshot(req, ctx) {
      requireConductor(ctx, conductorCn);
      await storage.deleteSnapshot(req.snapshotId);
      return {};
    },
    async ListVolumes(_req, ctx) {
      requireConductor(ctx, conductorCn);
      const { volumes, snapshots } = await storage.list();
      return { volumes: volumes.map(volumeToProto), snapshots: snapshots.map(snapshotToProto) };
    },
    async ExportVolume(req, ctx) {
      requireConductor(ctx, conductorCn);
      return exportToProto(await storage.export(exportFromProto(req)));
    },
    async UnexportVolume(req, ctx) {
      requireConductor(ctx, conductorCn);
      await storage.unexport(req.volumeId);
      return {};
    },
    async ReconcileExports(req, ctx) {
      requireConductor(ctx, conductorCn);
      const r = await storage.reconcileExports(req.exports.map(exportFromProto));
      return { exports: r.exports.map(exportToProto), missingVolumeIds: r.missing, steps: r.steps };
    },
  };
}
