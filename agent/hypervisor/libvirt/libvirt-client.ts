// The public client of libvirt's remote protocol: a pure TypeScript talk to libvirtd's
// UNIX socket (like DigitalOcean's go-libvirt), with reconnect, typed events and
// libvirt errors mapped to StratoError. One socket carries many calls at once.
import { EventEmitter } from 'node:events';
import { isStratoError } from '../../../common/errors.ts';
import { type Logger, log as rootLog } from '../../../common/log.ts';
import { ConsoleFlags, openConsoleArgs } from './console-ops.ts';
import * as dom from './domain-ops.ts';
import {
  DOMAIN_EVENT_IDS,
  DOMAIN_EVENT_NAMES,
  type DomainEventMap,
  type DomainEventName,
  decodeDomainEvent,
} from './events.ts';
import { BlockResizeFlags, ListDomainsFlags, MetadataType, ShutdownFlags, StatsGroups } from './flags.ts';
import * as host from './host-ops.ts';
import * as migration from './migrate-ops.ts';
import { Proc } from './procedures.ts';
import type { DomainRef, SecretRef } from './remote-types.ts';
import * as secret from './secret-ops.ts';
import { type Caller, LibvirtSession, type SessionState } from './session.ts';
import { LibvirtStream } from './stream.ts';
import type { TypedParam } from './typed-params.ts';

export interface LibvirtClientOptions {
  /** @default '/run/libvirt/libvirt-sock' (simulated hosts have their own). */
  socketPath?: string;
  /** @default 'qemu:///system' */
  uri?: string;
  /** Deadline of each call once sent. @default 30000 */
  callTimeoutMs?: number;
  /** How long `connect()` keeps trying before failing UNAVAILABLE. @default 10000 */
  connectTimeoutMs?: number;
  /** How long a call made while reconnecting waits before failing UNAVAILABLE. @default 10000 */
  unavailableAfterMs?: number;
  /** First reconnect delay; doubles per failure. @default 100 */
  backoffInitialMs?: number;
  /** @default 5000 */
  backoffMaxMs?: number;
  /** Ping after this much silence; give up after `keepaliveCount` silent intervals. @default 5000 */
  keepaliveIntervalMs?: number;
  /** @default 6 */
  keepaliveCount?: number;
  /** Domain events to subscribe to at connect (and after every reconnect). @default [] */
  events?: readonly DomainEventName[];
  /** Told of every failed call (procedure name, error), e.g. to count libvirt errors. @default none */
  onCallError?: (procedure: string, err: unknown) => void;
  log?: Logger;
}

/** Connection events next to the domain events. */
export interface LibvirtClientEvents extends DomainEventMap {
  /** The link is up: first connection or a reconnection, after events were re-registered. */
  connected: [];
  /** The link was lost; the client is reconnecting. */
  disconnected: [];
}

/** A domain by reference, by name, or by uuid string. */
export type DomainLike = DomainRef | string;

export interface DomainSummary extends DomainRef {
  state: dom.DomainStateInfo['state'];
  stateCode: number;
  reason: number;
}

