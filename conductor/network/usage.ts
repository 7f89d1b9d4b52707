// What network records count against their project's quota (see
// conductor/quotas/usage-source.ts): one network, port or security group each
// (a project's default group included, as in Neutron).
import type { UsageSource } from '../quotas/usage-source.ts';
import { recordPrefix } from './keys.ts';
import type { NetworkRecord, PortRecord, SecurityGroupRecord } from './model.ts';

export const networkUsage: UsageSource<NetworkRecord> = {
  prefix: recordPrefix('networks'),
  usageOf: (n) => ({ projectId: n.projectId, delta: { networks: 1 } }),
};

export const portUsage: UsageSource<PortRecord> = {
  prefix: recordPrefix('ports'),
  usageOf: (p) => ({ projectId: p.projectId, delta: { ports: 1 } }),
};

export const securityGroupUsage: UsageSource<SecurityGroupRecord> = {
  prefix: recordPrefix('security-groups'),
  usageOf: (g) => ({ projectId: g.projectId, delta: { securityGroups: 1 } }),
};
