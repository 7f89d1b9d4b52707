// Volumes as the public API offers them (strato.volume.v1.Volumes). Each
// mutating call checks the request against the LATEST records, then writes in
// one transaction the volume (with the op that will carry the change out), its
// host's usage when capacity is claimed, and whatever else holds (a snapshot or
// source volume being copied), and hands the volume to the op driver. The call
// returns once the operation is accepted; the status moves as the host works.
import { randomUUID } from 'node:crypto';
import { invalidArgument, StratoError } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { Principal } from '../identity/model.ts';
import { mergeDeltas } from '../quotas/check.ts';
import { NO_LIMITS, type QuotaDelta } from '../quotas/model.ts';
import { Quotas } from '../quotas/quotas.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Page, PageRequest } from '../store/paging.ts';
import type { Compare, Entry, Op, Store } from '../store/store.ts';
import { type BackendView, listBackends } from './backends.ts';
import { type CreateVolumeInput, type ResolvedCreate, resolveCreate, type VolumeImages } from './create-request.ts';
import {
  attachmentKey,
  SNAPSHOT_RECORDS,
  snapshotKey,
  VOLUME_RECORDS,
  volumeKey,
  volumeSnapshotsPrefix,
} from './keys.ts';
import { type AttachmentRecord, MAX_SIZE_GIB, type SnapshotRecord, type VolumeRecord } from './model.ts';
import { type ListRequest, NamedTable } from './named-table.ts';
import { claimBytes, pickStorageHost, type StorageHostView, shortOn } from './placement.ts';
import { snapshotRefusal, volumeRefusal } from './state-machine.ts';
import { volumeUsage } from './usage.ts';
import { validateDescription, validateVolumeName } from './validate.ts';
import type { ClaimWrite, VolumeScheduler } from './volume-scheduler.ts';

/** A volume as callers see it: the record and its attachment (the CHAP secret never leaves the store). */
export interface VolumeView {
  volume: VolumeRecord;
  attachment?: Omit<AttachmentRecord, 'chapSecret'>;
}

export interface VolumeServiceOptions {
  store: Store;
  scheduler: VolumeScheduler;
  images: VolumeImages;
  /** Starts driving a volume's op. */
  kick: (volumeId: string) => void;
  /** Per-project quotas (volumes, gigabytes). @default counted, never enforced */
  quotas?: Quotas;
  clock?: () => number;
  log?: Logger;
}

/**
 * What a create writes with the volume (a server that boots from it), and that
 * writer's own quota, counted (and `alsoFits` checked) with the volume's in the
 * same transaction.
 */
export interface ExtraWrite extends ClaimWrite {
  quota?: { delta: QuotaDelta; alsoFits?: QuotaDelta };
}

/** Statuses in which a volume may have an attachment record. */
const WITH_ATTACHMENT = new Set(['attaching', 'in-use', 'detaching', 'extending']);

export function volumeTable(store: Store): NamedTable<VolumeRecord> {
  return new NamedTable<VolumeRecord>({
    store,
    noun: 'volume',
    kind: 'names',
    recordsPrefix: VOLUME_RECORDS,
    keyOf: volumeKey,
  });
}

export function snapshotTable(store: Store): NamedTable<SnapshotRecord> {
  return new NamedTable<SnapshotRecord>({
    store,
    noun: 'snapshot',
    kind: 'snapshot-names',
    recordsPrefix: SNAPSHOT_RECORDS,
    keyOf: snapshotKey,
  });
}

export const modRevisionIs = (e: Entry<unknown>): Compare => ({
  kind: 'modRevision',
  key: e.key,
  modRevision: e.modRevision,
});

/**
 * The records a create holds while it copies: the snapshot or source volume,
 * re-read and re-checked on every attempt (another create may have marked it
 * meanwhile), and marked so they are not deleted under the copy.
 */
