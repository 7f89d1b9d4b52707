// The Hypervisor seam over libvirtd, through our remote-protocol client and the
// domain XML builder. It only translates: instance ids to domain names, libvirt
// states and events to strato power states, "already gone" errors to success.
// Events are pushed by libvirtd (the client re-registers them after a reconnect);
// nothing here polls. It also says whether the link is up and reads the guests'
// counters (instance-stats.ts) for the agent's metrics.
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { isStratoError, StratoError } from '../../../common/errors.ts';
import type { Logger } from '../../../common/log.ts';
import { domainNameFor, instanceIdFromDomainName } from '../domain-name.ts';
import type {
  DestroyOptions,
  DomainObservation,
  GuestProcessOwner,
  HostResources,
  Hypervisor,
  HypervisorEvents,
  MigrateOptions,
  MigrationProgress,
  PowerState,
} from '../hypervisor.ts';
import type { InstanceMetadata } from '../instance-metadata.ts';
import type { FlavorSpec, InstanceSpec, PortSpec, VirtType, VolumeSpec } from '../instance-spec.ts';
import type { InstanceStats, InstanceStatsSource } from '../instance-stats.ts';
import { ConsoleFlags } from './console-ops.ts';
import { guestOwnerFromCapabilities } from './dac-owner.ts';
import { LIBVIRT_QEMU_LOG_DIR, loggedDomainInstances, removeDomainLogs } from './domain-logs.ts';
import { parseDomainMetadata } from './domain-metadata.ts';
import { buildDomainXml } from './domain-xml.ts';
import type { LifecycleEvent, RebootEvent } from './events.ts';
import { DestroyFlags, ListDomainsFlags, ShutdownFlags, StartFlags, StatsFlags, UndefineFlags } from './flags.ts';
import { INSTANCE_STATS_GROUPS, instanceStatsOf } from './instance-stats.ts';
import { LibvirtClient, type LibvirtClientOptions } from './libvirt-client.ts';
import { LongCallLinks } from './long-call-links.ts';
import { abortMigration, migrateDomain, migrationProgress, setDomainFlavor } from './libvirt-migration.ts';
import { attachNic, detachNic } from './libvirt-ports.ts';
import { attachVolumeDisk, detachVolumeDisk, iscsiLoginFailure, resizeVolumeDisk } from './libvirt-volumes.ts';
import { listVolumeSecrets, removeVolumeSecret, setVolumeSecret } from './volume-secrets.ts';

/** libvirt's domain state (+ whether a managed save image exists) → strato's power state. */
export function powerStateOf(state: string, hasManagedSave: boolean): PowerState {
  switch (state) {
    case 'RUNNING':
    case 'BLOCKED':
      return 'running';
    case 'PAUSED':
      return 'paused';
    case 'SHUTDOWN': // shutting down: still running until it stops
      return 'running';
    case 'SHUTOFF':
      return hasManagedSave ? 'suspended' : 'shutdown';
    case 'CRASHED':
      return 'crashed';
    case 'PMSUSPENDED':
      return 'suspended';
    default:
      return 'nostate';
  }
}

/** `STOPPED`/`SHUTDOWN` → `stopped/shutdown`. */
export function eventName(ev: Pick<LifecycleEvent, 'event' | 'detail'>): string {
  return `${ev.event.toLowerCase()}/${ev.detail.toLowerCase()}`;
}

/** Links beside the main one for long calls: with libvirtd's default of 5 calls per link, 15 at once. */
const SPARE_LINKS = 2;

const gone = (err: unknown): boolean => isStratoError(err, 'NOT_FOUND');

/** A volume's secret is gone (libvirtd restarted: they are ephemeral) and the agent did not have it to restore. */
const secretMissing = (id: string, err: StratoError): StratoError =>
  new StratoError(
    'FAILED_PRECONDITION',
    'VOLUME_SECRET_MISSING',
    `instance ${id} cannot start: ${err.message}; attaching the volume again restores its CHAP secret`,
    { cause: err, details: { instanceId: id } },
  );
// libvirt answers OPERATION_INVALID ("domain is not running") to destroying a stopped domain.
const notRunning = (err: unknown): boolean => isStratoError(err, 'FAILED_PRECONDITION');

export interface LibvirtHypervisorOptions {
  socketPath?: string;
  /** Where libvirtd's QEMU driver writes its per-domain logs. @default /var/log/libvirt/qemu */
  qemuLogDir?: string;
  /** Told of every failed libvirt call (procedure name, error), e.g. to count them. @default none */
  onCallError?: (procedure: string, err: unknown) => void;
  log: Logger;
}

export class LibvirtHypervisor extends EventEmitter<HypervisorEvents> implements Hypervisor, InstanceStatsSource {
  private readonly client: LibvirtClient;
  /** Links beside the main one for starts and destroys (see long-call-links.ts). */
  private readonly spare: readonly LibvirtClient[];
  private readonly longCalls: LongCallLinks;
  private readonly log: Logger;
  private readonly qemuLogDir: string;
  private lostLink = false;

