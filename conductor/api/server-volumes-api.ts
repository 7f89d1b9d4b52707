// strato.compute.v1.ServerVolumes: a thin adapter from gRPC messages to the
// server's volume actions (conductor/compute/compute-service.ts).
import type { ServerVolumesHandlers } from '../../common/gen/strato/compute/v1/ServerVolumes.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { ComputeService } from '../compute/compute-service.ts';
import type { Identity } from '../identity/identity.ts';
import { authenticate } from './auth.ts';
import { serverToProto } from './servers-api.ts';

export function serverVolumesApi(compute: ComputeService, identity: Identity): Implementation<ServerVolumesHandlers> {
  return {
    async AddServerVolume(req, ctx) {
      const p = await authenticate(ctx, identity);
      return serverToProto(await compute.addVolume(req.server, req.volume, req.device, p, ctx.requestId), p);
    },
    async RemoveServerVolume(req, ctx) {
      const p = await authenticate(ctx, identity);
      return serverToProto(await compute.removeVolume(req.server, req.volume, p, ctx.requestId), p);
    },
  };
}
