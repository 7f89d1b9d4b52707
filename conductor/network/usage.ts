// What network records count against their project's quota (see
// conductor/quotas/usage-source.ts): one network, port or security group each
// (a project's default group included, as in Neutron), a router, a floating
// IP. A router's own ports (its interfaces and gateway) count as the router,
// not as ports: they come and go with it, not at the user's asking.
import type { UsageSource } from '../quotas/usage-source.ts';
import { recordPrefix } from './keys.ts';
import {
  type FloatingIpRecord,
  type NetworkRecord,
  type PortRecord,
  ROUTER_GATEWAY_OWNER,
  ROUTER_INTERFACE_OWNER,
  type RouterRecord,
  type SecurityGroupRecord,
} from './model.ts';

export const networkUsage: UsageSource<NetworkRecord> = {
  prefix: recordPrefix('networks'),
  usageOf: (n) => ({ projectId: n.projectId, delta: { networks: 1 } }),
};

export const portUsage: UsageSource<PortRecord> = {
  prefix: recordPrefix('ports'),
  usageOf: (p) => ({ projectId: p.projectId, delta: isRouterPort(p) ? {} : { ports: 1 } }),
};

export function isRouterPort(p: Pick<PortRecord, 'deviceOwner'>): boolean {
  return p.deviceOwner === ROUTER_INTERFACE_OWNER || p.deviceOwner === ROUTER_GATEWAY_OWNER;
}

export const routerUsage: UsageSource<RouterRecord> = {
  prefix: recordPrefix('routers'),
  usageOf: (r) => ({ projectId: r.projectId, delta: { routers: 1 } }),
};

export const floatingIpUsage: UsageSource<FloatingIpRecord> = {
  prefix: recordPrefix('floating-ips'),
  usageOf: (f) => ({ projectId: f.projectId, delta: { floatingIps: 1 } }),
};

export const securityGroupUsage: UsageSource<SecurityGroupRecord> = {
  prefix: recordPrefix('security-groups'),
  usageOf: (g) => ({ projectId: g.projectId, delta: { securityGroups: 1 } }),
};
