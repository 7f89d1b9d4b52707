// A FAKE agent directory for the conductor's move workflows: in-memory hosts
// holding domains, that answer the agent calls the workflows make (spawn,
// delete, action, and the move calls of agent.proto: PrepareIncoming,
// StartMigration, GetMigration, AbortMigration, ResizeInstance, GetInstance) by
// their contract comments. A migration stays RUNNING until the test lets it
// end (`finish`), or fails, or is forgotten (the source agent "restarted").
// No gRPC and no hypervisor: it stands in for the agents only in the
// conductor's own tests, never in an end-to-end test.
import { StratoError } from '../../common/errors.ts';
import type { SpawnInstanceRequest } from '../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import type { AgentApi, AgentDirectory, AgentTarget, InstanceStatus } from '../../conductor/agents/agent-api.ts';
import type {
  AgentMigrationStatus,
  IncomingAnswer,
  MoveAgentApi,
  MoveAgentDirectory,
} from '../../conductor/agents/move-agent-api.ts';

export interface FakeDomain {
  power: 'running' | 'shutdown' | 'paused';
  flavor: { vcpus: number; ramMib: number; diskGib: number };
}

interface FakeMigration {
  id: string;
  instanceId: string;
  live: boolean;
  dest: string;
  state: 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
  error: string;
}

export interface FakeCall {
  host: string;
  call: string;
  instanceId: string;
}

export class FakeMoveAgents implements AgentDirectory, MoveAgentDirectory {
  /** host → instance id → domain. */
  readonly domains = new Map<string, Map<string, FakeDomain>>();
  /** host → migration id → migration it started (the source's). */
  private readonly migrations = new Map<string, Map<string, FakeMigration>>();
  /** Hosts whose PrepareIncoming has made the files of an instance. */
  readonly prepared = new Map<string, Set<string>>();
  /** The last PrepareIncoming spec, by `<host>/<instance id>`. */
  readonly incomingSpecs = new Map<string, SpawnInstanceRequest>();
  readonly calls: FakeCall[] = [];
  /** Migrations end only when told (finish/fail); else each poll completes them at once. */
  gated = false;
  /** Hosts that answer nothing (UNAVAILABLE) for now. */
  readonly silent = new Set<string>();
  /** Calls answered with an error for now, keyed `<host> <call>` (e.g. `hv-b action:stop`), before they act. */
  readonly faults = new Map<string, StratoError>();

  constructor(hosts: string[]) {
    for (const h of hosts) {
      this.domains.set(h, new Map());
      this.migrations.set(h, new Map());
      this.prepared.set(h, new Set());
    }
  }

  /** A running (or stopped) guest on `host`, as a spawn would leave it. */
  place(host: string, instanceId: string, d: FakeDomain): void {
    this.on(host).set(instanceId, { ...d });
  }

  domainOf(host: string, instanceId: string): FakeDomain | undefined {
    return this.on(host).get(instanceId);
  }

  /** Where the instance has a domain (sorted host ids). */
  hostsOf(instanceId: string): string[] {
    return [...this.domains]
      .filter(([, m]) => m.has(instanceId))
      .map(([h]) => h)
      .sort();
  }

  /** Ends the running migrations of `instanceId` as the hypervisors would. */
  finish(instanceId: string, outcome: 'COMPLETED' | 'FAILED' = 'COMPLETED'): void {
    for (const [src, ms] of this.migrations) {
      for (const m of ms.values()) {
        if (m.instanceId === instanceId && m.state === 'RUNNING') this.end(src, m, outcome);
      }
    }
  }

  /** The source agent restarted: it no longer knows its migrations (the domains stay). */
  forgetMigrations(host: string): void {
    this.migrations.get(host)?.clear();
  }

