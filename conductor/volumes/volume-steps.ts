// The steps of a volume's operations (op-driver.ts runs them):
//
//   create  create   the storage host makes it (empty, from an image with
//                    progress, from a snapshot or another volume) → available, or
//                    attaching when it was made for a server's boot; error with
//                    the fault when the host refused (its claim stays until the
//                    volume is deleted)
//   extend  grow     the storage host grows it (re-creating an exported LUN) →
//          [refresh] the server's host block-resizes the attached disk → the
//                    status it had; a refused grow returns it to its old size
//   delete  delete   the storage host wipes and removes it → the record goes
//                    and its claim is given back; error when the host refused
//
// Each is idempotent on the agent (keyed by the volume id), so a step repeated
// after a crash or a lost reply is safe.
import { setTimeout as sleep } from 'node:timers/promises';
import type { CreateVolumeRequest } from '../../common/gen/strato/agent/v1/CreateVolumeRequest.ts';
import type { VolumeAgents } from '../agents/volume-agent-api.ts';
import { NO_QUOTA_WRITE, type Quotas } from '../quotas/quotas.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Entry, Store } from '../store/store.ts';
import { callHost, faultOf, type HostLookup, waitOrGiveUp } from './host-call.ts';
import { attachmentKey, snapshotKey, volumeKey } from './keys.ts';
import { type AttachmentRecord, type Fault, GiB, type VolumeRecord } from './model.ts';
import type { NamedTable } from './named-table.ts';
import type { OpContext, OpOutcome, OpStep, OpWrite } from './op-driver.ts';
import { volumeUsage } from './usage.ts';
import type { VolumeScheduler } from './volume-scheduler.ts';
import { startDelete } from './volumes.ts';

export interface VolumeStepDeps {
  store: Store;
  volumes: NamedTable<VolumeRecord>;
  scheduler: VolumeScheduler;
  hosts: HostLookup;
  agents: VolumeAgents;
  /** How long a step waits for a host that gives no answer, counted from the op's start. */
  timeoutMs: number;
  /** How often a create from an image reads its progress. @default 1000 */
  progressEveryMs?: number;
  /** A volume made for a server's boot settled (available for it, or error): its boot goes on. */
  bootVolumeSettled?: (serverId: string) => void;
  quotas: Quotas;
}

const modRevisionIs = (e: Entry<unknown>) => ({ kind: 'modRevision' as const, key: e.key, modRevision: e.modRevision });

/** The op is over: the record without it, its status, and no fault unless one is given. */
function settled(v: VolumeRecord, change: Partial<VolumeRecord>, nowIso: string, fault?: Fault): VolumeRecord {
  const { op: _done, fault: _old, ...rest } = v;
  return { ...rest, ...change, updatedAt: nowIso, ...(fault ? { fault } : {}) };
}

/** Takes `id` out of the list `field` of the record at `key` (a create's hold on its source). */
async function dropHold(store: Store, key: string, field: 'volumesInProgress' | 'copiesInProgress', id: string) {
  const e = await getOrUndefined<Record<string, unknown>>(store, key);
  if (!e) return { compares: [], ops: [] };
  const left = ((e.value[field] as string[] | undefined) ?? []).filter((x) => x !== id);
  return { compares: [modRevisionIs(e)], ops: [{ kind: 'put' as const, key, value: { ...e.value, [field]: left } }] };
}

/** Gives back what a create held while it copied: the snapshot's or source volume's mark. */
async function releaseHold(store: Store, v: VolumeRecord): Promise<OpWrite> {
  const src = v.op?.source;
  if (src?.kind === 'snapshot') return dropHold(store, snapshotKey(src.snapshotId), 'volumesInProgress', v.id);
  if (src?.kind === 'volume') return dropHold(store, volumeKey(src.volumeId), 'copiesInProgress', v.id);
  return { compares: [], ops: [] };
}

function createRequest(v: VolumeRecord): CreateVolumeRequest {
  const src = v.op?.source ?? { kind: 'empty' };
  const req: CreateVolumeRequest = { volumeId: v.id, sizeBytes: String(v.sizeGib * GiB) };
  if (src.kind === 'image') {
    const i = src.image;
    req.image = { id: i.id, sha256: i.sha256, sizeBytes: String(i.sizeBytes), diskFormat: i.diskFormat };
  }
  if (src.kind === 'snapshot') req.snapshotId = src.snapshotId;
  if (src.kind === 'volume') req.sourceVolumeId = src.volumeId;
  return req;
}

