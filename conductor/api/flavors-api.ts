// strato.compute.v1.Flavors: a thin adapter from gRPC messages to the flavor catalogue.
import type { Flavor } from '../../common/gen/strato/compute/v1/Flavor.ts';
import type { FlavorsHandlers } from '../../common/gen/strato/compute/v1/Flavors.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { FlavorCatalog } from '../flavors/flavors.ts';
import type { FlavorRecord } from '../flavors/model.ts';
import type { Identity } from '../identity/identity.ts';
import { authenticate } from './auth.ts';

export function flavorToProto(f: FlavorRecord): Flavor {
  return { id: f.id, name: f.name, vcpus: f.vcpus, ramMib: f.ramMib, diskGib: f.diskGib, createdAt: f.createdAt };
}

export function flavorsApi(identity: Identity, flavors: FlavorCatalog): Implementation<FlavorsHandlers> {
  return {
    async CreateFlavor(req, ctx) {
      const p = await authenticate(ctx, identity);
      return flavorToProto(
        await flavors.create(p, { name: req.name, vcpus: req.vcpus, ramMib: req.ramMib, diskGib: req.diskGib }),
      );
    },

    async GetFlavor(req, ctx) {
      await authenticate(ctx, identity);
      return flavorToProto(await flavors.get(req.flavor));
    },

    async ListFlavors(req, ctx) {
      await authenticate(ctx, identity);
      const page = await flavors.list(req);
      return { flavors: page.items.map(flavorToProto), nextPageToken: page.nextPageToken };
    },

    async DeleteFlavor(req, ctx) {
      const p = await authenticate(ctx, identity);
      await flavors.delete(p, req.flavor);
      return {};
    },
  };
}
