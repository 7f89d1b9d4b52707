// The agent's compute service: spawn, delete, power actions, NICs, volumes, state and
// console of the instances on this host, over the Hypervisor seam. Operations on one
// instance run one at a time (a per-id lock), and operations touching a volume's
// secret one at a time per volume (volume-guard.ts); every one is idempotent. It also
// turns the hypervisor's pushed events into `changed` notifications carrying the
// actual power state, which the registry reports to the conductor at once.

import { EventEmitter } from 'node:events';
import { rm } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import { notFound } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import { domainNameFor } from '../hypervisor/domain-name.ts';
import type { Hypervisor, HypervisorEvent, PowerState } from '../hypervisor/hypervisor.ts';
import { type Action, parseAction, runAction } from './actions.ts';
import { adoptExisting } from './adopt.ts';
import { DEFAULT_TAIL_LINES, MAX_TAIL_LINES, tailLines } from './console-tail.ts';
import { incomingVolumes } from './incoming-volumes.ts';
import { checkInstanceId, instancePaths } from './instance-paths.ts';
import { KeyedLock } from './keyed-lock.ts';
import { attachPort, detachPort } from './port-ops.ts';
import { type ExportedDisk, exportRootDisk, qemuImgSnapshotTools, type SnapshotTools } from './snapshot.ts';
import { type SpawnDeps, spawnInstance } from './spawn.ts';
import { requestVolumes, type SpawnPort, type SpawnRequest } from './spawn-request.ts';
import { VolumeGuard } from './volume-guard.ts';
import {
  attachVolume,
  detachVolume,
  refreshVolumeSize,
  releaseVolumeSecrets,
  type VolumeDeps,
  volumeUsers,
} from './volume-ops.ts';
import type { VolumeAttachment } from './volume-request.ts';

export interface InstanceStatus {
  instanceId: string;
  powerState: PowerState;
  domainName: string;
}

/** What changed, as the conductor should hear it; `absent` once the instance is gone. */
export interface InstanceChange {
  instanceId: string;
  powerState: PowerState | 'absent';
  event: string;
  observedAt: string;
}

export interface InstanceManagerEvents {
  changed: [InstanceChange];
}

export interface InstanceManagerOptions extends SpawnDeps {
  /** Default wait for ACPI stop/reboot before the hard fallback. */
  acpiTimeoutS: number;
  /** What a snapshot runs (snapshot.ts). @default qemu-img */
  snapshotTools?: SnapshotTools;
}

export class InstanceManager extends EventEmitter<InstanceManagerEvents> {
  private readonly deps: SpawnDeps;
  private readonly hv: Hypervisor;
  private readonly log: Logger;
  private readonly acpiTimeoutS: number;
  private readonly lock = new KeyedLock();
  private readonly guard = new VolumeGuard();
  private readonly volumeDeps: VolumeDeps;
  /** Per-instance chain of state queries, so reports leave in the order events came. */
  private readonly reportChains = new Map<string, Promise<void>>();
  private readonly onHvEvent = (ev: HypervisorEvent): void => this.observe(ev.instanceId, ev.event);

  constructor(options: InstanceManagerOptions) {
    super();
    this.deps = options;
    this.hv = options.hv;
    this.log = options.log.child({ component: 'instance-manager' });
    this.acpiTimeoutS = options.acpiTimeoutS;
    this.volumeDeps = { hv: this.hv, guard: this.guard, log: this.log };
    this.hv.on('event', this.onHvEvent);
  }

  close(): void {
    this.hv.off('event', this.onHvEvent);
  }

  /** Runs `fn` under the instance's lock, as one operation `op` (a move's steps: compute/moves.ts). */
  exclusive<T>(id: string, op: string, fn: () => Promise<T>): Promise<T> {
    checkInstanceId(id);
    return this.lock.run(id, op, fn);
  }

  /** The operation running on `id` (spawn, delete, an action), if any. */
  busy(id: string): string | undefined {
    return this.lock.holder(id);
  }

  async spawn(req: SpawnRequest): Promise<InstanceStatus> {
    checkInstanceId(req.instanceId);
    const volumeIds = requestVolumes(req).map((v) => v.volumeId);
    return this.settle(req.instanceId, 'spawn', 'spawned', () =>
      this.guard.run(volumeIds, 'spawn', async () => {
        const existing = await this.hv.powerState(req.instanceId);
        if (existing === undefined) await spawnInstance(this.deps, req, this.guard);
        // A re-sent spawn (no answer reached the conductor): adopt what the first one made.
        else await adoptExisting(this.deps, req, existing, this.guard);
        return this.status(req.instanceId);
      }),
    );
  }

