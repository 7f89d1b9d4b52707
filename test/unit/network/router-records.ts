// Small builders of router and floating-IP records (and their ports) for table tests.
import {
  type FloatingIpRecord,
  type PortRecord,
  ROUTER_GATEWAY_OWNER,
  ROUTER_INTERFACE_OWNER,
  type RouterRecord,
} from '../../../conductor/network/model.ts';
import { port } from './records.ts';

export function router(id: string, hostId: string, o: Partial<RouterRecord> = {}): RouterRecord {
  return {
    id,
    name: `router-${id}`,
    projectId: 'p1',
    hostId,
    interfaces: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...o,
  };
}

export function floatingIp(
  id: string,
  networkId: string,
  ip: string,
  o: Partial<FloatingIpRecord> = {},
): FloatingIpRecord {
  return {
    id,
    projectId: 'p1',
    networkId,
    subnetId: '',
    ip,
    portId: '',
    fixedIp: '',
    routerId: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...o,
  };
}

/**
 * A router's port as the routers API makes it (owner and device set, and bound to
 * the router's host, which must not turn it into a guest's port).
 */
export function routerPort(
  id: string,
  networkId: string,
  subnetId: string,
  ip: string,
  routerId: string,
  o: Partial<PortRecord> = {},
): PortRecord {
  return port(id, networkId, {
    mac: `fa:16:3e:77:00:${id.slice(-2)}`,
    fixedIps: [{ subnetId, ip }],
    deviceId: routerId,
    deviceOwner: ROUTER_INTERFACE_OWNER,
    ...o,
  });
}

export const gatewayOwner = { deviceOwner: ROUTER_GATEWAY_OWNER };
