// What a server counts against its project's quota (see
// conductor/quotas/usage-source.ts): one instance, its flavor's vCPUs as cores
// and its RAM, from its record's creation until its record is purged. While a
// resize is in flight or waits for its confirm, the larger of the old and new
// flavor counts (the server may end with either); the workflow driver counts the
// difference whenever a step changes it (workflow-driver.ts commit).
import type { UsageSource } from '../quotas/usage-source.ts';
import { INSTANCES, type InstanceRecord } from './instance-record.ts';

export const instanceUsage: UsageSource<Pick<InstanceRecord, 'projectId' | 'flavor' | 'move'>> = {
  prefix: INSTANCES,
  usageOf: (r) => {
    const m = r.move?.kind === 'resize' ? r.move : undefined;
    const flavors = m ? [r.flavor, m.flavor, m.oldFlavor] : [r.flavor];
    return {
      projectId: r.projectId,
      delta: {
        instances: 1,
        cores: Math.max(...flavors.map((f) => f.vcpus)),
        ramMib: Math.max(...flavors.map((f) => f.ramMib)),
      },
    };
  },
};

/** What counting `next` instead of `prev` adds (positive) and gives back (negative), per resource. */
export function usageChange(
  prev: Pick<InstanceRecord, 'projectId' | 'flavor' | 'move'>,
  next: Pick<InstanceRecord, 'projectId' | 'flavor' | 'move'>,
): { cores: number; ramMib: number } {
  const a = instanceUsage.usageOf(prev).delta;
  const b = instanceUsage.usageOf(next).delta;
  return { cores: (b.cores ?? 0) - (a.cores ?? 0), ramMib: (b.ramMib ?? 0) - (a.ramMib ?? 0) };
}
