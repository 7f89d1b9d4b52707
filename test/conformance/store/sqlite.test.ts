// Runs the Store conformance suite against the SQLite backend, one temp file per test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { storeConformance } from './store-suite.ts';

storeConformance('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'strato-store-'));
  const path = join(dir, 'store.db');
  // NORMAL keeps the suite fast; FULL only adds an fsync per commit (see schema.ts).
  const open = () => new SqliteStore({ path, synchronous: 'NORMAL' });
  return {
    store: open(),
    reopen: async () => open(),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
