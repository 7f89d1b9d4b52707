// A stateful, in-memory Hypervisor for tests: domains with libvirt's states and
// transitions, events emitted asynchronously (as libvirtd pushes them), a guest that
// honours the ACPI button (or ignores it, to test fallbacks), and failure injection
// per operation. It passes the same conformance suite as the libvirt backend
// (test/conformance/hypervisor/), so what differs from libvirt is a bug here. Never
// used outside tests (unit tests, and test/harness/fake-agent.ts for the conductor's).
import { EventEmitter } from 'node:events';
import { StratoError } from '../../../common/errors.ts';
import type {
  DestroyOptions,
  DetachOptions,
  DomainObservation,
  GuestProcessOwner,
  HostResources,
  Hypervisor,
  HypervisorEvents,
  MigrateOptions,
  MigrationProgress,
  PowerState,
} from '../hypervisor.ts';
import {
  type InstanceMetadata,
  metadataFromSpec,
  withoutPort,
  withoutVolume,
  withPort,
  withVolume,
} from '../instance-metadata.ts';
import { type FlavorSpec, type InstanceSpec, type PortSpec, specVolumes, type VolumeSpec } from '../instance-spec.ts';
import { volumeMissing } from '../volume-targets.ts';
import { FakeConsole } from './fake-console.ts';
import {
  diskSlots,
  type FakeDomain,
  type FakeOp,
  type FakeState,
  fakeInvalid,
  fakeNotFound,
  fakePowerState,
} from './fake-domain.ts';
import { FakeIscsi } from './fake-iscsi.ts';

export interface FakeHypervisorOptions {
  resources?: HostResources;
  /** What guestProcessOwner answers. @default the test process's own uid and gid */
  guestOwner?: GuestProcessOwner;
  /** Whether guests act on the ACPI button. @default true */
  guestHonoursAcpi?: boolean;
  /** Delay before a guest reacts to ACPI. @default 5 */
  acpiDelayMs?: number;
  /** Where other fakes reach this one for migrations (FakeHypervisor.peers). @default not reachable */
  address?: string;
  /** How long a migration's copy takes. @default 20 */
  migrationMs?: number;
}

/** A migration in flight on the source fake. */
interface FakeJob {
  startedAt: number;
  abort: () => void;
}

export class FakeHypervisor extends EventEmitter<HypervisorEvents> implements Hypervisor {
  readonly domains = new Map<string, FakeDomain>();
  /** Instances whose guest ran: like libvirt's QEMU logs, they outlive the definition until removeLogs. */
  readonly logs = new Set<string>();
  /** The open console session per instance (one at a time, the newest wins). */
  readonly consoles = new Map<string, FakeConsole>();
  /** What each log names of its guest (like QEMU's command line): the console log's path. */
  readonly logMentions = new Map<string, string>();
  /** Every call in order, e.g. `start <id>`. */
  readonly calls: string[] = [];
  /** The host's volume secrets and the iSCSI targets its guests reach. */
  readonly iscsi = new FakeIscsi();
  guestHonoursAcpi: boolean;
  private readonly acpiDelayMs: number;
  private readonly resources: HostResources;
  private readonly guestOwner: GuestProcessOwner;
  private readonly failures = new Map<FakeOp, Error>();
  private readonly standingFailures = new Map<FakeOp, Error>();
  /** Fakes reachable for migrations, by address (what libvirtd's TLS port is for the real one). */
  static readonly peers = new Map<string, FakeHypervisor>();
  private readonly address: string | undefined;
  private readonly migrationMs: number;
  private readonly jobs = new Map<string, FakeJob>();