  private end(src: string, m: FakeMigration, outcome: 'COMPLETED' | 'FAILED' | 'CANCELLED'): void {
    m.state = outcome;
    const d = this.on(src).get(m.instanceId);
    if (outcome !== 'COMPLETED' || !d) {
      if (outcome === 'FAILED') m.error = 'fake: the copy failed';
      // The incoming domain goes; the guest stays on the source as it was.
      this.on(m.dest).delete(m.instanceId);
      if (d) d.power = m.live ? 'running' : 'shutdown';
      return;
    }
    // Arrived: live runs there; cold arrives paused (its CPUs never ran). The source keeps a stopped copy.
    this.on(m.dest).set(m.instanceId, { ...d, power: m.live ? 'running' : 'paused' });
    d.power = 'shutdown';
  }

  private on(host: string): Map<string, FakeDomain> {
    const m = this.domains.get(host);
    if (!m) throw new Error(`fake: no host ${host}`);
    return m;
  }

  private answer(host: string, call: string, instanceId: string): void {
    this.calls.push({ host, call, instanceId });
    if (this.silent.has(host)) throw new StratoError('UNAVAILABLE', 'FAKE_SILENT', `fake host ${host} does not answer`);
    const fault = this.faults.get(`${host} ${call}`);
    if (fault) throw fault;
  }

  private status(host: string, instanceId: string): InstanceStatus {
    const d = this.on(host).get(instanceId);
    if (!d) throw new StratoError('NOT_FOUND', 'INSTANCE_NOT_FOUND', `fake: no instance ${instanceId} on ${host}`);
    return { instanceId, powerState: d.power, domainName: `strato-${instanceId}` };
  }

  private migrationStatus(m: FakeMigration): AgentMigrationStatus {
    const done = m.state === 'COMPLETED';
    return {
      migrationId: m.id,
      state: m.state,
      error: m.error,
      memoryTotalBytes: String(256 * 2 ** 20),
      memoryProcessedBytes: done ? String(256 * 2 ** 20) : String(64 * 2 ** 20),
      memoryRemainingBytes: done ? '0' : String(192 * 2 ** 20),
      diskTotalBytes: String(2 ** 30),
      diskProcessedBytes: done ? String(2 ** 30) : '0',
      diskRemainingBytes: done ? '0' : String(2 ** 30),
      downtimeMs: done && m.live ? 42 : 0,
      elapsedMs: '100',
    };
  }

  forHost(target: AgentTarget): AgentApi {
    const host = target.id;
    return {
      spawn: async (req) => {
        this.answer(host, 'spawn', req.instanceId ?? '');
        const f = req.flavor ?? {};
        this.place(host, req.instanceId ?? '', {
          power: 'running',
          flavor: { vcpus: f.vcpus ?? 0, ramMib: f.ramMib ?? 0, diskGib: f.diskGib ?? 0 },
        });
        return this.status(host, req.instanceId ?? '');
      },
      delete: async (req) => {
        this.answer(host, 'delete', req.instanceId ?? '');
        this.on(host).delete(req.instanceId ?? '');
        this.prepared.get(host)?.delete(req.instanceId ?? '');
      },
      action: async (req) => {
        const id = req.instanceId ?? '';
        this.answer(host, `action:${req.action}`, id);
        const d = this.on(host).get(id);
        if (!d) throw new StratoError('NOT_FOUND', 'INSTANCE_NOT_FOUND', `fake: no instance ${id} on ${host}`);
        if (req.action === 'stop') d.power = 'shutdown';
        if (req.action === 'start') d.power = 'running';
        return this.status(host, id);
      },
      consoleLog: async () => [],
    };
  }

