// What block storage counts against its project's quota (see
// conductor/quotas/usage-source.ts): a volume is one volume and its size in
// gigabytes, a snapshot one snapshot and its size (Cinder's gigabytes count
// both), from the record's creation until its purge; an extend counts the
// growth when accepted and gives it back if the volume returns to its old size.
import type { UsageSource } from '../quotas/usage-source.ts';
import { SNAPSHOT_RECORDS, VOLUME_RECORDS } from './keys.ts';
import type { SnapshotRecord, VolumeRecord } from './model.ts';

export const volumeUsage: UsageSource<Pick<VolumeRecord, 'projectId' | 'sizeGib'>> = {
  prefix: VOLUME_RECORDS,
  usageOf: (v) => ({ projectId: v.projectId, delta: { volumes: 1, gigabytes: v.sizeGib } }),
};

export const snapshotUsage: UsageSource<Pick<SnapshotRecord, 'projectId' | 'sizeGib'>> = {
  prefix: SNAPSHOT_RECORDS,
  usageOf: (s) => ({ projectId: s.projectId, delta: { snapshots: 1, gigabytes: s.sizeGib } }),
};