  constructor(options: FakeHypervisorOptions = {}) {
    super();
    this.resources = options.resources ?? { vcpus: 8, ramMiB: 16384 };
    this.guestOwner = options.guestOwner ?? { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
    this.guestHonoursAcpi = options.guestHonoursAcpi ?? true;
    this.acpiDelayMs = options.acpiDelayMs ?? 5;
    this.migrationMs = options.migrationMs ?? 20;
    this.address = options.address;
    if (options.address !== undefined) FakeHypervisor.peers.set(options.address, this);
  }

  /** The next call of `op` throws `err` (once). */
  failNext(op: FakeOp, err: Error = new StratoError('INTERNAL', 'FAKE_FAILURE', `fake: injected ${op} failure`)): void {
    this.failures.set(op, err);
  }

  /** Every call of `op` throws `err` until it is called again with undefined (a host that keeps refusing). */
  failWhile(op: FakeOp, err: Error | undefined): void {
    if (err === undefined) this.standingFailures.delete(op);
    else this.standingFailures.set(op, err);
  }

  /** The guest powers itself off (as `poweroff` inside it would). */
  guestPowerOff(id: string): void {
    const d = this.domains.get(id);
    if (!d || d.state === 'shutoff') return;
    this.stop(id, d, 'stopped/shutdown');
  }

  private enter(op: FakeOp, id: string): void {
    this.calls.push(`${op} ${id}`);
    const err = this.failures.get(op);
    if (err) {
      this.failures.delete(op);
      throw err;
    }
    const standing = this.standingFailures.get(op);
    if (standing) throw standing;
  }

  private get(id: string): FakeDomain {
    const d = this.domains.get(id);
    if (!d) throw fakeNotFound(id);
    return d;
  }

  private announce(id: string, event: string): void {
    setImmediate(() => this.emit('event', { instanceId: id, event }));
  }

  private transition(id: string, d: FakeDomain, state: FakeState, event: string): void {
    d.state = state;
    // The guest's process is gone: so is its console's pty.
    if (state === 'shutoff' || state === 'crashed') this.consoles.get(id)?.hangUp();
    this.announce(id, event);
  }

  /** The guest's process ends: a pending redefinition takes over, a transient domain goes. */
  private stop(id: string, d: FakeDomain, event: string): void {
    this.transition(id, d, 'shutoff', event);
    if (!d.persistent) {
      this.domains.delete(id);
      return;
    }
    if (d.next !== undefined) {
      d.spec = d.next;
      d.metadata = metadataFromSpec(d.next);
      delete d.next;
    }
  }

  async hostResources(): Promise<HostResources> {
    return { ...this.resources };
  }

  async guestProcessOwner(): Promise<GuestProcessOwner> {
    return { ...this.guestOwner };
  }

  async removeLogs(id: string): Promise<void> {
    this.enter('removeLogs', id);
    this.logs.delete(id);
    this.logMentions.delete(id);
  }

  async loggedInstances(mentioning: string): Promise<string[]> {
    return [...this.logs].filter((id) => this.logMentions.get(id)?.includes(mentioning)).sort();
  }

  async define(spec: InstanceSpec): Promise<void> {
    this.enter('define', spec.id);
    const old = this.domains.get(spec.id);
    if (old !== undefined && old.state !== 'shutoff') {
      old.next = spec;
      old.persistent = true;
    } else {
      this.domains.set(spec.id, {
        spec,
        metadata: metadataFromSpec(spec),
        state: 'shutoff',
        managedSave: old?.managedSave ?? false,
        persistent: true,
        volumeSizes: new Map(),
        pendingUnplugs: new Set(),
      });
    }
    this.announce(spec.id, old ? 'defined/updated' : 'defined/added');
  }

  async start(id: string): Promise<void> {
    this.enter('start', id);
    const d = this.get(id);
    if (d.state !== 'shutoff') throw fakeInvalid('domain is already running');
    // QEMU logs in to every volume before the guest runs: a failure leaves it stopped.
    const sizes = new Map<string, number>();
    for (const v of specVolumes(d.spec)) {
      try {
        sizes.set(v.id, this.iscsi.login(v));
      } catch (err) {
        if ((err as StratoError).reason !== 'SECRET_NOT_FOUND') throw err;
        throw new StratoError('FAILED_PRECONDITION', 'VOLUME_SECRET_MISSING', `fake: ${(err as Error).message}`);
      }
    }
    d.volumeSizes = sizes;
    const restored = d.managedSave;
    d.managedSave = false;
    this.logs.add(id);
    this.logMentions.set(id, d.spec.consoleLogPath);
    this.transition(id, d, 'running', restored ? 'started/restored' : 'started/booted');
  }

  async acpiShutdown(id: string): Promise<void> {
    this.enter('acpiShutdown', id);
    const d = this.get(id);
    if (d.state !== 'running') throw fakeInvalid('domain is not running');
    if (!this.guestHonoursAcpi) return;
    setTimeout(() => {
      if (d.state === 'running' && this.domains.get(id) === d) this.stop(id, d, 'stopped/shutdown');
    }, this.acpiDelayMs);
  }

  async acpiReboot(id: string): Promise<void> {
    this.enter('acpiReboot', id);
    const d = this.get(id);
    if (d.state !== 'running') throw fakeInvalid('domain is not running');
    if (!this.guestHonoursAcpi) return;
    setTimeout(() => {
      if (d.state === 'running') this.emit('event', { instanceId: id, event: 'reboot' });
    }, this.acpiDelayMs);
  }

  async destroy(id: string, _options: DestroyOptions = {}): Promise<void> {
    this.enter('destroy', id);
    const d = this.domains.get(id);
    if (!d || d.state === 'shutoff') return;
    this.stop(id, d, 'stopped/destroyed');
  }

  async undefine(id: string): Promise<void> {
    this.enter('undefine', id);
    const d = this.domains.get(id);
    if (!d) return;
    d.managedSave = false;
    delete d.next;
    if (d.state === 'shutoff') this.domains.delete(id);
    else d.persistent = false;
    this.announce(id, 'undefined/removed');
  }

  async pause(id: string): Promise<void> {
    this.enter('pause', id);
    const d = this.get(id);
    if (d.state === 'paused') return;
    if (d.state !== 'running') throw fakeInvalid('domain is not running');
    this.transition(id, d, 'paused', 'suspended/paused');
  }

  async unpause(id: string): Promise<void> {
    this.enter('unpause', id);
    const d = this.get(id);
    if (d.state === 'running') throw fakeInvalid('domain is already running');
    if (d.state !== 'paused') throw fakeInvalid('domain is not running');
    this.transition(id, d, 'running', 'resumed/unpaused');
    // The guest answers the unplugs it was asked for while paused (its metadata keeps them: libvirt's does).
    const pending = d.pendingUnplugs;
    if (pending.size > 0) d.spec = { ...d.spec, volumes: d.spec.volumes.filter((v) => !pending.has(v.id)) };
    pending.clear();
  }

  async save(id: string): Promise<void> {
    this.enter('save', id);
    const d = this.get(id);
    if (d.state !== 'running' && d.state !== 'paused') throw fakeInvalid('domain is not running');
    if (!d.persistent) throw fakeInvalid('cannot do managed save for transient domain');
    d.managedSave = true;
    this.stop(id, d, 'stopped/saved');
  }

  async discardSave(id: string): Promise<void> {
    const d = this.domains.get(id);
    if (d) d.managedSave = false;
  }

  async attachPort(id: string, port: PortSpec): Promise<void> {
    this.enter('attachPort', id);
    const d = this.get(id);
    if (!d.spec.ports.some((p) => p.mac === port.mac)) d.spec = { ...d.spec, ports: [...d.spec.ports, { ...port }] };
    d.metadata = withPort(d.metadata, port);
  }

  async detachPort(id: string, tap: string): Promise<void> {
    this.enter('detachPort', id);
    const d = this.domains.get(id);
    if (!d) return;
    d.spec = { ...d.spec, ports: d.spec.ports.filter((p) => p.tap !== tap) };
    d.metadata = withoutPort(d.metadata, tap);
  }

  async attachVolume(id: string, volume: VolumeSpec): Promise<void> {
    this.enter('attachVolume', id);
    const d = this.get(id);
    const running = d.state !== 'shutoff';
    const config = d.next ?? d.spec;
    const liveMissing = running && volumeMissing(diskSlots(d.spec), volume, id);
    const configMissing = volumeMissing(diskSlots(config), volume, id);
    // libvirt keeps the definition only once the live half worked.
    if (liveMissing) d.volumeSizes.set(volume.id, this.iscsi.login(volume));
    const add = (s: InstanceSpec): InstanceSpec => ({ ...s, volumes: [...s.volumes, structuredClone(volume)] });
    if (liveMissing) d.spec = add(d.spec);
    if (configMissing && d.next !== undefined) d.next = add(d.next);
    else if (configMissing && !running) d.spec = add(d.spec);
    d.metadata = withVolume(d.metadata, volume);
  }

  async detachVolume(id: string, volumeId: string, options: DetachOptions = {}): Promise<void> {
    this.enter('detachVolume', id);
    const d = this.domains.get(id);
    if (!d) return;
    const without = (s: InstanceSpec): InstanceSpec => ({ ...s, volumes: s.volumes.filter((v) => v.id !== volumeId) });
    const live = d.state !== 'shutoff' && d.spec.volumes.some((v) => v.id === volumeId);
    if (live && d.state === 'paused') {
      // The definition lets go at once; the paused guest answers only once it runs again.
      d.next = without(d.next ?? d.spec);
      d.pendingUnplugs.add(volumeId);
      const ms = options.timeoutMs ?? 30_000;
      await new Promise((r) => setTimeout(r, ms));
      if (d.pendingUnplugs.has(volumeId)) {
        throw new StratoError(
          'DEADLINE_EXCEEDED',
          'DETACH_TIMEOUT',
          `fake: the guest did not release volume ${volumeId} within ${ms} ms`,
        );
      }
    }
    d.spec = without(d.spec);
    if (d.next !== undefined) d.next = without(d.next);
    d.volumeSizes.delete(volumeId);
    d.metadata = withoutVolume(d.metadata, volumeId);
  }

  async resizeVolume(id: string, volumeId: string, sizeBytes: number): Promise<void> {
    this.enter('resizeVolume', id);
    const d = this.get(id);
    const volume = specVolumes(d.spec).find((v) => v.id === volumeId);
    if (volume === undefined) {
      throw new StratoError('NOT_FOUND', 'VOLUME_NOT_ATTACHED', `fake: volume ${volumeId} is not attached to ${id}`);
    }
    if (d.state === 'shutoff') return;
    const current = d.volumeSizes.get(volumeId) ?? 0;
    if (sizeBytes < current) {
      throw new StratoError('INVALID_ARGUMENT', 'VOLUME_SHRINK_REFUSED', `fake: ${sizeBytes} is below ${current}`, {
        details: { field: 'size_bytes' },
      });
    }
    if (sizeBytes === current) return;
    const served = this.iscsi.sizeOf(volume);
    if (served !== undefined && sizeBytes > served) {
      throw new StratoError(
        'INTERNAL',
        'LIBVIRT_INTERNAL_ERROR',
        "fake: unable to execute QEMU command 'block_resize': Cannot grow iSCSI devices",
      );
    }
    d.volumeSizes.set(volumeId, sizeBytes);
  }

  async setVolumeSecret(volumeId: string, value: string): Promise<void> {
    this.enter('setVolumeSecret', volumeId);
    this.iscsi.secrets.set(volumeId, value);
  }

  async removeVolumeSecret(volumeId: string): Promise<void> {
    this.enter('removeVolumeSecret', volumeId);
    this.iscsi.secrets.delete(volumeId);
  }

  async volumeSecrets(): Promise<string[]> {
    return [...this.iscsi.secrets.keys()].sort();
  }

  async powerState(id: string): Promise<PowerState | undefined> {
    const d = this.domains.get(id);
    return d ? fakePowerState(d) : undefined;
  }

  async list(): Promise<DomainObservation[]> {
    return [...this.domains.entries()].map(([instanceId, d]) => ({ instanceId, powerState: fakePowerState(d) }));
  }

  async metadata(id: string): Promise<InstanceMetadata | undefined> {
    const d = this.domains.get(id);
    return d ? structuredClone(d.metadata) : undefined;
  }

  async openConsole(id: string): Promise<FakeConsole> {
    const d = this.get(id);
    if (d.state !== 'running' && d.state !== 'paused') {
      throw new StratoError('FAILED_PRECONDITION', 'NOT_RUNNING', `fake: instance ${id} is not running`);
    }
    this.consoles.get(id)?.hangUp();
    const c = new FakeConsole((closed) => {
      if (this.consoles.get(id) === closed) this.consoles.delete(id);
    });
    this.consoles.set(id, c);
    return c;
  }

  async startPaused(id: string): Promise<void> {
    await this.start(id);
    const d = this.get(id);
    this.transition(id, d, 'paused', 'suspended/paused');
  }

  async migrate(id: string, o: MigrateOptions): Promise<MigrationProgress | undefined> {
    this.enter('migrate', id);
    const d = this.get(id);
    if (this.jobs.has(id)) throw fakeInvalid('another migration job runs');
    if (d.state !== (o.live ? 'running' : 'paused')) throw fakeInvalid(`cannot migrate a ${d.state} domain`);
    const peer = FakeHypervisor.peers.get(o.address);
    if (peer === undefined || peer === this) {
      throw new StratoError('UNAVAILABLE', 'SYSTEM_ERROR', `fake: unable to connect to ${o.address}`);
    }
    if (peer.domains.has(id)) throw fakeInvalid(`domain ${id} already exists on ${o.address}`);
    const startedAt = Date.now();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, this.migrationMs);
      this.jobs.set(id, {
        startedAt,
        abort: () => {
          clearTimeout(timer);
          reject(new StratoError('ABORTED', 'OPERATION_ABORTED', 'fake: migration job: canceled by client'));
        },
      });
    }).finally(() => this.jobs.delete(id));
    let json = JSON.stringify(d.spec);
    for (const r of o.rewrites) json = json.replaceAll(r.from, r.to);
    const spec = JSON.parse(json) as InstanceSpec;
    peer.domains.set(id, {
      spec,
      metadata: structuredClone(d.metadata),
      state: o.live ? 'running' : 'paused',
      managedSave: false,
      persistent: true,
      volumeSizes: new Map(d.volumeSizes),
      pendingUnplugs: new Set(),
    });
    peer.logs.add(id);
    peer.logMentions.set(id, spec.consoleLogPath);
    peer.announce(id, o.live ? 'resumed/migrated' : 'suspended/paused');
    this.stop(id, d, 'stopped/migrated');
    return { ...this.progress(startedAt, 0), downtimeMs: o.live ? 1 : 0 };
  }

  private progress(startedAt: number, remaining: number): MigrationProgress {
    const mem = 256 * 1024 ** 2;
    return {
      elapsedMs: Date.now() - startedAt,
      memoryTotal: mem,
      memoryProcessed: mem - remaining,
      memoryRemaining: remaining,
      diskTotal: 0,
      diskProcessed: 0,
      diskRemaining: 0,
    };
  }

  async migrationProgress(id: string): Promise<MigrationProgress | undefined> {
    const job = this.jobs.get(id);
    return job === undefined ? undefined : this.progress(job.startedAt, 1);
  }

  async abortMigration(id: string): Promise<void> {
    this.jobs.get(id)?.abort();
  }

  async setFlavor(id: string, flavor: FlavorSpec): Promise<void> {
    this.enter('setFlavor', id);
    const d = this.get(id);
    if (d.state !== 'shutoff') throw new StratoError('FAILED_PRECONDITION', 'INVALID_POWER_STATE', 'fake: domain runs');
    d.spec = { ...d.spec, flavor: { ...flavor } };
    d.metadata = { ...d.metadata, flavor: { ...flavor } };
  }

  async close(): Promise<void> {
    if (this.address !== undefined && FakeHypervisor.peers.get(this.address) === this) {
      FakeHypervisor.peers.delete(this.address);
    }
  }
}