  /**
   * Destroys, undefines and removes every file of the instance, then the secrets of its
   * volumes (the volumes themselves are the storage host's). Absent is success.
   */
  async delete(id: string): Promise<void> {
    checkInstanceId(id);
    await this.settle(id, 'delete', 'deleted', async () => {
      // Unreadable metadata names no volume: the reconciler removes their secrets later.
      const named = ((await this.hv.metadata(id).catch(() => undefined))?.volumes ?? []).map((v) => v.id);
      // A move's destination that was prepared but never got the domain: its volumes' secrets go too.
      const incoming = await incomingVolumes(instancePaths(this.deps.stateDir, id).dir);
      const volumeIds = [...new Set([...named, ...incoming])];
      try {
        await this.hv.destroy(id, { graceful: true });
      } catch (err) {
        this.log.warn({ instanceId: id, err }, 'graceful destroy failed; forcing');
        await this.hv.destroy(id);
      }
      await this.hv.undefine(id);
      await this.removeFiles(id);
      await this.guard.run(volumeIds, 'delete', () => releaseVolumeSecrets(this.volumeDeps, volumeIds));
    });
  }

  async action(
    id: string,
    action: string,
    opts: { hard?: boolean; acpiTimeoutS?: number } = {},
  ): Promise<InstanceStatus> {
    checkInstanceId(id);
    const act: Action = parseAction(action);
    const timeoutS = opts.acpiTimeoutS && opts.acpiTimeoutS > 0 ? opts.acpiTimeoutS : this.acpiTimeoutS;
    return this.lock.run(id, act, async () => {
      await runAction(this.hv, id, act, { hard: opts.hard ?? false, acpiTimeoutMs: timeoutS * 1000 }, this.log);
      return this.status(id);
    });
  }

  /**
   * The root disk as one flattened qcow2 (snapshot.ts), made under the instance's
   * lock; the caller streams it, then calls its cleanup.
   */
  async exportRootDisk(id: string): Promise<ExportedDisk> {
    checkInstanceId(id);
    const deps = {
      hv: this.hv,
      stateDir: this.deps.stateDir,
      log: this.log,
      reserveBytes: this.deps.diskReserveBytes ?? 0,
      ...(this.deps.freeSpace ? { freeSpace: this.deps.freeSpace } : {}),
    };
    const tools = (this.deps as InstanceManagerOptions).snapshotTools ?? qemuImgSnapshotTools;
    return this.lock.run(id, 'export-root-disk', () => exportRootDisk({ ...deps, tools }, id));
  }

  /** Hot-plugs a NIC on a wired port (see port-ops.ts). */
  async attachPort(id: string, port: SpawnPort): Promise<void> {
    checkInstanceId(id);
    await this.lock.run(id, 'attach-port', () => attachPort(this.deps, id, port));
  }

  /** Unplugs a port's NIC; absent NIC or instance is success. */
  async detachPort(id: string, portId: string): Promise<void> {
    checkInstanceId(id);
    await this.lock.run(id, 'detach-port', () => detachPort(this.deps, id, portId));
  }

  /** Hot-plugs a volume (see volume-ops.ts). */
  async attachVolume(id: string, volume: VolumeAttachment): Promise<void> {
    checkInstanceId(id);
    await this.lock.run(id, 'attach-volume', () => attachVolume(this.volumeDeps, id, volume));
  }

  /** Unplugs a volume once the guest released it (or fails DETACH_TIMEOUT); absent is success. */
  async detachVolume(id: string, volumeId: string, timeoutS = 0): Promise<void> {
    checkInstanceId(id);
    await this.lock.run(id, 'detach-volume', () => detachVolume(this.volumeDeps, id, volumeId, timeoutS));
  }

  /** Tells a running guest its volume grew to `sizeBytes`. */
  async refreshVolumeSize(id: string, volumeId: string, sizeBytes: number): Promise<void> {
    checkInstanceId(id);
    await this.lock.run(id, 'refresh-volume', () => refreshVolumeSize(this.volumeDeps, id, volumeId, sizeBytes));
  }

  /** Volumes an operation works on right now (the reconciler leaves their secrets alone). */
  busyVolumes(): Set<string> {
    return this.guard.busy();
  }

  /** Volumes whose CHAP password this process holds (in memory only). */
  knownVolumePasswords(): Set<string> {
    return this.guard.known();
  }

  /**
   * Puts a volume's password back into its secret (lost with a libvirtd restart), under
   * the volume's lock. False when this process does not hold the password.
   */
  async restoreVolumeSecret(volumeId: string): Promise<boolean> {
    return this.guard.run([volumeId], 'reconcile', async () => {
      const password = this.guard.password(volumeId);
      if (password === undefined) return false;
      await this.hv.setVolumeSecret(volumeId, password);
      return true;
    });
  }

