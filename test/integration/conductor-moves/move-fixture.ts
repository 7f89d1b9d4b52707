// The conductor's move workflows on a real SQLite store with the real
// StoreClaimer, WorkflowDriver and MoveService, and a FAKE agent directory
// (test/harness/fake-move-agents.ts) for two or three hosts. A server is put
// straight into the store as a finished boot would leave it (record + claim +
// domain), so each test starts from a server at rest.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notFound } from '../../../common/errors.ts';
import type { Catalog } from '../../../conductor/compute/catalog.ts';
import { type InstanceRecord, instanceKey } from '../../../conductor/compute/instance-record.ts';
import { type MigrationRecord, migrationKey } from '../../../conductor/compute/migration-record.ts';
import { MoveService } from '../../../conductor/compute/move-service.ts';
import type { InstanceNic, ServerNetworking } from '../../../conductor/compute/nics.ts';
import { instanceUsage } from '../../../conductor/compute/usage.ts';
import type { ServerVolumes } from '../../../conductor/compute/volumes.ts';
import { WorkflowDriver, type WorkflowDriverOptions } from '../../../conductor/compute/workflow-driver.ts';
import type { Principal } from '../../../conductor/identity/model.ts';
import { NO_LIMITS } from '../../../conductor/quotas/model.ts';
import { Quotas } from '../../../conductor/quotas/quotas.ts';
import { StoreClaimer } from '../../../conductor/scheduler/store-claimer.ts';
import type { HostSnapshot } from '../../../conductor/scheduler/types.ts';
import {
  CLAIM_PREFIX,
  type ClaimRecord,
  hostIdOfUsageKey,
  USAGE_PREFIX,
  type UsageRecord,
} from '../../../conductor/scheduler/usage-records.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { FakeMoveAgents } from '../../harness/fake-move-agents.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { waitFor } from '../../harness/wait.ts';

export const FLAVORS = {
  small: { id: 'f-small', name: 'small', vcpus: 1, ramMib: 256, diskGib: 1 },
  big: { id: 'f-big', name: 'big', vcpus: 2, ramMib: 512, diskGib: 2 },
  tiny: { id: 'f-tiny', name: 'tiny', vcpus: 1, ramMib: 128, diskGib: 0 },
};

export const HOSTS_PREFIX = '/test/move-hosts/';

function hostSnapshot(hostId: string): HostSnapshot {
  return {
    hostId,
    enabled: true,
    lastHeartbeatMs: Date.now() + 3_600_000,
    capacity: { vcpus: 64, ramMiB: 65_536, diskGiB: 1000 },
    allocationRatio: { cpu: 1, ram: 1, disk: 1 },
    usage: { vcpus: 0, ramMiB: 0, diskGiB: 0 },
    instanceCount: 0,
  };
}

export const admin: Principal = {
  userId: 'u-admin',
  userName: 'admin',
  projectId: 'p-admin',
  projectName: 'admin',
  role: 'admin',
  tokenHash: '',
  expiresAtMs: 0,
};

export const member = (projectId: string): Principal => ({
  userId: `u-${projectId}`,
  userName: `u-${projectId}`,
  projectId,
  projectName: projectId,
  role: 'member',
  tokenHash: '',
  expiresAtMs: 0,
});

const catalog: Catalog = {
  image: async () => {
    throw new Error('no images in move tests');
  },
  flavor: async (ref) => {
    const f = Object.values(FLAVORS).find((x) => x.id === ref || x.name === ref);
    if (!f) throw notFound('FLAVOR_NOT_FOUND', `flavor ${ref} not found`, { details: { flavor: ref } });
    return f;
  },
};

/**
 * A recording stand-in for the server networking seam (ports, bindings, pushes):
 * each call goes into the fake agents' call list (host = the host named), so a
 * test sees the order of network and agent calls.
 */
export function recordingNet(agents: FakeMoveAgents): ServerNetworking {
  const note = (call: string, host: string): void => {
    agents.calls.push({ host, call, instanceId: '' });
  };
  return {
    resolve: async () => [],
    portId: async (_p, ref) => ref,
    allocate: async (_o, nics) => [...nics],
    bindHost: async (_id, _nics, host) => note('net:bindHost', host),
    bindMigrating: async (_id, _nics, host) => note('net:bindMigrating', host),
    release: async () => note('net:release', ''),
    pushHost: async (host) => {
      note('net:push', host);
      return { ok: true };
    },
    pushSoon: () => note('net:pushSoon', ''),
    spawnParts: async (nics) => ({
      ports: nics.map((n) => ({
        portId: n.portId,
        mac: n.mac,
        networkId: n.networkId,
        bridge: 'brq',
        tap: 'tap',
        mtu: 1450,
        ips: n.ips,
      })),
      networkDataJson: '{}',
    }),
    attach: async () => {},
    detach: async () => {},
  };
}