async function holdOps(store: Store, r: ResolvedCreate, volumeId: string): Promise<ClaimWrite> {
  const src = r.snapshot ?? r.sourceVolume;
  if (!src) return { compares: [], ops: [] };
  const e = await getOrUndefined<SnapshotRecord & VolumeRecord>(store, src.key);
  if (!e) {
    const kind = r.snapshot ? 'SNAPSHOT' : 'VOLUME';
    throw new StratoError('NOT_FOUND', `${kind}_NOT_FOUND`, `the source ${kind.toLowerCase()} is gone`, {
      details: { field: r.snapshot ? 'snapshot' : 'source_volume' },
    });
  }
  const refusal = r.snapshot ? snapshotRefusal(e.value, 'source') : volumeRefusal(e.value, 'copy');
  if (refusal) throw refusal;
  const field = r.snapshot ? 'volumesInProgress' : 'copiesInProgress';
  const marked = { ...e.value, [field]: [...(e.value[field] ?? []), volumeId] };
  return { compares: [modRevisionIs(e)], ops: [{ kind: 'put', key: e.key, value: marked }] };
}

export class VolumeService {
  readonly volumes: NamedTable<VolumeRecord>;
  readonly snapshots: NamedTable<SnapshotRecord>;
  readonly quotas: Quotas;
  private readonly o: VolumeServiceOptions;
  private readonly store: Store;
  private readonly clock: () => number;
  private readonly log: Logger;

