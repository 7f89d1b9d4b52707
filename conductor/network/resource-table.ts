// The storage pattern shared by networks, subnets, ports and security groups:
// a record per id plus a per-project name index, visibility by project, name-or-id
// resolution and paginated listing. Each service adds its own guard keys.

import { canSee, requireAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { resolveRef } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listPage, type Page, type PageRequest } from '../store/paging.ts';
import type { Entry, Op, Store } from '../store/store.ts';
import { type NamedKind, type NameIndex, nameKey, namePrefix, namesPrefix, recordKey, recordPrefix } from './keys.ts';

export interface Owned {
  id: string;
  name: string;
  projectId: string;
}

export interface ListRequest extends PageRequest {
  allProjects?: boolean;
}

export class ResourceTable<T extends Owned> {
  readonly store: Store;
  readonly kind: NamedKind;
  /** For messages and reasons: 'network' → NETWORK_NOT_FOUND. */
  readonly noun: string;

  constructor(store: Store, kind: NamedKind, noun: string) {
    this.store = store;
    this.kind = kind;
    this.noun = noun;
  }

  key(id: string): string {
    return recordKey(this.kind, id);
  }

  createOps(rec: T): Op[] {
    return [
      { kind: 'create', key: this.key(rec.id), value: rec },
      {
        kind: 'create',
        key: nameKey(this.kind, rec.projectId, rec.name, rec.id),
        value: { id: rec.id } satisfies NameIndex,
      },
    ];
  }

  deleteOps(rec: T): Op[] {
    return [
      { kind: 'delete', key: this.key(rec.id) },
      { kind: 'delete', key: nameKey(this.kind, rec.projectId, rec.name, rec.id) },
    ];
  }

  /** The record whoever owns it, or undefined. */
  entry(id: string): Promise<Entry<T> | undefined> {
    return getOrUndefined<T>(this.store, this.key(id));
  }

  /** The records of `ids` that exist, in order (a reference may outlive its record for a moment). */
  async values(ids: readonly string[]): Promise<T[]> {
    const entries = await Promise.all(ids.map((id) => this.entry(id)));
    return entries.filter((e) => e !== undefined).map((e) => e.value);
  }

  /**
   * By id or name as `principal` sees it: ids of its own project's (any, for
   * admins); names among its own project's only, so an admin's names do not
   * collide with every project's. Errors: NOT_FOUND/<NOUN>_NOT_FOUND,
   * FAILED_PRECONDITION/<NOUN>_NAME_AMBIGUOUS.
   */
  resolve(principal: Principal, ref: unknown, field: string): Promise<Entry<T>> {
    return resolveRef<Entry<T>>(field, ref, {
      kind: this.noun,
      byId: async (id) => {
        const e = await this.entry(id);
        return e && canSee(principal, e.value.projectId) ? e : undefined;
      },
      byName: (name) => this.byName(principal.projectId, name),
      idOf: (e) => e.value.id,
    });
  }

  async byName(projectId: string, name: string): Promise<Entry<T>[]> {
    const page = await this.store.list<NameIndex>(namePrefix(this.kind, projectId, name), { limit: 1000 });
    const found = await Promise.all(page.entries.map((e) => this.entry(e.value.id)));
    return found.filter((e): e is Entry<T> => e !== undefined);
  }

  /**
   * The caller's project's records in name order, or with allProjects (admins
   * only) every record in id order; `keep` filters.
   */
  list(principal: Principal, req: ListRequest, keep: (rec: T) => boolean = () => true): Promise<Page<T>> {
    if (req.allProjects) {
      requireAdmin(principal, 'all_projects');
      return listPage<T, T>(this.store, recordPrefix(this.kind), req, (e) => (keep(e.value) ? e.value : undefined));
    }
    return listPage<NameIndex, T>(this.store, namesPrefix(this.kind, principal.projectId), req, async (e) => {
      const rec = (await this.entry(e.value.id))?.value;
      return rec && keep(rec) ? rec : undefined;
    });
  }
}

/** Reads a guard key's modRevision (0 when absent) for a later compare. */
export async function readGuard(store: Store, key: string): Promise<number> {
  return (await getOrUndefined(store, key))?.modRevision ?? 0;
}

/** The compare that holds only if the guard read by readGuard did not move. */
export function guardUnchanged(key: string, modRevision: number) {
  return modRevision === 0 ? ({ kind: 'absent', key } as const) : ({ kind: 'modRevision', key, modRevision } as const);
}

/** Whether anything exists under `prefix`, ignoring keys `ignore` accepts. */
export async function anyUnder(
  store: Store,
  prefix: string,
  ignore: (key: string) => boolean = () => false,
): Promise<string | undefined> {
  let pageToken: string | undefined;
  do {
    const page = await store.list(prefix, { limit: 100, pageToken });
    const hit = page.entries.find((e) => !ignore(e.key));
    if (hit) return hit.key;
    pageToken = page.nextPageToken;
  } while (pageToken !== undefined);
  return undefined;
}
