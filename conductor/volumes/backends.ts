// ListVolumeBackends: every storage host as the volume scheduler sees it — the
// backend and capacity it last reported, and what was placed there (the usage
// record: every volume and snapshot in full, those being created included) —
// in host id order, one page at a time.
import { HOSTS, type HostRecord, rolesOf } from '../hosts/host-record.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listPage, type Page, type PageRequest } from '../store/paging.ts';
import type { Store } from '../store/store.ts';
import { usageKey } from './keys.ts';
import { type StorageUsage, ZERO_USAGE } from './model.ts';

export interface BackendView {
  host: HostRecord;
  state: 'up' | 'down';
  usage: StorageUsage;
}

export async function listBackends(
  store: Store,
  state: (h: HostRecord) => 'up' | 'down',
  req: PageRequest,
): Promise<Page<BackendView>> {
  return listPage<HostRecord, BackendView>(store, HOSTS, req, async (e) => {
    const h = e.value;
    if (!h.storage || !rolesOf(h).includes('storage')) return undefined;
    const usage = (await getOrUndefined<StorageUsage>(store, usageKey(h.id)))?.value ?? ZERO_USAGE;
    return { host: h, state: state(h), usage };
  });
}
