// The storage pattern shared by networks, subnets, ports and security groups:
// a record per id plus a per-project name index, visibility by project, name-or-id
// resolution and paginated listing. Each service adds its own guard keys.

import { canSee, requireAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { resolveRef } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { decodePageToken, encodePageToken } from '../store/page-token.ts';
import { listPage, type Page, type PageRequest, resolvePageSize } from '../store/paging.ts';
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

/**
 * Records every project sees (external networks): `is` says which, and they
 * have a second name index under `prefix` (`<prefix><name> <id>`), so that
 * any project resolves them by name and lists them after its own.
 */
export interface SharedRecords<T> {
  is(rec: T): boolean;
  prefix: string;
}

export class ResourceTable<T extends Owned> {
  readonly store: Store;
  readonly kind: NamedKind;
  /** For messages and reasons: 'network' → NETWORK_NOT_FOUND. */
  readonly noun: string;

  readonly shared: SharedRecords<T> | undefined;

  constructor(store: Store, kind: NamedKind, noun: string, shared?: SharedRecords<T>) {
    this.store = store;
    this.kind = kind;
    this.noun = noun;
    this.shared = shared;
  }

  private isShared(rec: T): boolean {
    return this.shared?.is(rec) ?? false;
  }

  private sharedNameKey(rec: T): string {
    return `${this.shared?.prefix}${rec.name} ${rec.id}`;
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
      ...(this.isShared(rec)
        ? [{ kind: 'create' as const, key: this.sharedNameKey(rec), value: { id: rec.id } satisfies NameIndex }]
        : []),
    ];
  }

  deleteOps(rec: T): Op[] {
    return [
      { kind: 'delete', key: this.key(rec.id) },
      { kind: 'delete', key: nameKey(this.kind, rec.projectId, rec.name, rec.id) },
      ...(this.isShared(rec) ? [{ kind: 'delete' as const, key: this.sharedNameKey(rec) }] : []),
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
        return e && canSee(principal, e.value.projectId, this.isShared(e.value)) ? e : undefined;
      },
      byName: (name) => this.visibleByName(principal.projectId, name),
      idOf: (e) => e.value.id,
    });
  }

  async byName(projectId: string, name: string): Promise<Entry<T>[]> {
    return this.byNameUnder(namePrefix(this.kind, projectId, name));
  }

  private async byNameUnder(prefix: string): Promise<Entry<T>[]> {
    const page = await this.store.list<NameIndex>(prefix, { limit: 1000 });
    const found = await Promise.all(page.entries.map((e) => this.entry(e.value.id)));
    return found.filter((e): e is Entry<T> => e !== undefined);
  }

  /** The project's own records of that name, and the shared ones of other projects. */
  private async visibleByName(projectId: string, name: string): Promise<Entry<T>[]> {
    const own = await this.byName(projectId, name);
    if (!this.shared) return own;
    const shared = await this.byNameUnder(`${this.shared.prefix}${name} `);
    return [...own, ...shared.filter((e) => e.value.projectId !== projectId)];
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
    const own = (r: PageRequest) =>
      listPage<NameIndex, T>(this.store, namesPrefix(this.kind, principal.projectId), r, async (e) => {
        const rec = (await this.entry(e.value.id))?.value;
        return rec && keep(rec) ? rec : undefined;
      });
    if (!this.shared) return own(req);
    return this.listOwnThenShared(principal.projectId, req, own, keep);
  }

  /**
   * The project's own records, then the shared records of other projects (both
   * in name order). A page token names a key in one of the two indexes, which
   * says where the next page resumes.
   */
  private async listOwnThenShared(
    projectId: string,
    req: PageRequest,
    own: (r: PageRequest) => Promise<Page<T>>,
    keep: (rec: T) => boolean,
  ): Promise<Page<T>> {
    const prefix = this.shared?.prefix ?? '';
    const shared = (r: PageRequest) =>
      listPage<NameIndex, T>(this.store, prefix, r, async (e) => {
        const rec = (await this.entry(e.value.id))?.value;
        return rec && rec.projectId !== projectId && keep(rec) ? rec : undefined;
      });
    if (req.pageToken && inSharedIndex(req.pageToken, prefix)) return shared(req);
    const size = resolvePageSize(req.pageSize);
    const first = await own(req);
    if (first.nextPageToken !== '') return first;
    const rest = size - first.items.length;
    if (rest === 0) {
      // The own list ended exactly on a full page: a token to the shared index, if it has anything.
      const any = await shared({ pageSize: 1 });
      return { items: first.items, nextPageToken: any.items.length > 0 ? encodePageToken(prefix) : '' };
    }
    const second = await shared({ pageSize: rest });
    return { items: [...first.items, ...second.items], nextPageToken: second.nextPageToken };
  }
}

function inSharedIndex(token: string, prefix: string): boolean {
  try {
    decodePageToken(token, prefix);
    return true;
  } catch {
    return false;
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
