// strato.network.v1.FloatingIps: a thin adapter from gRPC messages to the
// networking model (conductor/network/floating-ips.ts).
import type { FloatingIp } from '../../common/gen/strato/network/v1/FloatingIp.ts';
import type { FloatingIpsHandlers } from '../../common/gen/strato/network/v1/FloatingIps.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import { DEVICE_OWNER } from '../compute/server-networking/nic-ports.ts';
import type { Identity } from '../identity/identity.ts';
import type { FloatingIpRecord } from '../network/model.ts';
import type { Networking } from '../network/networking.ts';
import { floatingIpToProto } from '../network/router-convert.ts';
import { authenticate } from './auth.ts';

export function floatingIpsApi(identity: Identity, net: Networking): Implementation<FloatingIpsHandlers> {
  const fips = net.floatingIps;
  // The server a floating IP reaches, when its port is a server's.
  const out = async (f: FloatingIpRecord): Promise<FloatingIp> => {
    const port = f.portId === '' ? undefined : await net.ports.getById(f.portId);
    return floatingIpToProto(f, port?.deviceOwner === DEVICE_OWNER ? port.deviceId : '');
  };
  return {
    async CreateFloatingIp(req, ctx) {
      const p = await authenticate(ctx, identity);
      const f = await fips.create(p, {
        network: req.floatingNetwork,
        address: req.floatingIpAddress,
        port: req.port,
        fixedIp: req.fixedIpAddress,
      });
      return out(f);
    },
    async GetFloatingIp(req, ctx) {
      return out(await fips.get(await authenticate(ctx, identity), req.floatingIp));
    },
    async ListFloatingIps(req, ctx) {
      const page = await fips.list(await authenticate(ctx, identity), req);
      return { floatingIps: await Promise.all(page.items.map(out)), nextPageToken: page.nextPageToken };
    },
    async SetFloatingIpPort(req, ctx) {
      const p = await authenticate(ctx, identity);
      return out(await fips.setPort(p, req.floatingIp, req.port, req.fixedIpAddress));
    },
    async UnsetFloatingIpPort(req, ctx) {
      return out(await fips.unsetPort(await authenticate(ctx, identity), req.floatingIp));
    },
    async DeleteFloatingIp(req, ctx) {
      await fips.delete(await authenticate(ctx, identity), req.floatingIp);
      return {};
    },
  };
}
