// Volume snapshots as the public API offers them (strato.volume.v1.VolumeSnapshots).
// A snapshot lives on its volume's host and claims the volume's size there,
// atomically with its record; its create and its purge also count it on the
// volume (snapshotCount), so the volume cannot be deleted under a snapshot that
// is being taken.
import { randomUUID } from 'node:crypto';
import { StratoError } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { Principal } from '../identity/model.ts';
import type { Page } from '../store/paging.ts';
import type { Entry } from '../store/store.ts';
import { volumeSnapshotKey } from './keys.ts';
import type { SnapshotRecord, VolumeRecord } from './model.ts';
import type { ListRequest } from './named-table.ts';
import { claimBytes, shortOn } from './placement.ts';
import { snapshotRefusal, volumeRefusal } from './state-machine.ts';
import { snapshotUsage } from './usage.ts';
import { validateDescription, validateVolumeName } from './validate.ts';
import type { VolumeScheduler } from './volume-scheduler.ts';
import { failedSnapshots, modRevisionIs, type VolumeService } from './volumes.ts';

export interface CreateSnapshotInput {
  name: string;
  description: string;
  volume: string;
  force: boolean;
}

export interface SnapshotServiceOptions {
  volumes: VolumeService;
  scheduler: VolumeScheduler;
  kick: (snapshotId: string) => void;
  clock?: () => number;
  log?: Logger;
}

export class SnapshotService {
  private readonly o: SnapshotServiceOptions;
  private readonly clock: () => number;
  private readonly log: Logger;

  constructor(o: SnapshotServiceOptions) {
    this.o = o;
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'volume-snapshots' });
  }

  private get table() {
    return this.o.volumes.snapshots;
  }

  /** Errors: see CreateVolumeSnapshot. */
  async create(p: Principal, input: CreateSnapshotInput, requestId: string): Promise<SnapshotRecord> {
    const name = validateVolumeName(input.name);
    const description = validateDescription(input.description);
    const first = (await this.o.volumes.volumes.resolve(p, input.volume, 'volume')).value;
    const snap = await this.o.scheduler.claimOn(first.host, async (host) => {
      const e = await this.o.volumes.mustGet(first.id);
      const v = e.value;
      const serverId = await this.o.volumes.serverOf(v.id);
      const refusal = volumeRefusal({ ...v, serverId }, 'snapshot', { force: input.force });
      if (refusal) throw refusal;
      if (!host.snapshotsSupported) throw failedSnapshots(host, `cannot snapshot volume ${v.name || v.id}`);
      const bytes = claimBytes(v.sizeGib, host.granularityBytes);
      const short = shortOn(host, bytes, `a snapshot of volume ${v.name || v.id}`);
      if (short) throw short;
      const nowMs = this.clock();
      const now = new Date(nowMs).toISOString();
      const s: SnapshotRecord = {
        id: randomUUID(),
        name,
        projectId: v.projectId,
        userId: p.userId,
        description,
        volumeId: v.id,
        sizeGib: v.sizeGib,
        status: 'creating',
        host: v.host,
        backend: v.backend,
        claimedBytes: bytes,
        createdAt: now,
        updatedAt: now,
        op: { id: randomUUID(), kind: 'create', step: 'create', requestId, startedAtMs: nowMs },
      };
      const counted: VolumeRecord = { ...v, snapshotCount: (v.snapshotCount ?? 0) + 1 };
      const quota = await this.o.volumes.quotas.claim(s.projectId, snapshotUsage.usageOf(s).delta);
      return {
        delta: { bytes, snapshots: 1 },
        write: {
          compares: [modRevisionIs(e), ...quota.compares],
          ops: [
            { kind: 'put' as const, key: e.key, value: counted },
            ...this.table.createOps(s),
            { kind: 'create' as const, key: volumeSnapshotKey(v.id, s.id), value: {} },
            ...quota.ops,
          ],
        },
        result: s,
      };
    });
    if (!snap) throw new Error('unreachable: a snapshot create always decides');
    this.log.info({ snapshotId: snap.id, volumeId: snap.volumeId, requestId, force: input.force }, 'snapshot accepted');
    this.o.kick(snap.id);
    return snap;
  }

  async get(p: Principal, ref: unknown): Promise<SnapshotRecord> {
    return (await this.table.resolve(p, ref, 'snapshot')).value;
  }

  /** The caller's snapshots, optionally of one volume (id or name). Errors: NOT_FOUND/VOLUME_NOT_FOUND. */
  async list(p: Principal, req: ListRequest & { volume?: string }): Promise<Page<SnapshotRecord>> {
    const volumeId = req.volume ? (await this.o.volumes.volumes.resolve(p, req.volume, 'volume')).value.id : '';
    return this.table.list(p, req, (s) => volumeId === '' || s.volumeId === volumeId);
  }

  /** Starts deleting (available or error); idempotent while deleting. Errors: see DeleteVolumeSnapshot. */
  async delete(p: Principal, ref: unknown, requestId: string): Promise<SnapshotRecord> {
    const id = (await this.table.resolve(p, ref, 'snapshot')).value.id;
    for (;;) {
      const e = await this.mustGet(id);
      const cur = e.value;
      if (cur.status === 'deleting') return cur;
      const refusal = snapshotRefusal(cur, 'delete');
      if (refusal) throw refusal;
      const nowMs = this.clock();
      const next: SnapshotRecord = {
        ...cur,
        status: 'deleting',
        updatedAt: new Date(nowMs).toISOString(),
        op: { id: randomUUID(), kind: 'delete', step: 'delete', requestId, startedAtMs: nowMs },
      };
      if ((await this.table.store.txn([modRevisionIs(e)], [{ kind: 'put', key: e.key, value: next }])).succeeded) {
        this.log.info({ snapshotId: id, requestId }, 'snapshot delete accepted');
        this.o.kick(id);
        return next;
      }
    }
  }

  async mustGet(id: string): Promise<Entry<SnapshotRecord>> {
    const e = await this.table.entry(id);
    if (!e) {
      throw new StratoError('NOT_FOUND', 'SNAPSHOT_NOT_FOUND', `snapshot ${id} not found`, {
        details: { snapshot: id },
      });
    }
    return e;
  }
}
