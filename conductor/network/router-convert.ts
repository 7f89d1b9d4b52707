// Router and floating IP records → strato.network.v1 messages.
import type { FloatingIp } from '../../common/gen/strato/network/v1/FloatingIp.ts';
import type { Router } from '../../common/gen/strato/network/v1/Router.ts';
import type { RouterInterface } from '../../common/gen/strato/network/v1/RouterInterface.ts';
import type { FloatingIpRecord, RouterInterfaceRecord, RouterRecord } from './model.ts';

export function routerInterfaceToProto(routerId: string, i: RouterInterfaceRecord): RouterInterface {
  return { routerId, subnetId: i.subnetId, portId: i.portId, ipAddress: i.ip, networkId: i.networkId };
}

/** `showHost`: admins see where it runs; `up`: its host is heartbeating. */
export function routerToProto(r: RouterRecord, o: { showHost: boolean; up: boolean }): Router {
  return {
    id: r.id,
    name: r.name,
    projectId: r.projectId,
    externalGateway: r.gateway
      ? {
          networkId: r.gateway.networkId,
          ipAddress: r.gateway.ip,
          subnetId: r.gateway.subnetId,
          enableSnat: r.gateway.enableSnat,
          portId: r.gateway.portId,
        }
      : null,
    interfaces: r.interfaces.map((i) => routerInterfaceToProto(r.id, i)),
    host: o.showHost ? r.hostId : '',
    status: o.up ? 'ACTIVE' : 'BUILD',
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** `serverId`: the server whose port it reaches, or ''. */
export function floatingIpToProto(f: FloatingIpRecord, serverId: string): FloatingIp {
  return {
    id: f.id,
    projectId: f.projectId,
    floatingIpAddress: f.ip,
    floatingNetworkId: f.networkId,
    subnetId: f.subnetId,
    portId: f.portId,
    fixedIpAddress: f.fixedIp,
    routerId: f.routerId,
    status: f.portId === '' ? 'DOWN' : 'ACTIVE',
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    serverId,
  };
}