  constructor(o: VolumeServiceOptions) {
    this.o = o;
    this.store = o.store;
    this.volumes = volumeTable(o.store);
    this.snapshots = snapshotTable(o.store);
    this.quotas = o.quotas ?? new Quotas({ store: o.store, defaults: NO_LIMITS });
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'volumes' });
  }

  attachment(volumeId: string): Promise<Entry<AttachmentRecord> | undefined> {
    return getOrUndefined<AttachmentRecord>(this.store, attachmentKey(volumeId));
  }

  async serverOf(volumeId: string): Promise<string | undefined> {
    return (await this.attachment(volumeId))?.value.serverId;
  }

  async view(volume: VolumeRecord): Promise<VolumeView> {
    if (!WITH_ATTACHMENT.has(volume.status)) return { volume };
    const a = (await this.attachment(volume.id))?.value;
    if (!a) return { volume };
    const { chapSecret: _secret, ...attachment } = a;
    return { volume, attachment };
  }

  /**
   * Checks and places a new volume, claiming its size on a storage host, and
   * writes it (with `extra`: e.g. the server that boots from it) in one
   * transaction; then its create op starts. Errors: see CreateVolume.
   */
  async create(
    p: Principal,
    input: CreateVolumeInput,
    requestId: string,
    extra?: (v: VolumeRecord) => ExtraWrite,
    sizeField = 'size_gib',
  ): Promise<VolumeRecord> {
    const r = await resolveCreate(
      p,
      input,
      { images: this.o.images, volumes: this.volumes, snapshots: this.snapshots, serverOf: (id) => this.serverOf(id) },
      sizeField,
    );
    const id = randomUUID();
    const nowMs = this.clock();
    const now = new Date(nowMs).toISOString();
    const image = r.source.kind === 'image';
    const record = (host: StorageHostView, bytes: number): VolumeRecord => ({
      id,
      name: r.name,
      projectId: p.projectId,
      userId: p.userId,
      description: r.description,
      sizeGib: r.sizeGib,
      status: image ? 'downloading' : 'creating',
      progressPercent: image ? 0 : 100,
      backend: host.backend,
      host: host.hostId,
      claimedBytes: bytes,
      imageId: r.imageId,
      snapshotId: r.source.kind === 'snapshot' ? r.source.snapshotId : '',
      sourceVolumeId: r.source.kind === 'volume' ? r.source.volumeId : '',
      createdAt: now,
      updatedAt: now,
      op: { id: randomUUID(), kind: 'create', step: 'create', requestId, startedAtMs: nowMs, source: r.source },
    });
    let written: VolumeRecord | undefined;
    const write = async (host: StorageHostView, bytes: number): Promise<ClaimWrite> => {
      const v = record(host, bytes);
      written = v;
      const hold = await holdOps(this.store, r, id);
      const more: ExtraWrite = extra?.(v) ?? { compares: [], ops: [] };
      const delta = mergeDeltas(volumeUsage.usageOf(v).delta, more.quota?.delta);
      const quota = await this.quotas.claim(p.projectId, delta, more.quota?.alsoFits);
      return {
        compares: [...hold.compares, ...more.compares, ...quota.compares],
        ops: [...this.volumes.createOps(v), ...hold.ops, ...more.ops, ...quota.ops],
      };
    };
    if (r.sameHost) {
      const copyOf = r.snapshot ? `snapshot ${r.snapshot.value.id}` : `volume ${r.sourceVolume?.value.id}`;
      await this.o.scheduler.claimOn(r.sameHost, async (host) => {
        if (!host.snapshotsSupported) {
          throw failedSnapshots(host, `cannot copy ${copyOf}`);
        }
        const bytes = claimBytes(r.sizeGib, host.granularityBytes);
        const short = shortOn(host, bytes, `a copy of ${copyOf}`);
        if (short) throw short;
        return { delta: { bytes, volumes: 1 }, write: await write(host, bytes), result: true };
      });
    } else {
      await this.o.scheduler.placeNew(
        (views) => {
          const placed = pickStorageHost(views, r.sizeGib, r.backend);
          if (!placed.ok) throw placed.error;
          return placed;
        },
        { volumes: 1 },
        write,
      );
    }
    const v = written;
    if (!v) throw new Error('unreachable: a placed volume was written');
    this.log.info(
      { volumeId: id, requestId, projectId: p.projectId, hostId: v.host, sizeGib: v.sizeGib, source: r.source.kind },
      'volume accepted',
    );
    this.o.kick(id);
    return v;
  }

  async get(p: Principal, ref: unknown): Promise<VolumeView> {
    return this.view((await this.volumes.resolve(p, ref, 'volume')).value);
  }

  async list(p: Principal, req: ListRequest): Promise<Page<VolumeView>> {
    const page = await this.volumes.list(p, req);
    return { items: await Promise.all(page.items.map((v) => this.view(v))), nextPageToken: page.nextPageToken };
  }

  /** Renames and/or describes; legal in every status but deleting. Idempotent. */
  async update(p: Principal, ref: unknown, change: { name?: string; description?: string }): Promise<VolumeView> {
    const name = change.name === undefined ? undefined : validateVolumeName(change.name);
    const description = change.description === undefined ? undefined : validateDescription(change.description);
    const id = (await this.volumes.resolve(p, ref, 'volume')).value.id;
    for (;;) {
      const e = await this.mustGet(id);
      const cur = e.value;
      const refusal = volumeRefusal(cur, 'update');
      if (refusal) throw refusal;
      const next: VolumeRecord = {
        ...cur,
        name: name ?? cur.name,
        description: description ?? cur.description,
        updatedAt: new Date(this.clock()).toISOString(),
      };
      if (next.name === cur.name && next.description === cur.description) return this.view(cur);
      if ((await this.store.txn([modRevisionIs(e)], this.volumes.putOps(cur, next))).succeeded) {
        return this.view(next);
      }
    }
  }

  /**
   * Grows a volume (available or in-use), claiming the extra size on its host
   * at once; extending to the current size changes nothing. Errors: see
   * ExtendVolume.
   */
  async extend(p: Principal, ref: unknown, newSizeGib: number, requestId: string): Promise<VolumeView> {
    if (!Number.isInteger(newSizeGib) || newSizeGib < 1 || newSizeGib > MAX_SIZE_GIB) {
      throw invalidArgument('SIZE_INVALID', `new_size_gib must be 1 to ${MAX_SIZE_GIB} GiB, got ${newSizeGib}`, {
        details: { field: 'new_size_gib' },
      });
    }
    const first = (await this.volumes.resolve(p, ref, 'volume')).value;
    const done = await this.o.scheduler.claimOn(first.host, async (host) => {
      const e = await this.mustGet(first.id);
      const cur = e.value;
      if (newSizeGib < cur.sizeGib) {
        throw invalidArgument(
          'VOLUME_SHRINK_REFUSED',
          `volume ${cur.name || cur.id} is ${cur.sizeGib} GiB; a volume cannot shrink (new_size_gib ${newSizeGib})`,
          { details: { field: 'new_size_gib', size_gib: String(cur.sizeGib) } },
        );
      }
      // The current size (a retried call included): nothing to do.
      if (newSizeGib === cur.sizeGib) return undefined;
      const refusal = volumeRefusal({ ...cur, serverId: await this.serverOf(cur.id) }, 'extend');
      if (refusal) throw refusal;
      const bytes = claimBytes(newSizeGib, host.granularityBytes);
      const more = Math.max(0, bytes - cur.claimedBytes);
      const short = shortOn(host, more, `growing volume ${cur.name || cur.id} to ${newSizeGib} GiB`);
      if (short) throw short;
      const quota = await this.quotas.claim(cur.projectId, { gigabytes: newSizeGib - cur.sizeGib });
      const nowMs = this.clock();
      const next: VolumeRecord = {
        ...cur,
        sizeGib: newSizeGib,
        status: 'extending',
        claimedBytes: cur.claimedBytes + more,
        updatedAt: new Date(nowMs).toISOString(),
        op: {
          id: randomUUID(),
          kind: 'extend',
          step: 'grow',
          requestId,
          startedAtMs: nowMs,
          fromGib: cur.sizeGib,
          fromClaimedBytes: cur.claimedBytes,
          returnTo: cur.status,
        },
      };
      return {
        delta: { bytes: more },
        write: {
          compares: [modRevisionIs(e), ...quota.compares],
          ops: [{ kind: 'put', key: e.key, value: next }, ...quota.ops] as Op[],
        },
        result: next,
      };
    });
    if (done === undefined) return this.view((await this.mustGet(first.id)).value);
    this.log.info({ volumeId: done.id, requestId, sizeGib: newSizeGib }, 'volume extend accepted');
    this.o.kick(done.id);
    return this.view(done);
  }

  /** Starts deleting (available or error); idempotent while deleting. Errors: see DeleteVolume. */
  async delete(p: Principal, ref: unknown, requestId: string): Promise<VolumeView> {
    const id = (await this.volumes.resolve(p, ref, 'volume')).value.id;
    for (;;) {
      const e = await this.mustGet(id);
      const cur = e.value;
      if (cur.status === 'deleting') return this.view(cur);
      const snaps = await this.store.list<unknown>(volumeSnapshotsPrefix(id), { limit: 10 });
      const snapshotIds = snaps.entries.map((s) => s.key.slice(volumeSnapshotsPrefix(id).length));
      const refusal = volumeRefusal({ ...cur, serverId: await this.serverOf(id) }, 'delete', { snapshotIds });
      if (refusal) throw refusal;
      const next = startDelete(cur, requestId, this.clock());
      if ((await this.store.txn([modRevisionIs(e)], [{ kind: 'put', key: e.key, value: next }])).succeeded) {
        this.log.info({ volumeId: id, requestId }, 'volume delete accepted');
        this.o.kick(id);
        return this.view(next);
      }
    }
  }

  /** Every storage host's backend and capacity, in host id order (admins only: the adapter checks). */
  backends(req: PageRequest): Promise<Page<BackendView>> {
    return listBackends(this.store, (h) => this.o.scheduler.hostState(h), req);
  }

  /** The entry of a volume the caller already resolved; NOT_FOUND if it went meanwhile. */
  async mustGet(id: string): Promise<Entry<VolumeRecord>> {
    const e = await this.volumes.entry(id);
    if (!e)
      throw new StratoError('NOT_FOUND', 'VOLUME_NOT_FOUND', `volume ${id} not found`, { details: { volume: id } });
    return e;
  }
}

/** The volume in deleting, with the op that removes it from its host. */
export function startDelete(v: VolumeRecord, requestId: string, nowMs: number): VolumeRecord {
  return {
    ...v,
    status: 'deleting',
    updatedAt: new Date(nowMs).toISOString(),
    op: { id: randomUUID(), kind: 'delete', step: 'delete', requestId, startedAtMs: nowMs },
  };
}

export function failedSnapshots(host: StorageHostView, what: string): StratoError {
  return new StratoError(
    'FAILED_PRECONDITION',
    'SNAPSHOTS_UNSUPPORTED',
    `${what}: storage host ${host.hostId} (${host.backend}) cannot copy volumes: ${host.snapshotsUnsupportedReason || 'unsupported'}`,
    { details: { host: host.hostId } },
  );
}
