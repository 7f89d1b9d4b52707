// Volumes and snapshots as callers name them: a record per id plus a
// per-project name index; names are not unique (as in Cinder). Visibility by
// project (another project's record does not exist for the caller: NOT_FOUND,
// admins see every project), name-or-id resolution, and paginated listing:
// a project's in name order, every project's (admins, all_projects) in id order.
import { canSee, requireAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { resolveRef } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listPage, type Page, type PageRequest } from '../store/paging.ts';
import type { Entry, Op, Store } from '../store/store.ts';
import { type NamedKind, type NameIndex, nameKey, namePrefix, namesPrefix } from './keys.ts';

export interface Named {
  id: string;
  name: string;
  projectId: string;
}

export interface ListRequest extends PageRequest {
  allProjects?: boolean;
}

export class NamedTable<T extends Named> {
  readonly store: Store;
  /** For messages and reasons: 'volume' → VOLUME_NOT_FOUND. */
  readonly noun: string;
  private readonly kind: NamedKind;
  private readonly recordsPrefix: string;
  private readonly keyOf: (id: string) => string;

  constructor(o: {
    store: Store;
    noun: string;
    kind: NamedKind;
    recordsPrefix: string;
    keyOf: (id: string) => string;
  }) {
    this.store = o.store;
    this.noun = o.noun;
    this.kind = o.kind;
    this.recordsPrefix = o.recordsPrefix;
    this.keyOf = o.keyOf;
  }

  key(id: string): string {
    return this.keyOf(id);
  }

  nameKey(rec: T): string {
    return nameKey(this.kind, rec.projectId, rec.name, rec.id);
  }

  createOps(rec: T): Op[] {
    return [
      { kind: 'create', key: this.key(rec.id), value: rec },
      { kind: 'create', key: this.nameKey(rec), value: { id: rec.id } satisfies NameIndex },
    ];
  }

  deleteOps(rec: T): Op[] {
    return [
      { kind: 'delete', key: this.key(rec.id) },
      { kind: 'delete', key: this.nameKey(rec) },
    ];
  }

  /** Writes `next` over `old`, moving its name index entry if the name changed. */
  putOps(old: T, next: T): Op[] {
    const ops: Op[] = [{ kind: 'put', key: this.key(next.id), value: next }];
    if (old.name !== next.name) {
      ops.push({ kind: 'delete', key: this.nameKey(old) });
      ops.push({ kind: 'create', key: this.nameKey(next), value: { id: next.id } satisfies NameIndex });
    }
    return ops;
  }

  /** The record whoever owns it, or undefined. */
  entry(id: string): Promise<Entry<T> | undefined> {
    return getOrUndefined<T>(this.store, this.key(id));
  }

  /**
   * By id or name as `principal` sees it: ids of its project's (any, for
   * admins); names among its project's. Errors: NOT_FOUND/<NOUN>_NOT_FOUND
   * naming `field`, FAILED_PRECONDITION/<NOUN>_NAME_AMBIGUOUS.
   */
  resolve(principal: Principal, ref: unknown, field: string): Promise<Entry<T>> {
    return resolveRef<Entry<T>>(field, ref, {
      kind: this.noun,
      byId: async (id) => {
        const e = await this.entry(id);
        return e && canSee(principal, e.value.projectId) ? e : undefined;
      },
      byName: async (name) => {
        const page = await this.store.list<NameIndex>(namePrefix(this.kind, principal.projectId, name), {
          limit: 20,
        });
        const found = await Promise.all(page.entries.map((e) => this.entry(e.value.id)));
        return found.filter((e): e is Entry<T> => e !== undefined);
      },
      idOf: (e) => e.value.id,
    });
  }

  /** The caller's project's records in name order, or with allProjects (admins only) all in id order. */
  list(principal: Principal, req: ListRequest, keep: (rec: T) => boolean = () => true): Promise<Page<T>> {
    if (req.allProjects) {
      requireAdmin(principal, 'all_projects');
      return listPage<T, T>(this.store, this.recordsPrefix, req, (e) => (keep(e.value) ? e.value : undefined));
    }
    return listPage<NameIndex, T>(this.store, namesPrefix(this.kind, principal.projectId), req, async (e) => {
      const rec = (await this.entry(e.value.id))?.value;
      return rec && keep(rec) ? rec : undefined;
    });
  }
}
