// Where a new volume goes, and whether more fits on a host: pure, over plain
// views of the storage hosts (table-tested). Capacity is thick: every volume and
// snapshot counts in full, rounded up to its host's granularity, from the moment
// it is placed (the usage records, kept by volume-scheduler.ts). The host's own
// total is the limit; what it reports as free is not consulted, because a volume
// being created takes its space only as the copy runs.
import { failedPrecondition, StratoError, unavailable } from '../../common/errors.ts';
import { type Backend, GiB, type StorageUsage } from './model.ts';

export interface StorageHostView {
  hostId: string;
  backend: Backend;
  up: boolean;
  enabled: boolean;
  totalBytes: number;
  granularityBytes: number;
  snapshotsSupported: boolean;
  snapshotsUnsupportedReason: string;
  usage: StorageUsage;
}

/** What `sizeGib` takes on a host: whole multiples of its granularity. */
export function claimBytes(sizeGib: number, granularityBytes: number): number {
  const g = Math.max(1, granularityBytes);
  return Math.ceil((sizeGib * GiB) / g) * g;
}

export function freeBytes(h: Pick<StorageHostView, 'totalBytes' | 'usage'>): number {
  return Math.max(0, h.totalBytes - h.usage.allocatedBytes);
}

const freeGib = (h: Pick<StorageHostView, 'totalBytes' | 'usage'>) => Math.floor(freeBytes(h) / GiB);

/** Null when `bytes` more fit on the host, else RESOURCE_EXHAUSTED/INSUFFICIENT_CAPACITY with details.free_gib. */
export function shortOn(h: StorageHostView, bytes: number, what: string): StratoError | null {
  if (bytes <= freeBytes(h)) return null;
  return new StratoError(
    'RESOURCE_EXHAUSTED',
    'INSUFFICIENT_CAPACITY',
    `${what} needs ${Math.ceil(bytes / GiB)} GiB on storage host ${h.hostId}, which has ${freeGib(h)} GiB free`,
    { details: { host: h.hostId, free_gib: String(freeGib(h)) } },
  );
}

export type Placement = { ok: true; host: StorageHostView; bytes: number } | { ok: false; error: StratoError };

/**
 * The up, enabled storage host (of `backend`, if given) with the most free
 * capacity that holds `sizeGib`; ties go to the lower host id. Errors, in this
 * order: FAILED_PRECONDITION/NO_STORAGE_HOST (none of that backend registered),
 * UNAVAILABLE/STORAGE_UNAVAILABLE (none of them up), RESOURCE_EXHAUSTED/
 * INSUFFICIENT_CAPACITY (details.largest_free_gib among the up, enabled ones).
 */
export function pickStorageHost(hosts: readonly StorageHostView[], sizeGib: number, backend?: Backend): Placement {
  const kind = backend ? `${backend} ` : '';
  const mine = hosts.filter((h) => backend === undefined || h.backend === backend);
  if (mine.length === 0) {
    return {
      ok: false,
      error: failedPrecondition('NO_STORAGE_HOST', `no ${kind}storage host is registered`, {
        details: { backend: backend ?? '' },
      }),
    };
  }
  const up = mine.filter((h) => h.up);
  if (up.length === 0) {
    return {
      ok: false,
      error: unavailable(
        'STORAGE_UNAVAILABLE',
        `no ${kind}storage host is up (${mine.length} registered); retry later`,
        {
          details: { backend: backend ?? '' },
        },
      ),
    };
  }
  const usable = up.filter((h) => h.enabled);
  const fits = usable
    .map((h) => ({ h, bytes: claimBytes(sizeGib, h.granularityBytes) }))
    .filter(({ h, bytes }) => bytes <= freeBytes(h))
    .sort((a, b) => freeBytes(b.h) - freeBytes(a.h) || a.h.hostId.localeCompare(b.h.hostId));
  const best = fits[0];
  if (best) return { ok: true, host: best.h, bytes: best.bytes };
  const largest = Math.max(0, ...usable.map(freeGib));
  const disabled = up.length - usable.length;
  return {
    ok: false,
    error: new StratoError(
      'RESOURCE_EXHAUSTED',
      'INSUFFICIENT_CAPACITY',
      `no up, enabled ${kind}storage host has ${sizeGib} GiB free (the most free: ${largest} GiB` +
        `${disabled > 0 ? `; ${disabled} disabled` : ''})`,
      { details: { largest_free_gib: String(largest), backend: backend ?? '' } },
    ),
  };
}
