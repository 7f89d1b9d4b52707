// Walks every page of a prefix: the loop callers would otherwise repeat around
// Store.list. Works with any backend.
import type { Entry, Store } from './store.ts';

export interface ListAllResult<T> {
  entries: Entry<T>[];
  /** Revision of the first page: watch from `revision + 1` to follow on (see Store.list). */
  revision: number;
}

/** Yields entries under `prefix` in key order, fetching `pageSize` at a time. */
export async function* iterateAll<T = unknown>(
  store: Store,
  prefix: string,
  pageSize?: number,
): AsyncGenerator<Entry<T>> {
  let pageToken: string | undefined;
  do {
    const page = await store.list<T>(prefix, { limit: pageSize, pageToken });
    yield* page.entries;
    pageToken = page.nextPageToken;
  } while (pageToken !== undefined);
}

/** Reads every entry under `prefix` into memory, with the revision to watch from. */
export async function listAll<T = unknown>(store: Store, prefix: string, pageSize = 1000): Promise<ListAllResult<T>> {
  const first = await store.list<T>(prefix, { limit: pageSize });
  const entries = [...first.entries];
  let pageToken = first.nextPageToken;
  while (pageToken !== undefined) {
    const page = await store.list<T>(prefix, { limit: pageSize, pageToken });
    entries.push(...page.entries);
    pageToken = page.nextPageToken;
  }
  return { entries, revision: first.revision };
}
