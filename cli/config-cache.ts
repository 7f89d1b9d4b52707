// Parsing clouds.yaml needs the `yaml` package, whose loading is a sizeable
// share of a command's start-up. The parsed document is kept as JSON beside
// the token cache and reused while the file's inode, size and mtime (ns) are
// unchanged, so most commands never load the YAML parser.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

interface Entry {
  file: string;
  stamp: string;
  doc: unknown;
}

/** `xdgCacheHome` is $XDG_CACHE_HOME ('' or undefined: ~/.cache). */
export function configCachePath(xdgCacheHome: string | undefined, home: string = homedir()): string {
  return join(xdgCacheHome || join(home, '.cache'), 'strato', 'config-cache.json');
}

/** Identifies one version of the file; undefined when it does not exist. */
export async function fileStamp(file: string): Promise<string | undefined> {
  try {
    const st = await stat(file, { bigint: true });
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export async function cachedDoc(cachePath: string, file: string, stamp: string): Promise<{ doc: unknown } | undefined> {
  try {
    const e = JSON.parse(await readFile(cachePath, 'utf8')) as Entry;
    return e.file === file && e.stamp === stamp ? { doc: e.doc } : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs the next command some time. */
export async function storeDoc(cachePath: string, file: string, stamp: string, doc: unknown): Promise<void> {
  try {
    await mkdir(dirname(cachePath), { recursive: true, mode: 0o700 });
    const tmp = `${cachePath}.${process.pid}.tmp`;
    // 0600: the document may hold an inline password.
    await writeFile(tmp, JSON.stringify({ file, stamp, doc } satisfies Entry), { mode: 0o600 });
    await rename(tmp, cachePath);
  } catch {
    // ignored on purpose
  }
}
