// Where strato's files are, for code that runs both from its TypeScript sources
// (tests import modules directly) and from the bundles in dist/ (what ships:
// scripts/build-dist). common/ and dist/ both sit one directory below the install
// root, so `../` from this module's URL is the root either way; anything deeper
// (a worker's source, build/native, proto/) must be named from the root, because
// in a bundle import.meta.url is the bundle's, not the source file's.
import { fileURLToPath } from 'node:url';
import { DIST_ENTRIES, type DistEntry } from './dist-entries.ts';

// scripts/build-dist defines it as true; from sources it is no global at all.
declare const STRATO_BUNDLED: boolean | undefined;

/** True in a dist/*.mjs bundle, false when running the TypeScript sources. */
export const BUNDLED: boolean = typeof STRATO_BUNDLED === 'boolean' && STRATO_BUNDLED;

const ROOT_URL = new URL('../', import.meta.url);

/** The absolute path of a file given relative to the install root (e.g. `proto/`). */
export function installPath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT_URL));
}

/** The URL of a file given relative to the install root. */
export function installUrl(relative: string): URL {
  return new URL(relative, ROOT_URL);
}

/** The script a worker thread runs: its bundle when bundled, else its source. */
export function workerUrl(name: DistEntry): URL {
  return installUrl(BUNDLED ? `dist/${name}.mjs` : DIST_ENTRIES[name]);
}