export const NIC: InstanceNic = {
  networkId: 'n1',
  networkName: 'net',
  portId: 'port-1',
  fixedIp: '',
  owned: true,
  mac: 'fa:16:3e:00:00:01',
  ips: ['10.0.0.5'],
};

export interface Usage {
  vcpus: number;
  ramMiB: number;
  diskGiB: number;
  instanceCount: number;
}

export interface MoveLabOptions {
  /** Block storage for the workflows (moves-volumes.test.ts); none by default. */
  volumes?: ServerVolumes;
  /** More options for the workflow driver. */
  driver?: Partial<WorkflowDriverOptions>;
}

export class MoveLab {
  readonly agents: FakeMoveAgents;
  store!: SqliteStore;
  claimer!: StoreClaimer;
  driver!: WorkflowDriver;
  moves!: MoveService;
  quotas!: Quotas;
  private dir = '';
  private seq = 0;

  readonly hosts: string[];
  /** Block storage for the workflows (moves-volumes.test.ts); none by default. */
  readonly volumes: ServerVolumes | undefined;
  /** More options for the workflow driver (set before start's open()). */
  readonly driverOptions: Partial<WorkflowDriverOptions>;

  constructor(hosts: string[], o: MoveLabOptions = {}) {
    this.driverOptions = o.driver ?? {};
    this.hosts = hosts;
    this.agents = new FakeMoveAgents(hosts);
    this.volumes = o.volumes;
  }

  static async start(hosts: string[], o: MoveLabOptions = {}): Promise<MoveLab> {
    const lab = new MoveLab(hosts, o);
    lab.dir = await mkdtemp(join(tmpdir(), 'strato-moves-'));
    lab.store = new SqliteStore({ path: join(lab.dir, 'store.db') });
    for (const h of hosts) await lab.store.create(HOSTS_PREFIX + h, hostSnapshot(h));
    lab.open();
    return lab;
  }

  /** The conductor's parts on the store (again, after a "restart"). */
  open(): void {
    this.quotas = new Quotas({ store: this.store, defaults: NO_LIMITS });
    this.claimer = new StoreClaimer(this.store, {
      hosts: { prefix: HOSTS_PREFIX, snapshot: (r) => r as HostSnapshot },
      log: quiet,
    });
    const hosts = { get: async (id: string) => (this.hosts.includes(id) ? { id, address: `${id}:1` } : undefined) };
    this.driver = new WorkflowDriver({
      store: this.store,
      claimer: this.claimer,
      hosts,
      agents: this.agents,
      net: recordingNet(this.agents),
      ...(this.volumes ? { volumes: this.volumes } : {}),
      quotas: this.quotas,
      migrationPollMs: 20,
      acpiTimeoutS: 1,
      log: quiet,
      ...this.driverOptions,
    });
    this.moves = new MoveService({
      store: this.store,
      catalog,
      driver: this.driver,
      hosts,
      quotas: this.quotas,
      resizeConfirmAfterS: 3600,
      log: quiet,
    });
  }

  /** The conductor stops (in-flight steps are cancelled and redone after open()). */
  async stop(): Promise<void> {
    this.moves.close();
    await this.driver.close();
    this.claimer.close();
  }

