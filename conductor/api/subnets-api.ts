// strato.network.v1.Subnets: a thin adapter from gRPC messages to the
// networking model (conductor/network/subnets.ts).
import type { SubnetsHandlers } from '../../common/gen/strato/network/v1/Subnets.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import { subnetToProto } from '../network/convert.ts';
import type { Subnets } from '../network/subnets.ts';
import { authenticate } from './auth.ts';

export function subnetsApi(identity: Identity, subnets: Subnets): Implementation<SubnetsHandlers> {
  return {
    async CreateSubnet(req, ctx) {
      const p = await authenticate(ctx, identity);
      const s = await subnets.create(p, {
        name: req.name,
        network: req.network,
        cidr: req.cidr,
        gatewayIp: req.gatewayIp,
        allocationPools: req.allocationPools.map((a) => ({ start: a.start, end: a.end })),
        dnsServers: req.dnsServers,
        enableDhcp: !req.disableDhcp,
      });
      return subnetToProto(s);
    },
    async GetSubnet(req, ctx) {
      return subnetToProto(await subnets.get(await authenticate(ctx, identity), req.subnet));
    },
    async ListSubnets(req, ctx) {
      const page = await subnets.list(await authenticate(ctx, identity), req);
      return { subnets: page.items.map(subnetToProto), nextPageToken: page.nextPageToken };
    },
    async DeleteSubnet(req, ctx) {
      await subnets.delete(await authenticate(ctx, identity), req.subnet);
      return {};
    },
  };
}
