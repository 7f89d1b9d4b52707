// The steps of a snapshot's operations (op-driver.ts runs them):
//
//   create  create  the volume's host takes the copy → available (error with the
//                   fault when it refused; the claim stays until it is deleted)
//   delete  delete  the host wipes and removes it → the record, its index entries
//                   and its claim go, and its volume counts one snapshot less
//
// Both are idempotent on the agent (keyed by the snapshot id).
import type { VolumeAgents } from '../agents/volume-agent-api.ts';
import type { Quotas } from '../quotas/quotas.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Store } from '../store/store.ts';
import { callHost, faultOf, type HostLookup, waitOrGiveUp } from './host-call.ts';
import { volumeKey, volumeSnapshotKey } from './keys.ts';
import type { Fault, SnapshotRecord, VolumeRecord } from './model.ts';
import type { NamedTable } from './named-table.ts';
import type { OpOutcome, OpStep } from './op-driver.ts';
import { snapshotUsage } from './usage.ts';
import type { VolumeScheduler } from './volume-scheduler.ts';

export interface SnapshotStepDeps {
  store: Store;
  snapshots: NamedTable<SnapshotRecord>;
  scheduler: VolumeScheduler;
  hosts: HostLookup;
  agents: VolumeAgents;
  /** How long a step waits for a host that gives no answer, counted from the op's start. */
  timeoutMs: number;
  quotas: Quotas;
}

function settle(status: SnapshotRecord['status'], fault?: Fault): OpOutcome<SnapshotRecord> {
  return {
    kind: 'update',
    apply: (cur, nowIso) => {
      const { op: _done, fault: _old, ...rest } = cur;
      return { ...rest, status, updatedAt: nowIso, ...(fault ? { fault } : {}) };
    },
  };
}

export function snapshotSteps(d: SnapshotStepDeps): Record<string, OpStep<SnapshotRecord>> {
  const create: OpStep<SnapshotRecord> = async (s, ctx) => {
    const r = await callHost(d.hosts, s.host, ctx.signal, (h) =>
      d.agents.storage(h).createSnapshot(s.id, s.volumeId, ctx),
    );
    if (r.ok) {
      ctx.log.info({ hostId: s.host, volumeId: s.volumeId }, 'snapshot created');
      return settle('available');
    }
    if (r.noAnswer) return waitOrGiveUp(ctx, d.timeoutMs, s.host, r.error, (f) => settle('error', f));
    ctx.log.warn({ hostId: s.host, code: r.error.code, reason: r.error.reason }, 'snapshot create failed');
    return settle('error', faultOf(r.error, new Date(ctx.now()).toISOString()));
  };

  const remove: OpStep<SnapshotRecord> = async (s, ctx) => {
    const r = await callHost(d.hosts, s.host, ctx.signal, (h) => d.agents.storage(h).deleteSnapshot(s.id, ctx));
    if (r.ok) {
      ctx.log.info({ hostId: s.host }, 'snapshot deleted');
      return {
        kind: 'write',
        build: async (entry) => {
          const cur = entry.value;
          const usage = await d.scheduler.usageChange(cur.host, { bytes: -cur.claimedBytes, snapshots: -1 });
          const quota = await d.quotas.release(cur.projectId, snapshotUsage.usageOf(cur).delta);
          const vol = await getOrUndefined<VolumeRecord>(d.store, volumeKey(cur.volumeId));
          const counted = vol
            ? {
                compares: [{ kind: 'modRevision' as const, key: vol.key, modRevision: vol.modRevision }],
                ops: [
                  {
                    kind: 'put' as const,
                    key: vol.key,
                    value: { ...vol.value, snapshotCount: Math.max(0, (vol.value.snapshotCount ?? 1) - 1) },
                  },
                ],
              }
            : { compares: [], ops: [] };
          return {
            compares: [...usage.compares, ...counted.compares, ...quota.compares],
            ops: [
              ...d.snapshots.deleteOps(cur),
              { kind: 'delete', key: volumeSnapshotKey(cur.volumeId, cur.id) },
              ...usage.ops,
              ...counted.ops,
              ...quota.ops,
            ],
          };
        },
      };
    }
    if (r.noAnswer) return waitOrGiveUp(ctx, d.timeoutMs, s.host, r.error, (f) => settle('error', f));
    ctx.log.warn({ hostId: s.host, code: r.error.code, reason: r.error.reason }, 'snapshot delete failed');
    return settle('error', faultOf(r.error, new Date(ctx.now()).toISOString()));
  };

  return { 'create:create': create, 'delete:delete': remove };
}
