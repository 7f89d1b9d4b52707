// Which cached images to evict, as a pure plan. Only images no instance uses (no
// overlay names them as its backing file, no boot holds them) are ever candidates.
// First every unused image not used for longer than the age limit; then, while the
// cache (in-use images included) is over its size limit, the least recently used of
// the rest. An in-use image is never evicted, even when it alone exceeds the limit.

export interface CachedEntry {
  sha256: string;
  bytes: number;
  /** When an instance last used it (ms since the epoch). */
  lastUsedMs: number;
}

export interface EvictionInput {
  entries: readonly CachedEntry[];
  inUse: ReadonlySet<string>;
  maxBytes: number;
  /** 0: no age limit. */
  maxAgeMs: number;
  now: number;
}

export function planEviction(input: EvictionInput): string[] {
  const unused = input.entries
    .filter((e) => !input.inUse.has(e.sha256))
    .sort((a, b) => a.lastUsedMs - b.lastUsedMs || a.sha256.localeCompare(b.sha256));
  const evict = new Set<string>();
  if (input.maxAgeMs > 0) {
    for (const e of unused) if (input.now - e.lastUsedMs > input.maxAgeMs) evict.add(e.sha256);
  }
  let total = input.entries.reduce((sum, e) => sum + (evict.has(e.sha256) ? 0 : e.bytes), 0);
  for (const e of unused) {
    if (total <= input.maxBytes) break;
    if (evict.has(e.sha256)) continue;
    evict.add(e.sha256);
    total -= e.bytes;
  }
  return unused.filter((e) => evict.has(e.sha256)).map((e) => e.sha256);
}