export interface StatsQuery {
  /** Only these domains; default all that match `flags`. */
  domains?: readonly DomainRef[];
  /** StatsGroups bits; 0 means every group libvirt supports. @default 0 */
  groups?: number;
  /** StatsFlags bits, e.g. StatsFlags.ACTIVE. @default 0 */
  flags?: number;
  timeoutMs?: number;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class LibvirtClient extends EventEmitter<LibvirtClientEvents> {
  private readonly session: LibvirtSession;
  private readonly subscribed = new Set<DomainEventName>();
  private readonly connectTimeoutMs: number;
  /** Callback IDs of the current connection, per event name. */
  private callbackIds = new Map<DomainEventName, number>();

  private constructor(opts: LibvirtClientOptions) {
    super();
    const socketPath = opts.socketPath ?? '/run/libvirt/libvirt-sock';
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 10_000;
    for (const e of opts.events ?? []) this.subscribed.add(e);
    this.session = new LibvirtSession({
      socketPath,
      uri: opts.uri ?? 'qemu:///system',
      callTimeoutMs: opts.callTimeoutMs ?? 30_000,
      unavailableAfterMs: opts.unavailableAfterMs ?? 10_000,
      backoffInitialMs: opts.backoffInitialMs ?? 100,
      backoffMaxMs: opts.backoffMaxMs ?? 5000,
      keepaliveIntervalMs: opts.keepaliveIntervalMs ?? 5000,
      keepaliveCount: opts.keepaliveCount ?? 6,
      log: (opts.log ?? rootLog).child({ component: 'libvirt-client', socketPath }),
      afterConnect: (c) => this.registerEvents(c),
      onEvent: (proc, body) => this.routeEvent(proc, body),
      onStateChange: (s) => this.onState(s),
      ...(opts.onCallError ? { onCallError: opts.onCallError } : {}),
    });
  }

  /** Connects (retrying with backoff up to `connectTimeoutMs`) and resolves once ready. */
  static async connect(opts: LibvirtClientOptions = {}): Promise<LibvirtClient> {
    const client = new LibvirtClient(opts);
    try {
      await client.session.start(client.connectTimeoutMs);
    } catch (err) {
      await client.session.close();
      throw err;
    }
    return client;
  }

  get state(): SessionState {
    return this.session.state;
  }

  close(): Promise<void> {
    return this.session.close();
  }

  /** Subscribes to domain events (all domains); kept across reconnects. Emitted on this client. */
  async subscribe(...names: DomainEventName[]): Promise<void> {
    for (const name of names) {
      if (this.subscribed.has(name)) continue;
      this.subscribed.add(name);
      // While reconnecting, the next connection registers everything in `subscribed`;
      // registering here as well would deliver each event twice.
      if (this.session.state !== 'ready') continue;
      try {
        this.callbackIds.set(name, await host.registerDomainEvent(this.session, DOMAIN_EVENT_IDS[name]));
      } catch (err) {
        // Lost with the connection: the reconnect registers it.
        if (isStratoError(err, 'UNAVAILABLE')) continue;
        this.subscribed.delete(name);
        throw err;
      }
    }
  }

  /** Stops delivery of these domain events (listeners stay attached but hear nothing). */
  async unsubscribe(...names: DomainEventName[]): Promise<void> {
    for (const name of names) {
      this.subscribed.delete(name);
      const id = this.callbackIds.get(name);
      this.callbackIds.delete(name);
      if (id !== undefined && this.session.state === 'ready') await host.deregisterDomainEvent(this.session, id);
    }
  }

  // ---- host ----

  getCapabilities(): Promise<string> {
    return host.getCapabilities(this.session);
  }

  getNodeInfo(): Promise<host.NodeInfo> {
    return host.getNodeInfo(this.session);
  }

  // ---- domains ----

  /** Every domain (or those matching ListDomainsFlags) with its state, in one round trip. */
  async listDomains(flags = 0): Promise<DomainSummary[]> {
    const all = await dom.getAllDomainStats(this.session, [], StatsGroups.STATE, flags);
    return all.map(({ domain, stats }) => {
      const stateCode = Number(stats['state.state'] ?? 0);
      const info = dom.stateInfo(stateCode, Number(stats['state.reason'] ?? 0));
      return { ...domain, ...info };
    });
  }

  /** Domain references only (connectListAllDomains). */
  listDomainRefs(flags = ListDomainsFlags.ACTIVE | ListDomainsFlags.INACTIVE): Promise<DomainRef[]> {
    return dom.listAll(this.session, flags);
  }

  lookupDomain(nameOrUuid: string): Promise<DomainRef> {
    return UUID_RE.test(nameOrUuid)
      ? dom.lookupByUuid(this.session, nameOrUuid)
      : dom.lookupByName(this.session, nameOrUuid);
  }

  defineDomain(xml: string, flags = 0): Promise<DomainRef> {
    return dom.defineXml(this.session, xml, flags);
  }

  async startDomain(d: DomainLike, flags = 0): Promise<DomainRef> {
    return dom.create(this.session, await this.ref(d), flags);
  }

  /** Asks the guest to shut down; returns at once. Default: the ACPI power button. */
  async shutdownDomain(d: DomainLike, flags: number = ShutdownFlags.ACPI_POWER_BTN): Promise<void> {
    return dom.shutdown(this.session, await this.ref(d), flags);
  }

  async rebootDomain(d: DomainLike, flags: number = ShutdownFlags.ACPI_POWER_BTN): Promise<void> {
    return dom.reboot(this.session, await this.ref(d), flags);
  }

  /** Hard reset, like pressing the reset button. */
  async resetDomain(d: DomainLike): Promise<void> {
    return dom.reset(this.session, await this.ref(d));
  }

  async destroyDomain(d: DomainLike, flags = 0, timeoutMs?: number): Promise<void> {
    return dom.destroy(this.session, await this.ref(d), flags, { timeoutMs });
  }

  async undefineDomain(d: DomainLike, flags = 0): Promise<void> {
    return dom.undefine(this.session, await this.ref(d), flags);
  }

  async suspendDomain(d: DomainLike): Promise<void> {
    return dom.suspend(this.session, await this.ref(d));
  }

  async resumeDomain(d: DomainLike): Promise<void> {
    return dom.resume(this.session, await this.ref(d));
  }

  async managedSave(d: DomainLike, flags = 0, timeoutMs?: number): Promise<void> {
    return dom.managedSave(this.session, await this.ref(d), flags, { timeoutMs });
  }

  async hasManagedSaveImage(d: DomainLike): Promise<boolean> {
    return dom.hasManagedSaveImage(this.session, await this.ref(d));
  }

  async managedSaveRemove(d: DomainLike): Promise<void> {
    return dom.managedSaveRemove(this.session, await this.ref(d));
  }

  async getDomainState(d: DomainLike): Promise<dom.DomainStateInfo> {
    return dom.getState(this.session, await this.ref(d));
  }

  async getDomainXml(d: DomainLike, flags = 0): Promise<string> {
    return dom.getXml(this.session, await this.ref(d), flags);
  }

  /** flags: AffectFlags.LIVE and/or CONFIG (CURRENT = 0 follows the domain's state). */
  async attachDevice(d: DomainLike, xml: string, flags: number, timeoutMs?: number): Promise<void> {
    return dom.attachDevice(this.session, await this.ref(d), xml, flags, { timeoutMs });
  }

  /** Returns once the request is sent to the guest; the `device-removed` event confirms removal. */
  async detachDevice(d: DomainLike, xml: string, flags: number, timeoutMs?: number): Promise<void> {
    return dom.detachDevice(this.session, await this.ref(d), xml, flags, { timeoutMs });
  }

  /** `disk` is a target (vdb) or a source path; size in bytes by default. */
  async blockResize(
    d: DomainLike,
    disk: string,
    size: bigint | number,
    flags: number = BlockResizeFlags.BYTES,
  ): Promise<void> {
    return dom.blockResize(this.session, await this.ref(d), disk, BigInt(size), flags);
  }

  /** virDomainGetBlockInfo of a disk (target like `vdc`, or a source path). */
  async getBlockInfo(d: DomainLike, disk: string): Promise<dom.BlockInfo> {
    return dom.getBlockInfo(this.session, await this.ref(d), disk);
  }

  /**
   * Sets (or with `xml` null removes) the domain's metadata element in namespace `uri`,
   * written with prefix `key`; flags: AffectFlags.LIVE and/or CONFIG.
   */
  async setDomainMetadata(d: DomainLike, xml: string | null, key: string, uri: string, flags: number): Promise<void> {
    return dom.setMetadata(this.session, await this.ref(d), MetadataType.ELEMENT, xml, key, uri, flags);
  }

  /** connectGetAllDomainStats, each domain's typed params decoded into a plain object. */
  getAllDomainStats(q: StatsQuery = {}): Promise<dom.DomainStats[]> {
    return dom.getAllDomainStats(this.session, q.domains ?? [], q.groups ?? 0, q.flags ?? 0, {
      timeoutMs: q.timeoutMs,
    });
  }

  // ---- migration ----

  /**
   * Peer-to-peer migration to `dconnuri` (this libvirtd dials it); resolves when the
   * migration has ended. `timeoutMs` bounds the whole call: pass one as long as a
   * migration may take.
   */
  async migratePeerToPeer(
    d: DomainLike,
    dconnuri: string,
    params: readonly TypedParam[],
    flags: number,
    timeoutMs: number,
  ): Promise<void> {
    return migration.migratePerform3Params(this.session, await this.ref(d), dconnuri, params, flags, { timeoutMs });
  }

  /** The domain's current job (or, with JobStatsFlags.COMPLETED, its last finished one). */
  async getJobStats(d: DomainLike, flags = 0): Promise<migration.JobStats> {
    return migration.getJobStats(this.session, await this.ref(d), flags);
  }

  async abortJob(d: DomainLike): Promise<void> {
    return migration.abortJob(this.session, await this.ref(d));
  }

  // ---- secrets ----

  defineSecret(xml: string): Promise<SecretRef> {
    return secret.defineXml(this.session, xml);
  }

  async setSecretValue(s: SecretRef | string, value: Uint8Array | string): Promise<void> {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    return secret.setValue(this.session, await this.secretRef(s), bytes);
  }

  async getSecretValue(s: SecretRef | string): Promise<Buffer> {
    return secret.getValue(this.session, await this.secretRef(s));
  }

  async getSecretXml(s: SecretRef | string): Promise<string> {
    return secret.getXml(this.session, await this.secretRef(s));
  }

  /** Every secret libvirtd holds (uuid and usage; values stay with libvirtd). */
  listSecrets(): Promise<SecretRef[]> {
    return secret.listAll(this.session);
  }

  lookupSecretByUuid(uuid: string): Promise<SecretRef> {
    return secret.lookupByUuid(this.session, uuid);
  }

  /** usageType: SecretUsageType.*; usageId: e.g. the iSCSI target or volume path. */
  lookupSecretByUsage(usageType: number, usageId: string): Promise<SecretRef> {
    return secret.lookupByUsage(this.session, usageType, usageId);
  }

  async undefineSecret(s: SecretRef | string): Promise<void> {
    return secret.undefine(this.session, await this.secretRef(s));
  }

  /**
   * The domain's serial console as a byte stream (virDomainOpenConsole). Default
   * flags take it over from a session that holds it (ConsoleFlags.FORCE). Errors:
   * NOT_FOUND (no domain), FAILED_PRECONDITION (not running; held, without FORCE).
   */
  async openConsole(d: DomainLike, flags: number = ConsoleFlags.FORCE, timeoutMs = 30_000): Promise<LibvirtStream> {
    const ref = await this.ref(d);
    const conn = await this.session.connection();
    return LibvirtStream.open(conn, Proc.DOMAIN_OPEN_CONSOLE, openConsoleArgs(ref, null, flags), {
      endOnHangup: true,
      name: 'domainOpenConsole',
      timeoutMs,
    });
  }

  // ---- internals ----

  private ref(d: DomainLike): Promise<DomainRef> {
    return typeof d === 'string' ? this.lookupDomain(d) : Promise.resolve(d);
  }

  private secretRef(s: SecretRef | string): Promise<SecretRef> {
    return typeof s === 'string' ? secret.lookupByUuid(this.session, s) : Promise.resolve(s);
  }

  private async registerEvents(c: Caller): Promise<void> {
    const ids = new Map<DomainEventName, number>();
    for (const name of DOMAIN_EVENT_NAMES) {
      if (this.subscribed.has(name)) ids.set(name, await host.registerDomainEvent(c, DOMAIN_EVENT_IDS[name]));
    }
    this.callbackIds = ids;
  }

  private routeEvent(proc: number, body: Buffer): void {
    const ev = decodeDomainEvent(proc, body);
    if (ev === null || !this.subscribed.has(ev.name)) return;
    // The union is exhaustive over DomainEventMap; TypeScript cannot pair name and payload here.
    (this.emit as (name: DomainEventName, payload: unknown) => boolean)(ev.name, ev.payload);
  }

  private onState(s: SessionState): void {
    if (s === 'ready') this.emit('connected');
    else if (s === 'connecting') this.emit('disconnected');
  }
}
