// What scripts/build-dist bundles: one file dist/<name>.mjs per entry, from its
// source (relative to the install root). One table for the build and for the
// worker URLs the running code asks for (common/install-root.ts), so adding or
// removing a worker is one line here.
export const DIST_ENTRIES = {
  'strato-conductor': 'conductor/main.ts',
  'strato-agent': 'agent/main.ts',
  strato: 'cli/main.ts',
  'netlink-worker': 'agent/network/netlink/worker.ts',
  'checkpoint-worker': 'conductor/store/sqlite/checkpoint-worker.ts',
} as const;

export type DistEntry = keyof typeof DIST_ENTRIES;
