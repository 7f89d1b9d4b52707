// strato.network.v1.Ports: a thin adapter from gRPC messages to the
// networking model (conductor/network/ports.ts).
import type { PortsHandlers } from '../../common/gen/strato/network/v1/Ports.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import { portToProto } from '../network/convert.ts';
import type { Ports } from '../network/ports.ts';
import { authenticate } from './auth.ts';

export function portsApi(identity: Identity, ports: Ports): Implementation<PortsHandlers> {
  return {
    async CreatePort(req, ctx) {
      const p = await authenticate(ctx, identity);
      const port = await ports.create(p, {
        name: req.name,
        network: req.network,
        fixedIps: req.fixedIps.map((f) => ({ subnet: f.subnet, ipAddress: f.ipAddress })),
        securityGroups: req.securityGroups,
        noSecurityGroups: req.noSecurityGroups,
        macAddress: req.macAddress,
        deviceId: req.deviceId,
        deviceOwner: req.deviceOwner,
        bindingHost: req.bindingHost,
      });
      return portToProto(port);
    },
    async GetPort(req, ctx) {
      return portToProto(await ports.get(await authenticate(ctx, identity), req.port));
    },
    async ListPorts(req, ctx) {
      const page = await ports.list(await authenticate(ctx, identity), req);
      return { ports: page.items.map(portToProto), nextPageToken: page.nextPageToken };
    },
    async DeletePort(req, ctx) {
      await ports.delete(await authenticate(ctx, identity), req.port);
      return {};
    },
  };
}
