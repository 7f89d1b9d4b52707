// Counting keys under a prefix, up to a cap: enough to say "3 servers remain"
// without reading an unbounded listing.
import type { Store } from './store.ts';

/** How many keys start with `prefix` (at most `cap`), counting those `keep` accepts. */
export async function countUnder(
  store: Store,
  prefix: string,
  cap = 1000,
  keep: (key: string, value: unknown) => boolean = () => true,
): Promise<number> {
  let n = 0;
  let pageToken: string | undefined;
  do {
    const page = await store.list(prefix, { limit: Math.min(1000, cap), pageToken });
    for (const e of page.entries) {
      if (keep(e.key, e.value)) n++;
      if (n >= cap) return cap;
    }
    pageToken = page.nextPageToken;
  } while (pageToken !== undefined);
  return n;
}
