// Block storage on an in-memory SQLite store, the real host registry and the
// FAKE agent directory (fake-volume-agents.ts): what the unit tests of volumes
// drive. `restart()` stops the op drivers mid-flight and starts new ones on the
// same store, as a restarted conductor does.
import { setTimeout as sleep } from 'node:timers/promises';
import { notFound } from '../../../common/errors.ts';
import { log } from '../../../common/log.ts';
import type { StorageFacts } from '../../../conductor/hosts/host-record.ts';
import { HostRegistry } from '../../../conductor/hosts/host-registry.ts';
import type { Principal } from '../../../conductor/identity/model.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { BlockStorage } from '../../../conductor/volumes/block-storage.ts';
import type { VolumeImage } from '../../../conductor/volumes/create-request.ts';
import { FakeVolumeAgents } from './fake-volume-agents.ts';

log.level = process.env.STRATO_LOG_LEVEL ?? 'silent';

export const GiB = 1024 ** 3;

export const alice: Principal = {
  userId: 'u-alice',
  userName: 'alice',
  projectId: 'p-alice',
  projectName: 'alice',
  role: 'member',
} as Principal;
export const bob: Principal = { ...alice, userId: 'u-bob', userName: 'bob', projectId: 'p-bob', projectName: 'bob' };
export const admin: Principal = {
  ...alice,
  userId: 'u-admin',
  projectId: 'admin',
  projectName: 'admin',
  role: 'admin',
};

export const IMAGE: VolumeImage = {
  id: '11111111-2222-4333-8444-555555555555',
  name: 'img',
  status: 'active',
  diskFormat: 'qcow2',
  sha256: 'a'.repeat(64),
  sizeBytes: 1000,
  virtualSizeBytes: 2 * GiB,
};

export function storageFacts(totalGiB: number, over: Partial<StorageFacts> = {}): StorageFacts {
  return {
    backend: 'file',
    totalBytes: totalGiB * GiB,
    allocatedBytes: 0,
    freeBytes: totalGiB * GiB,
    granularityBytes: 1024 ** 2,
    snapshotsSupported: true,
    snapshotsUnsupportedReason: '',
    wipePolicy: 'zero',
    iscsiPortal: '192.0.2.1:3260',
    ...over,
  };
}

export interface Fixture {
  store: SqliteStore;
  hosts: HostRegistry;
  agents: FakeVolumeAgents;
  bs: BlockStorage;
  /** Registers a storage host of `totalGiB`. */
  storageHost(id: string, totalGiB: number, over?: Partial<StorageFacts>): Promise<void>;
  computeHost(id: string, underlayIp?: string): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function fixture(o: { timeoutMs?: number } = {}): Promise<Fixture> {
  const store = new SqliteStore({ path: ':memory:' });
  const hosts = new HostRegistry({
    store,
    timing: { heartbeatIntervalMs: 10_000, downTimeMs: 60_000 },
    allocationRatio: { cpu: 4, ram: 1, disk: 1 },
  });
  const agents = new FakeVolumeAgents();
  const make = () =>
    new BlockStorage({
      store,
      hosts,
      agents,
      images: {
        image: async (ref) => {
          if (ref !== IMAGE.id && ref !== IMAGE.name) {
            throw notFound('IMAGE_NOT_FOUND', `image ${ref} not found`);
          }
          return IMAGE;
        },
      },
      timeoutMs: o.timeoutMs ?? 60_000,
      reconcileEveryMs: 3_600_000,
    });
  const f: Fixture = {
    store,
    hosts,
    agents,
    bs: make(),
    async storageHost(id, totalGiB, over) {
      await hosts.register({
        id,
        address: `127.0.0.1:${9000 + f.agents.calls.length}`,
        capacity: { vcpus: 4, ramMiB: 4096, diskGiB: 100 },
        virtType: 'qemu',
        agentVersion: 'test',
        roles: ['compute', 'storage'],
        storage: storageFacts(totalGiB, over),
      });
    },
    async computeHost(id, underlayIp = '192.0.2.50') {
      await hosts.register({
        id,
        address: `${id}:9000`,
        capacity: { vcpus: 4, ramMiB: 4096, diskGiB: 100 },
        virtType: 'qemu',
        agentVersion: 'test',
        underlayIp,
      });
    },
    async restart() {
      await f.bs.close();
      f.bs = make();
      await f.bs.start();
    },
    async close() {
      agents.hold = undefined;
      await f.bs.close();
      await store.close();
    },
  };
  await f.bs.start();
  return f;
}

/** Polls `get` until `done` holds (or fails after `timeoutMs` with the last value). */
export async function until<T>(what: string, get: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await get();
    if (done(last)) return last;
    await sleep(10);
  }
  throw new Error(`${what}: last ${JSON.stringify(last)}`);
}
