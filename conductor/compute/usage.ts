// What a server counts against its project's quota (see
// conductor/quotas/usage-source.ts): one instance, its flavor's vCPUs as cores
// and its RAM, from its record's creation until its record is purged.
import type { UsageSource } from '../quotas/usage-source.ts';
import { INSTANCES, type InstanceRecord } from './instance-record.ts';

export const instanceUsage: UsageSource<Pick<InstanceRecord, 'projectId' | 'flavor'>> = {
  prefix: INSTANCES,
  usageOf: (r) => ({
    projectId: r.projectId,
    delta: { instances: 1, cores: r.flavor.vcpus, ramMib: r.flavor.ramMib },
  }),
};
