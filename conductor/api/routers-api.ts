// strato.network.v1.Routers: a thin adapter from gRPC messages to the
// networking model (conductor/network/routers.ts).
import type { Router } from '../../common/gen/strato/network/v1/Router.ts';
import type { RoutersHandlers } from '../../common/gen/strato/network/v1/Routers.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import { isAdmin } from '../identity/access.ts';
import type { Identity } from '../identity/identity.ts';
import type { Principal } from '../identity/model.ts';
import type { RouterRecord } from '../network/model.ts';
import { routerInterfaceToProto, routerToProto } from '../network/router-convert.ts';
import type { Routers } from '../network/routers.ts';
import { authenticate } from './auth.ts';

export function routersApi(identity: Identity, routers: Routers): Implementation<RoutersHandlers> {
  const out = async (p: Principal, r: RouterRecord): Promise<Router> =>
    routerToProto(r, { showHost: isAdmin(p), up: await routers.isUp(r) });
  return {
    async CreateRouter(req, ctx) {
      const p = await authenticate(ctx, identity);
      const r = await routers.create(p, {
        name: req.name,
        externalGateway: req.externalGateway,
        disableSnat: req.disableSnat,
      });
      return out(p, r);
    },
    async GetRouter(req, ctx) {
      const p = await authenticate(ctx, identity);
      return out(p, await routers.get(p, req.router));
    },
    async ListRouters(req, ctx) {
      const p = await authenticate(ctx, identity);
      const page = await routers.list(p, req);
      return { routers: await Promise.all(page.items.map((r) => out(p, r))), nextPageToken: page.nextPageToken };
    },
    async UpdateRouter(req, ctx) {
      const p = await authenticate(ctx, identity);
      return out(p, await routers.rename(p, req.router, req.name));
    },
    async DeleteRouter(req, ctx) {
      await routers.delete(await authenticate(ctx, identity), req.router);
      return {};
    },
    async SetRouterGateway(req, ctx) {
      const p = await authenticate(ctx, identity);
      return out(p, await routers.setGateway(p, req.router, req.externalNetwork, req.disableSnat));
    },
    async ClearRouterGateway(req, ctx) {
      const p = await authenticate(ctx, identity);
      return out(p, await routers.clearGateway(p, req.router));
    },
    async AddRouterInterface(req, ctx) {
      const p = await authenticate(ctx, identity);
      const r = await routers.get(p, req.router);
      return routerInterfaceToProto(r.id, await routers.addInterface(p, r.id, req.subnet));
    },
    async RemoveRouterInterface(req, ctx) {
      await routers.removeInterface(await authenticate(ctx, identity), req.router, req.subnet);
      return {};
    },
  };
}
