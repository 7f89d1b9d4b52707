// The bundles strato ships (dist/*.mjs, scripts/build-dist), built for the tests
// that run strato as a user would: "the tests run what ships". Built at most once
// per test process (the first caller's promise is shared) and only when a source
// is newer than the bundles, so no test ever runs a stale bundle and most calls
// cost a few hundred stat()s.
import { join } from 'node:path';
import { buildDist } from '../../scripts/lib/build-dist.ts';
import type { DistEntry } from '../../common/dist-entries.ts';

let building: Promise<string> | undefined;

/** dist/ with every bundle up to date with the sources. */
export function distDir(): Promise<string> {
  building ??= buildDist().then((r) => r.dir);
  return building;
}

/** The up-to-date bundle of an entry, e.g. `strato-conductor` → …/dist/strato-conductor.mjs. */
export async function distEntry(name: DistEntry): Promise<string> {
  return join(await distDir(), `${name}.mjs`);
}
