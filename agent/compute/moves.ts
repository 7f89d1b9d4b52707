// The agent's part of moving instances between hosts (the conductor drives the
// workflow): prepare this host as a destination, migrate from this host as the
// source (migrations.ts), and resize a stopped instance in place. Every step runs
// under the instance's lock of the instance manager.
import type { FlavorSpec } from '../hypervisor/hypervisor.ts';
import type { InstanceManager, InstanceStatus } from './instance-manager.ts';
import { checkInstanceId } from './instance-paths.ts';
import type { TlsFiles } from './migration-pki.ts';
import type { MigrationStatus } from './migration-record.ts';
import { Migrations, type StartMigrationRequest } from './migrations.ts';
import { type IncomingPlace, imageDirOf, prepareIncoming } from './prepare-incoming.ts';
import { resizeInstance } from './resize.ts';
import type { SpawnDeps } from './spawn.ts';
import { requestVolumes, type SpawnRequest } from './spawn-request.ts';

export interface MovesOptions {
  manager: InstanceManager;
  deps: SpawnDeps;
  /** This host's address for incoming migrations (its underlay IP); undefined: it cannot receive. */
  migrationAddress?: string;
  tls?: TlsFiles;
  /** @default 5000 */
  startWaitMs?: number;
}

export class Moves {
  private readonly o: MovesOptions;
  private readonly migrations: Migrations;

  constructor(o: MovesOptions) {
    this.o = o;
    this.migrations = new Migrations({
      hv: o.deps.hv,
      stateDir: o.deps.stateDir,
      imageDir: imageDirOf(o.deps.images),
      log: o.deps.log,
      exclusive: (id, op, fn) => o.manager.exclusive(id, op, fn),
      ...(o.tls === undefined ? {} : { tls: o.tls }),
      ...(o.startWaitMs === undefined ? {} : { startWaitMs: o.startWaitMs }),
    });
  }

  prepareIncoming(req: SpawnRequest): Promise<IncomingPlace> {
    checkInstanceId(req.instanceId);
    return this.o.manager.exclusive(req.instanceId, 'prepare-incoming', () =>
      this.o.manager.withIncomingVolumes(requestVolumes(req), () =>
        prepareIncoming(this.o.deps, req, this.o.migrationAddress),
      ),
    );
  }

  startMigration(req: StartMigrationRequest): Promise<MigrationStatus> {
    return this.migrations.start(req);
  }

  migration(instanceId: string, migrationId: string): Promise<MigrationStatus> {
    return this.migrations.status(instanceId, migrationId);
  }

  abortMigration(instanceId: string, migrationId: string): Promise<MigrationStatus> {
    return this.migrations.abort(instanceId, migrationId);
  }

  async resize(id: string, flavor: FlavorSpec): Promise<InstanceStatus> {
    checkInstanceId(id);
    return this.o.manager.exclusive(id, 'resize', async () => {
      await resizeInstance({ hv: this.o.deps.hv, stateDir: this.o.deps.stateDir, log: this.o.deps.log }, id, flavor);
      return this.o.manager.status(id);
    });
  }
}