  private constructor(client: LibvirtClient, spare: readonly LibvirtClient[], log: Logger, qemuLogDir: string) {
    super();
    this.client = client;
    this.spare = spare;
    this.longCalls = new LongCallLinks([client, ...spare]);
    this.log = log;
    this.qemuLogDir = qemuLogDir;
    client.on('lifecycle', (ev) => this.forward(ev.domain.name, eventName(ev)));
    client.on('reboot', (ev: RebootEvent) => this.forward(ev.domain.name, 'reboot'));
    client.on('disconnected', () => {
      const first = !this.lostLink;
      this.lostLink = true;
      this.log.warn('libvirt connection lost; reconnecting');
      if (first) this.emit('disconnected');
    });
    client.on('connected', () => {
      if (!this.lostLink) return;
      this.lostLink = false;
      this.log.info('libvirt connection restored');
      this.emit('reconnected');
    });
  }

  static async connect(opts: LibvirtHypervisorOptions): Promise<LibvirtHypervisor> {
    const log = opts.log.child({ component: 'libvirt-hypervisor' });
    const link = (events: LibvirtClientOptions['events']) =>
      LibvirtClient.connect({
        socketPath: opts.socketPath,
        events,
        log,
        // A restarted libvirtd may take a while: keep calls waiting rather than failing fast.
        unavailableAfterMs: 30_000,
        ...(opts.onCallError ? { onCallError: opts.onCallError } : {}),
      });
    const client = await link(['lifecycle', 'reboot', 'device-removed', 'device-removal-failed']);
    const spare: LibvirtClient[] = [];
    try {
      for (let i = 0; i < SPARE_LINKS; i++) spare.push(await link([]));
    } catch (err) {
      await Promise.all([client, ...spare].map((c) => c.close().catch(() => undefined)));
      throw err;
    }
    return new LibvirtHypervisor(client, spare, log, opts.qemuLogDir ?? LIBVIRT_QEMU_LOG_DIR);
  }

  /** Whether the link to libvirtd is up now (calls made while it is not wait, then fail UNAVAILABLE). */
  get connected(): boolean {
    return this.client.state === 'ready';
  }

  /** Counters of every running strato domain, in one call (short deadline: a scrape waits for it). */
  async instanceStats(): Promise<InstanceStats[]> {
    const all = await this.client.getAllDomainStats({
      groups: INSTANCE_STATS_GROUPS,
      flags: StatsFlags.ACTIVE,
      timeoutMs: 5000,
    });
    return instanceStatsOf(all);
  }

  private forward(domainName: string, event: string): void {
    const instanceId = instanceIdFromDomainName(domainName);
    if (instanceId !== undefined) this.emit('event', { instanceId, event });
  }

  async hostResources(): Promise<HostResources> {
    const info = await this.client.getNodeInfo();
    return { vcpus: info.cpus, ramMiB: Number(info.memoryKiB / 1024n) };
  }

  async guestProcessOwner(virtType: VirtType): Promise<GuestProcessOwner> {
    return guestOwnerFromCapabilities(await this.client.getCapabilities(), virtType);
  }

  removeLogs(id: string): Promise<void> {
    return removeDomainLogs(this.qemuLogDir, domainNameFor(id));
  }

  loggedInstances(mentioning: string): Promise<string[]> {
    return loggedDomainInstances(this.qemuLogDir, mentioning);
  }

  async define(spec: InstanceSpec): Promise<void> {
    await this.client.defineDomain(buildDomainXml(spec));
  }

  async start(id: string): Promise<void> {
    try {
      await this.longCalls.run((c) => c.startDomain(domainNameFor(id)));
    } catch (err) {
      if (isStratoError(err) && err.reason === 'SECRET_NOT_FOUND') throw secretMissing(id, err);
      throw iscsiLoginFailure(err);
    }
  }

  acpiShutdown(id: string): Promise<void> {
    return this.client.shutdownDomain(domainNameFor(id), ShutdownFlags.ACPI_POWER_BTN);
  }

  acpiReboot(id: string): Promise<void> {
    return this.client.rebootDomain(domainNameFor(id), ShutdownFlags.ACPI_POWER_BTN);
  }

  async destroy(id: string, options: DestroyOptions = {}): Promise<void> {
    const flags = options.graceful ? DestroyFlags.GRACEFUL : DestroyFlags.DEFAULT;
    try {
      await this.longCalls.run((c) => c.destroyDomain(domainNameFor(id), flags));
    } catch (err) {
      if (!gone(err) && !notRunning(err)) throw err;
    }
  }

  async undefine(id: string): Promise<void> {
    try {
      await this.client.undefineDomain(domainNameFor(id), UndefineFlags.MANAGED_SAVE | UndefineFlags.NVRAM);
    } catch (err) {
      if (!gone(err)) throw err;
    }
  }