  /**
   * Runs `fn` (a move's destination setting up `volumes`) holding the volumes' locks,
   * then keeps their passwords as a spawn does, to restore a secret libvirtd lost.
   */
  async withIncomingVolumes<T>(
    volumes: readonly { volumeId: string; chapSecret: string }[],
    fn: () => Promise<T>,
  ): Promise<T> {
    return this.guard.run(
      volumes.map((v) => v.volumeId),
      'prepare-incoming',
      async () => {
        const out = await fn();
        for (const v of volumes) this.guard.remember(v.volumeId, v.chapSecret);
        return out;
      },
    );
  }

  /**
   * Removes the secret of a volume no domain on this host records, under the volume's
   * lock so it cannot race an attach or spawn that began after the reconciler looked.
   * False when a domain records it after all (nothing is removed then).
   */
  async removeOrphanSecret(volumeId: string): Promise<boolean> {
    return this.guard.run([volumeId], 'reconcile', async () => {
      if ((await volumeUsers(this.hv, volumeId)).length > 0) return false;
      await this.hv.removeVolumeSecret(volumeId);
      this.guard.forget(volumeId);
      return true;
    });
  }

  /**
   * Removes an instance directory that has no domain, under the instance's lock so
   * it cannot race a spawn that began after the reconciler looked. False when a
   * domain exists after all (nothing is removed then).
   */
  removeOrphanDir(id: string): Promise<boolean> {
    return this.whenNoDomain(id, () => this.removeFiles(id));
  }

  /**
   * Removes the hypervisor's logs of an instance that has no domain, under the
   * instance's lock. False when a domain exists after all (nothing is removed then).
   */
  removeOrphanLogs(id: string): Promise<boolean> {
    return this.whenNoDomain(id, () => this.hv.removeLogs(id));
  }

  /** Runs `fn` under the instance's lock unless a domain exists; whether it ran. */
  private async whenNoDomain(id: string, fn: () => Promise<void>): Promise<boolean> {
    checkInstanceId(id);
    return this.lock.run(id, 'reconcile', async () => {
      if ((await this.hv.powerState(id)) !== undefined) return false;
      await fn();
      return true;
    });
  }

  /** The instance directory and the hypervisor's logs of it; none left is success. */
  private async removeFiles(id: string): Promise<void> {
    await rm(instancePaths(this.deps.stateDir, id).dir, { recursive: true, force: true });
    await this.hv.removeLogs(id);
  }

  /** The instance's actual state. Throws NOT_FOUND when there is no domain. */
  async status(id: string): Promise<InstanceStatus> {
    checkInstanceId(id);
    const powerState = await this.hv.powerState(id);
    if (powerState === undefined) throw notFound('INSTANCE_NOT_FOUND', `instance ${id} does not exist on this host`);
    return { instanceId: id, powerState, domainName: domainNameFor(id) };
  }

  async list(): Promise<InstanceStatus[]> {
    const domains = await this.hv.list();
    return domains.map((d) => ({ ...d, domainName: domainNameFor(d.instanceId) }));
  }

  /** The instance's serial console, interactive (Hypervisor.openConsole; console-attach.ts relays it). */
  openConsole(id: string): Promise<Duplex> {
    checkInstanceId(id);
    return this.hv.openConsole(id);
  }

  async consoleLog(id: string, lines: number): Promise<string[]> {
    checkInstanceId(id);
    const n = lines <= 0 ? DEFAULT_TAIL_LINES : Math.min(lines, MAX_TAIL_LINES);
    const out = await tailLines(instancePaths(this.deps.stateDir, id).consoleLog, n);
    if (out !== undefined) return out;
    // No log yet is normal for a defined but never started domain.
    await this.status(id);
    return [];
  }

  /**
   * Runs a spawn or delete under the instance's lock. Events during it are not
   * reported one by one (a spawn defines, starts… a delete stops, undefines…);
   * the settled state is reported once at the end, success or failure.
   */
  private async settle<T>(id: string, op: string, event: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await this.lock.run(id, op, fn);
    } finally {
      this.observe(id, event);
    }
  }

  /** Queries the actual state after an event and emits it (in event order per instance). */
  private observe(id: string, event: string): void {
    if (this.lock.holder(id) === 'spawn' || this.lock.holder(id) === 'delete') return;
    const previous = this.reportChains.get(id) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        const state = await this.hv.powerState(id);
        this.emit('changed', {
          instanceId: id,
          powerState: state ?? 'absent',
          event,
          observedAt: new Date().toISOString(),
        });
      } catch (err) {
        this.log.warn({ instanceId: id, event, err }, 'state query after event failed');
      }
    });
    this.reportChains.set(id, next);
    void next.then(() => {
      if (this.reportChains.get(id) === next) this.reportChains.delete(id);
    });
  }
}
