// Pagination of List RPCs. A page token is the store's own token (it names the
// last key returned, opaque to callers), so a listing that filters entries
// (visibility, all_projects) can stop in the middle of a store page and resume
// exactly after the last entry it looked at. A token used with another listing
// fails with INVALID_ARGUMENT/PAGE_TOKEN_INVALID (the store checks its prefix;
// its message, which may name keys, is replaced by one naming the field).
import { invalidArgument, isStratoError } from '../../common/errors.ts';
import { encodePageToken } from './page-token.ts';
import type { Entry, Store } from './store.ts';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface PageRequest {
  /** 0 or absent: DEFAULT_PAGE_SIZE; above MAX_PAGE_SIZE: MAX_PAGE_SIZE (as AIP-158 advises). */
  pageSize?: number;
  /** '' or absent: the first page. */
  pageToken?: string;
}

export interface Page<T> {
  items: T[];
  /** '' on the last page. */
  nextPageToken: string;
}

export function resolvePageSize(requested: number | undefined): number {
  const n = requested ?? 0;
  if (!Number.isInteger(n) || n < 0) {
    throw invalidArgument('PAGE_SIZE_INVALID', `page_size must be >= 0, got ${n}`, {
      details: { field: 'page_size' },
    });
  }
  if (n === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

/**
 * Lists entries under `prefix` in key order, keeping those `pick` maps to a
 * value, until a page is full. `pick` returns undefined to skip an entry.
 */
export async function listPage<V, T>(
  store: Store,
  prefix: string,
  req: PageRequest,
  pick: (entry: Entry<V>) => T | undefined | Promise<T | undefined>,
): Promise<Page<T>> {
  const size = resolvePageSize(req.pageSize);
  const items: T[] = [];
  let token = req.pageToken ? req.pageToken : undefined;
  for (;;) {
    const page = await store
      .list<V>(prefix, { limit: size, ...(token ? { pageToken: token } : {}) })
      .catch((err: unknown) => {
        if (!isStratoError(err) || err.reason !== 'PAGE_TOKEN_INVALID') throw err;
        throw invalidArgument('PAGE_TOKEN_INVALID', 'page_token is not a token from this listing', {
          details: { field: 'page_token' },
        });
      });
    for (let i = 0; i < page.entries.length; i++) {
      const entry = page.entries[i]!;
      const item = await pick(entry);
      if (item === undefined) continue;
      items.push(item);
      if (items.length === size) {
        const more = i < page.entries.length - 1 || page.nextPageToken !== undefined;
        return { items, nextPageToken: more ? encodePageToken(entry.key) : '' };
      }
    }
    if (page.nextPageToken === undefined) return { items, nextPageToken: '' };
    token = page.nextPageToken;
  }
}
