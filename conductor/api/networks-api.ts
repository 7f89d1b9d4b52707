// strato.network.v1.Networks: a thin adapter from gRPC messages to the
// networking model (conductor/network/networks.ts).
import type { NetworksHandlers } from '../../common/gen/strato/network/v1/Networks.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import { networkToProto } from '../network/convert.ts';
import type { Networks } from '../network/networks.ts';
import { authenticate } from './auth.ts';

export function networksApi(identity: Identity, networks: Networks): Implementation<NetworksHandlers> {
  return {
    async CreateNetwork(req, ctx) {
      const p = await authenticate(ctx, identity);
      const n = await networks.create(p, {
        name: req.name,
        providerType: req.providerType,
        physicalBridge: req.physicalBridge,
        mtu: req.mtu,
        external: req.external,
      });
      return networkToProto(n);
    },
    async GetNetwork(req, ctx) {
      return networkToProto(await networks.get(await authenticate(ctx, identity), req.network));
    },
    async ListNetworks(req, ctx) {
      const page = await networks.list(await authenticate(ctx, identity), req);
      return { networks: page.items.map(networkToProto), nextPageToken: page.nextPageToken };
    },
    async DeleteNetwork(req, ctx) {
      await networks.delete(await authenticate(ctx, identity), req.network);
      return {};
    },
  };
}