  movesFor(target: AgentTarget): MoveAgentApi {
    const host = target.id;
    return {
      prepareIncoming: async (migrationId, spec): Promise<IncomingAnswer> => {
        const id = spec.instanceId ?? '';
        this.answer(host, 'prepareIncoming', id);
        if (this.on(host).has(id)) {
          throw new StratoError('FAILED_PRECONDITION', 'INSTANCE_EXISTS', `fake: ${id} is defined on ${host}`);
        }
        this.prepared.get(host)?.add(id);
        this.incomingSpecs.set(`${host}/${id}`, spec);
        return {
          migrationAddress: `${host}:16514`,
          instanceDir: `/var/lib/strato/instances/${id}#${migrationId}`,
          imageDir: '/var/lib/strato/images',
          initiatorName: spec.volumes?.[0]?.initiatorName ?? spec.bootVolume?.initiatorName ?? '',
        };
      },
      startMigration: async (req) => {
        this.answer(host, 'startMigration', req.instanceId);
        const ms = this.migrations.get(host) as Map<string, FakeMigration>;
        const had = ms.get(req.migrationId);
        if (had) return this.migrationStatus(had);
        const d = this.on(host).get(req.instanceId);
        if (!d) throw new StratoError('NOT_FOUND', 'INSTANCE_NOT_FOUND', `fake: no ${req.instanceId} on ${host}`);
        if (req.live !== (d.power === 'running')) {
          throw new StratoError(
            'FAILED_PRECONDITION',
            'INVALID_POWER_STATE',
            `fake: live=${req.live} of a ${d.power} guest`,
          );
        }
        const dest = req.destination.migrationAddress.split(':')[0] ?? '';
        const m: FakeMigration = {
          id: req.migrationId,
          instanceId: req.instanceId,
          live: req.live,
          dest,
          state: 'RUNNING',
          error: '',
        };
        ms.set(req.migrationId, m);
        // The incoming domain exists (paused) on the destination while the copy runs.
        this.on(dest).set(req.instanceId, { ...d, power: 'paused' });
        if (!req.live) d.power = 'paused';
        return this.migrationStatus(m);
      },
      getMigration: async (instanceId, migrationId) => {
        this.answer(host, 'getMigration', instanceId);
        const m = this.migrations.get(host)?.get(migrationId);
        if (!m)
          throw new StratoError('NOT_FOUND', 'MIGRATION_NOT_FOUND', `fake: ${host} knows no migration ${migrationId}`);
        if (!this.gated && m.state === 'RUNNING') this.end(host, m, 'COMPLETED');
        return this.migrationStatus(m);
      },
      abortMigration: async (instanceId, migrationId) => {
        this.answer(host, 'abortMigration', instanceId);
        const m = this.migrations.get(host)?.get(migrationId);
        if (!m)
          throw new StratoError('NOT_FOUND', 'MIGRATION_NOT_FOUND', `fake: ${host} knows no migration ${migrationId}`);
        if (m.state === 'COMPLETED') {
          throw new StratoError('FAILED_PRECONDITION', 'MIGRATION_COMPLETED', 'fake: too late');
        }
        if (m.state === 'RUNNING') this.end(host, m, 'CANCELLED');
        return this.migrationStatus(m);
      },
      resize: async (instanceId, flavor) => {
        this.answer(host, 'resize', instanceId);
        const d = this.on(host).get(instanceId);
        if (!d) throw new StratoError('NOT_FOUND', 'INSTANCE_NOT_FOUND', `fake: no ${instanceId} on ${host}`);
        if (d.power !== 'shutdown')
          throw new StratoError('FAILED_PRECONDITION', 'INVALID_POWER_STATE', 'fake: not stopped');
        if (flavor.diskGib < d.flavor.diskGib) {
          throw new StratoError('INVALID_ARGUMENT', 'DISK_SHRINK_REFUSED', 'fake: disks never shrink');
        }
        d.flavor = { vcpus: flavor.vcpus, ramMib: flavor.ramMib, diskGib: flavor.diskGib };
        return this.status(host, instanceId);
      },
      getInstance: async (instanceId) => {
        this.answer(host, 'getInstance', instanceId);
        return this.status(host, instanceId);
      },
    };
  }

  close(): void {}
}