  pause(id: string): Promise<void> {
    return this.client.suspendDomain(domainNameFor(id));
  }

  unpause(id: string): Promise<void> {
    return this.client.resumeDomain(domainNameFor(id));
  }

  save(id: string): Promise<void> {
    // Writing guest memory to disk takes as long as it takes: no short deadline.
    return this.client.managedSave(domainNameFor(id), 0, 300_000);
  }

  async discardSave(id: string): Promise<void> {
    const name = domainNameFor(id);
    try {
      if (await this.client.hasManagedSaveImage(name)) await this.client.managedSaveRemove(name);
    } catch (err) {
      // No domain, no image: what is gone is removed.
      if (!gone(err)) throw err;
    }
  }

  async powerState(id: string): Promise<PowerState | undefined> {
    const name = domainNameFor(id);
    try {
      const { state } = await this.client.getDomainState(name);
      const saved = state === 'SHUTOFF' && (await this.client.hasManagedSaveImage(name));
      return powerStateOf(state, saved);
    } catch (err) {
      if (gone(err)) return undefined;
      throw err;
    }
  }

  async list(): Promise<DomainObservation[]> {
    const [domains, saved] = await Promise.all([
      this.client.listDomains(),
      this.client.listDomainRefs(ListDomainsFlags.MANAGEDSAVE),
    ]);
    const savedNames = new Set(saved.map((d) => d.name));
    const out: DomainObservation[] = [];
    for (const d of domains) {
      const instanceId = instanceIdFromDomainName(d.name);
      if (instanceId === undefined) continue;
      out.push({ instanceId, powerState: powerStateOf(d.state, savedNames.has(d.name)) });
    }
    return out;
  }

  attachPort(id: string, port: PortSpec): Promise<void> {
    return attachNic(this.client, domainNameFor(id), port);
  }

  detachPort(id: string, tap: string, options: { timeoutMs?: number } = {}): Promise<void> {
    return detachNic(this.client, domainNameFor(id), tap, options.timeoutMs ?? 60_000);
  }

  attachVolume(id: string, volume: VolumeSpec): Promise<void> {
    return attachVolumeDisk(this.client, domainNameFor(id), volume);
  }

  detachVolume(id: string, volumeId: string, options: { timeoutMs?: number } = {}): Promise<void> {
    return detachVolumeDisk(this.client, domainNameFor(id), volumeId, options.timeoutMs ?? 30_000);
  }

  resizeVolume(id: string, volumeId: string, sizeBytes: number): Promise<void> {
    return resizeVolumeDisk(this.client, domainNameFor(id), volumeId, sizeBytes);
  }

  setVolumeSecret(volumeId: string, value: string): Promise<void> {
    return setVolumeSecret(this.client, volumeId, value);
  }

  removeVolumeSecret(volumeId: string): Promise<void> {
    return removeVolumeSecret(this.client, volumeId);
  }

  volumeSecrets(): Promise<string[]> {
    return listVolumeSecrets(this.client);
  }

  async metadata(id: string): Promise<InstanceMetadata | undefined> {
    let xml: string;
    try {
      xml = await this.client.getDomainXml(domainNameFor(id));
    } catch (err) {
      if (gone(err)) return undefined;
      throw err;
    }
    return parseDomainMetadata(xml);
  }

  async openConsole(id: string): Promise<Duplex> {
    // libvirt's own refusal of a stopped domain is OPERATION_INVALID: say it in our words.
    const name = domainNameFor(id);
    const { state } = await this.client.getDomainState(name);
    if (state !== 'RUNNING' && state !== 'PAUSED' && state !== 'BLOCKED') {
      throw new StratoError('FAILED_PRECONDITION', 'NOT_RUNNING', `instance ${id} is not running (${state})`);
    }
    return this.client.openConsole(name, ConsoleFlags.FORCE);
  }

  async startPaused(id: string): Promise<void> {
    try {
      await this.longCalls.run((c) => c.startDomain(domainNameFor(id), StartFlags.PAUSED));
    } catch (err) {
      if (isStratoError(err) && err.reason === 'SECRET_NOT_FOUND') throw secretMissing(id, err);
      throw iscsiLoginFailure(err);
    }
  }

  migrate(id: string, options: MigrateOptions): Promise<MigrationProgress | undefined> {
    return migrateDomain(this.client, domainNameFor(id), options);
  }

  migrationProgress(id: string): Promise<MigrationProgress | undefined> {
    return migrationProgress(this.client, domainNameFor(id));
  }

  abortMigration(id: string): Promise<void> {
    return abortMigration(this.client, domainNameFor(id));
  }

  setFlavor(id: string, flavor: FlavorSpec): Promise<void> {
    return setDomainFlavor(this.client, domainNameFor(id), flavor);
  }

  async close(): Promise<void> {
    await Promise.all([this.client, ...this.spare].map((c) => c.close()));
  }
}