  async close(): Promise<void> {
    await this.stop();
    await this.store.close();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** A server at rest on `host`: its record, its claim (as the scheduler made it) and its domain. */
  async server(
    host: string,
    o: { power?: 'running' | 'shutdown'; projectId?: string; nics?: InstanceNic[] } = {},
  ): Promise<string> {
    const id = `00000000-0000-4000-8000-${String(++this.seq).padStart(12, '0')}`;
    const power = o.power ?? 'running';
    const f = FLAVORS.small;
    const rec: InstanceRecord = {
      id,
      name: `vm-${this.seq}`,
      projectId: o.projectId ?? 'p1',
      userId: 'u1',
      image: { id: 'i', sha256: 'a'.repeat(64), sizeBytes: 10, diskFormat: 'qcow2' },
      flavor: { ...f },
      vmState: power === 'running' ? 'ACTIVE' : 'SHUTOFF',
      taskState: '',
      powerState: power === 'running' ? 'RUNNING' : 'SHUTDOWN',
      host,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      launchedAt: new Date().toISOString(),
      userData: '',
      metadata: {},
      settledAtMs: 0,
      ...(o.nics ? { nics: o.nics } : {}),
    };
    // Counted against the project's quota as a create counts it.
    const q = await this.quotas.count(rec.projectId, instanceUsage.usageOf(rec).delta);
    await this.store.txn(q.compares, [{ kind: 'create', key: instanceKey(id), value: rec }, ...q.ops]);
    const placed = await this.claimer.place(
      {
        requestId: 'boot',
        instanceId: id,
        projectId: rec.projectId,
        flavor: { vcpus: f.vcpus, ramMiB: f.ramMib, diskGiB: f.diskGib },
        forceHost: host,
      },
      { isAdmin: true },
    );
    if (!placed.ok || placed.placement.hostId !== host) throw new Error(`could not claim ${host}`);
    this.agents.place(host, id, { power, flavor: { vcpus: f.vcpus, ramMib: f.ramMib, diskGib: f.diskGib } });
    return id;
  }

  async record(id: string): Promise<InstanceRecord> {
    return (await this.store.get<InstanceRecord>(instanceKey(id))).value;
  }

  async migration(id: string): Promise<MigrationRecord> {
    return (await this.store.get<MigrationRecord>(migrationKey(id))).value;
  }

  /** Waits until the server has no workflow (its operation ended). */
  async settled(id: string, timeoutMs = 5000): Promise<InstanceRecord> {
    return waitFor(
      () => this.record(id),
      (r) => r.workflow === undefined,
      { what: `server ${id} to settle`, timeoutMs, intervalMs: 10 },
    );
  }

  /** Waits until no server has a workflow. */
  async settledAll(timeoutMs = 5000): Promise<void> {
    await waitFor(
      async () => (await this.store.list<InstanceRecord>('/instances/', { limit: 1000 })).entries,
      (es) => es.every((e) => e.value.workflow === undefined),
      { what: 'every server settled', timeoutMs, intervalMs: 10 },
    );
  }

  async atStep(id: string, step: string, timeoutMs = 5000): Promise<void> {
    await waitFor(
      () => this.record(id),
      (r) => r.workflow?.step === step,
      { what: `server ${id} at step ${step}`, timeoutMs, intervalMs: 10 },
    );
  }

  /** What the project counts against its quota: cores and RAM. */
  async projectUsage(projectId: string): Promise<{ cores: number; ramMib: number }> {
    const v = await this.quotas.show(projectId);
    const used = (k: string) => v.lines.find((l) => l.resource === k)?.inUse ?? -1;
    return { cores: used('cores'), ramMib: used('ramMib') };
  }

  /** Each host's usage record (zero when it has none). */
  async usage(): Promise<Record<string, Usage>> {
    const out: Record<string, Usage> = {};
    for (const h of this.hosts) out[h] = { vcpus: 0, ramMiB: 0, diskGiB: 0, instanceCount: 0 };
    const page = await this.store.list<UsageRecord>(USAGE_PREFIX, { limit: 100 });
    for (const e of page.entries)
      out[hostIdOfUsageKey(e.key)] = { ...e.value.usage, instanceCount: e.value.instanceCount };
    return out;
  }

  async claims(): Promise<ClaimRecord[]> {
    return (await this.store.list<ClaimRecord>(CLAIM_PREFIX, { limit: 100 })).entries.map((e) => e.value);
  }

  /** Usage must equal the sum of the claims on every host: nothing leaked, nothing counted twice. */
  async usageMatchesClaims(): Promise<string[]> {
    const usage = await this.usage();
    const claims = await this.claims();
    const problems: string[] = [];
    for (const h of this.hosts) {
      const mine = claims.filter((c) => c.hostId === h);
      const u = usage[h] as Usage;
      if (u.instanceCount !== mine.length) problems.push(`${h}: ${u.instanceCount} counted, ${mine.length} claims`);
      for (const k of ['vcpus', 'ramMiB', 'diskGiB'] as const) {
        const sum = mine.reduce((n, c) => n + c.flavor[k], 0);
        if (u[k] !== sum) problems.push(`${h}.${k}: usage ${u[k]} != claims ${sum}`);
      }
    }
    return problems;
  }
}

/** The usage a host has with these flavors on it. */
export function usageOf(...flavors: { vcpus: number; ramMib: number; diskGib: number }[]): Usage {
  return {
    vcpus: flavors.reduce((n, f) => n + f.vcpus, 0),
    ramMiB: flavors.reduce((n, f) => n + f.ramMib, 0),
    diskGiB: flavors.reduce((n, f) => n + f.diskGib, 0),
    instanceCount: flavors.length,
  };
}