export function volumeSteps(d: VolumeStepDeps): Record<string, OpStep<VolumeRecord>> {
  /** Ends a create: `change` applied, the hold released, a boot waiting for it told. */
  function endCreate(
    change: (a: AttachmentRecord | undefined) => Partial<VolumeRecord>,
    fault?: Fault,
  ): OpOutcome<VolumeRecord> {
    let serverId: string | undefined;
    return {
      kind: 'write',
      build: async (entry, nowIso) => {
        const a = await getOrUndefined<AttachmentRecord>(d.store, attachmentKey(entry.value.id));
        serverId = a?.value.serverId;
        const hold = await releaseHold(d.store, entry.value);
        let next = settled(entry.value, change(a?.value), nowIso, fault);
        if (entry.value.deleteWhenCreated) {
          const { deleteWhenCreated: _done, ...rest } = next;
          next = startDelete(rest, entry.value.op?.requestId ?? '', Date.parse(nowIso));
        }
        const guard = a ? modRevisionIs(a) : { kind: 'absent' as const, key: attachmentKey(entry.value.id) };
        return {
          compares: [guard, ...hold.compares],
          ops: [{ kind: 'put', key: entry.key, value: next }, ...hold.ops],
        };
      },
      after: () => {
        if (serverId) d.bootVolumeSettled?.(serverId);
      },
    };
  }

  /** Copies the agent's progress into the record while a create from an image runs. */
  async function followProgress(v: VolumeRecord, ctx: OpContext, running: Promise<unknown>): Promise<void> {
    let done = false;
    void running.then(
      () => {
        done = true;
      },
      () => {
        done = true;
      },
    );
    let last = v.progressPercent;
    const every = d.progressEveryMs ?? 1000;
    while (!done && !ctx.signal.aborted) {
      await Promise.race([sleep(every, undefined, { signal: ctx.signal }).catch(() => {}), running.catch(() => {})]);
      if (done || ctx.signal.aborted) return;
      const r = await callHost(d.hosts, v.host, ctx.signal, (h) => d.agents.storage(h).getVolume(v.id, ctx));
      if (!r.ok || r.value.state !== 'creating' || r.value.progressPercent === last) continue;
      last = Math.min(99, r.value.progressPercent);
      const e = await getOrUndefined<VolumeRecord>(d.store, volumeKey(v.id));
      if (!e || e.value.op?.id !== v.op?.id || e.value.status !== 'downloading') return;
      await d.store.txn(
        [modRevisionIs(e)],
        [{ kind: 'put', key: e.key, value: { ...e.value, progressPercent: last } }],
      );
    }
  }

  const create: OpStep<VolumeRecord> = async (v, ctx) => {
    const running = callHost(d.hosts, v.host, ctx.signal, (h) =>
      d.agents.storage(h).createVolume(createRequest(v), ctx),
    );
    if (v.op?.source?.kind === 'image') await followProgress(v, ctx, running);
    const r = await running;
    if (r.ok) {
      ctx.log.info({ hostId: v.host, sizeBytes: r.value.sizeBytes }, 'volume created');
      // Made for a server's boot: it goes on to that server (attaching), not to the pool.
      return endCreate((a) => ({ status: a ? 'attaching' : 'available', progressPercent: 100 }));
    }
    const fail = (fault: Fault) => endCreate(() => ({ status: 'error', progressPercent: v.progressPercent }), fault);
    if (r.noAnswer) {
      return waitOrGiveUp(ctx, d.timeoutMs, v.host, r.error, (f) =>
        fail({ ...f, message: `${f.message}, or delete the volume and create it again` }),
      );
    }
    ctx.log.warn({ hostId: v.host, code: r.error.code, reason: r.error.reason }, 'volume create failed');
    return fail(faultOf(r.error, new Date(ctx.now()).toISOString()));
  };

  /** An extend is over: back to the status it had, at `sizeGib` with `claimedBytes` (usage changed to match). */
  function endExtend(
    v: VolumeRecord,
    back: { sizeGib: number; claimedBytes: number },
    fault?: Fault,
  ): OpOutcome<VolumeRecord> {
    const op = v.op!;
    return {
      kind: 'write',
      build: async (entry, nowIso) => {
        const cur = entry.value;
        const next = settled(cur, { status: op.returnTo ?? 'available', ...back }, nowIso, fault);
        const given = cur.claimedBytes - back.claimedBytes;
        const usage =
          given > 0 ? await d.scheduler.usageChange(cur.host, { bytes: -given }) : { compares: [], ops: [] };
        // Back at its old size: the growth counted when the extend was accepted is given back.
        const shrunk = cur.sizeGib - back.sizeGib;
        const quota = shrunk > 0 ? await d.quotas.release(cur.projectId, { gigabytes: shrunk }) : NO_QUOTA_WRITE;
        return {
          compares: [...usage.compares, ...quota.compares],
          ops: [{ kind: 'put', key: entry.key, value: next }, ...usage.ops, ...quota.ops],
        };
      },
    };
  }

  const grow: OpStep<VolumeRecord> = async (v, ctx) => {
    const op = v.op!;
    const r = await callHost(d.hosts, v.host, ctx.signal, (h) =>
      d.agents.storage(h).extendVolume(v.id, v.sizeGib * GiB, ctx),
    );
    const old = { sizeGib: op.fromGib ?? v.sizeGib, claimedBytes: op.fromClaimedBytes ?? v.claimedBytes };
    if (r.ok) {
      const a = await getOrUndefined<AttachmentRecord>(d.store, attachmentKey(v.id));
      ctx.log.info({ hostId: v.host, sizeGib: v.sizeGib }, 'volume grown');
      if (a && a.value.attachedAt !== '' && a.value.computeHost !== '') {
        return { kind: 'update', apply: (cur) => ({ ...cur, op: { ...cur.op!, step: 'refresh' } }) };
      }
      return endExtend(v, { sizeGib: v.sizeGib, claimedBytes: v.claimedBytes });
    }
    if (r.noAnswer) {
      // The host may have grown it after all: its old size is shown, but the claim stays as large.
      return waitOrGiveUp(ctx, d.timeoutMs, v.host, r.error, (fault) =>
        endExtend(v, { sizeGib: old.sizeGib, claimedBytes: v.claimedBytes }, fault),
      );
    }
    ctx.log.warn({ hostId: v.host, code: r.error.code, reason: r.error.reason }, 'volume extend failed');
    return endExtend(v, old, faultOf(r.error, new Date(ctx.now()).toISOString()));
  };

  const refresh: OpStep<VolumeRecord> = async (v, ctx) => {
    const a = (await getOrUndefined<AttachmentRecord>(d.store, attachmentKey(v.id)))?.value;
    const grown = { sizeGib: v.sizeGib, claimedBytes: v.claimedBytes };
    if (!a || a.computeHost === '') return endExtend(v, grown);
    const r = await callHost(d.hosts, a.computeHost, ctx.signal, (h) =>
      d.agents.compute(h).refreshVolumeSize(a.serverId, v.id, v.sizeGib * GiB, ctx),
    );
    // Not running, or no longer attached there: it sees the new size at its next start.
    if (r.ok || r.error.code === 'NOT_FOUND') return endExtend(v, grown);
    // The volume did grow; only the running guest has not been told.
    const told = (f: Fault): Fault => ({
      ...f,
      message: `the volume grew to ${v.sizeGib} GiB, but server ${a.serverId}'s host could not resize the disk (${f.message}); the guest sees the new size at its next start`,
    });
    if (r.noAnswer) {
      return waitOrGiveUp(ctx, d.timeoutMs, a.computeHost, r.error, (fault) => endExtend(v, grown, told(fault)));
    }
    return endExtend(v, grown, told(faultOf(r.error, new Date(ctx.now()).toISOString())));
  };

  const remove: OpStep<VolumeRecord> = async (v, ctx) => {
    const storage = (f: (api: ReturnType<VolumeAgents['storage']>) => Promise<void>) =>
      callHost(d.hosts, v.host, ctx.signal, (h) => f(d.agents.storage(h)));
    let r = await storage((s) => s.deleteVolume(v.id, ctx));
    if (!r.ok && r.error.reason === 'VOLUME_EXPORTED') {
      // An export no attachment calls for any more (a detach that lost the host): remove it first.
      ctx.log.warn({ hostId: v.host }, 'leftover export removed before delete');
      r = await storage(async (s) => {
        await s.unexportVolume(v.id, ctx);
        await s.deleteVolume(v.id, ctx);
      });
    }
    const toError = (fault: Fault): OpOutcome<VolumeRecord> => ({
      kind: 'update',
      apply: (cur, nowIso) => settled(cur, { status: 'error' }, nowIso, fault),
    });
    if (r.ok) {
      ctx.log.info({ hostId: v.host }, 'volume deleted');
      return {
        kind: 'write',
        build: async (entry) => {
          const cur = entry.value;
          const usage = await d.scheduler.usageChange(cur.host, { bytes: -cur.claimedBytes, volumes: -1 });
          const hold = await releaseHold(d.store, cur);
          const quota = await d.quotas.release(cur.projectId, volumeUsage.usageOf(cur).delta);
          return {
            compares: [...usage.compares, ...hold.compares, ...quota.compares],
            ops: [
              ...d.volumes.deleteOps(cur),
              { kind: 'delete', key: attachmentKey(cur.id) },
              ...usage.ops,
              ...hold.ops,
              ...quota.ops,
            ],
          };
        },
      };
    }
    if (r.noAnswer) return waitOrGiveUp(ctx, d.timeoutMs, v.host, r.error, toError);
    ctx.log.warn({ hostId: v.host, code: r.error.code, reason: r.error.reason }, 'volume delete failed');
    return toError(faultOf(r.error, new Date(ctx.now()).toISOString()));
  };

  return { 'create:create': create, 'extend:grow': grow, 'extend:refresh': refresh, 'delete:delete': remove };
}
