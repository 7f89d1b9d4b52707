// The agent's side of the registry protocol: register on start (retrying until a
// conductor answers), heartbeat at the interval the conductor asks for with the
// actual state of every instance (the periodic safety net), re-register when the
// conductor has forgotten us, and push each instance change at once. A host
// with the storage role also reports its backend and capacity with each. Each
// register and heartbeat also says how the host is (degraded reasons, orphan
// counts); while the instances cannot be listed (libvirt unreachable) the
// heartbeat still goes, marked instances_unknown, so the conductor shows why
// rather than only that it is silent.
import { isStratoError } from '../../common/errors.ts';
import type { Capacity } from '../../common/gen/strato/host/v1/Capacity.ts';
import type { InstanceReport } from '../../common/gen/strato/host/v1/InstanceReport.ts';
import type { Orphans } from '../../common/gen/strato/host/v1/Orphans.ts';
import type { StorageReport } from '../../common/gen/strato/host/v1/StorageReport.ts';
import type { Logger } from '../../common/log.ts';
import type { InstanceChange, InstanceManager } from '../compute/instance-manager.ts';
import type { ConductorLink } from './conductor-link.ts';

export interface RegistrarOptions {
  link: ConductorLink;
  hostId: string;
  /** host:port the conductor dials to reach this agent. */
  address: string;
  virtType: string;
  agentVersion: string;
  /** This host's VXLAN underlay address (empty: none). */
  underlayIp?: string;
  capacity: () => Promise<Capacity>;
  /** This host's roles (compute, storage). @default none named: the conductor reads compute */
  roles?: readonly string[];
  /** With the storage role: the backend and capacity, read for every register and heartbeat. */
  storage?: () => Promise<StorageReport>;
  manager: InstanceManager;
  log: Logger;
  /** Called with the conductor's expected instance ids after every register and heartbeat. */
  onExpected?: (ids: readonly string[], source: 'register' | 'heartbeat') => void;
  /**
   * Called at the end of every turn of the loop, whether the conductor answered or not
   * (the systemd watchdog's proof that the loop turns: common/systemd/liveness.ts).
   */
  onTurn?: (answered: boolean) => void;
  /**
   * After every register and heartbeat the conductor answered: renew the
   * certificate when `asked` (renew_certificate) or due (certificate-renewal.ts).
   * A failure is logged and tried again at the next turn. @default none
   */
  renewCertificate?: (asked: boolean) => Promise<void>;
  /** When this agent started (RFC 3339), sent with Register. @default none */
  startedAt?: string;
  /** How the host is now, read before every register and heartbeat. @default healthy, instances listable */
  selfReport?: () => SelfReport;
  /** @default 10 (used until the conductor says otherwise) */
  defaultHeartbeatS?: number;
  /** Register retry backoff. @default 500 / 10000 */
  retryInitialMs?: number;
  retryMaxMs?: number;
}

export interface SelfReport {
  /** Short phrases, e.g. "libvirt unreachable"; empty when healthy. */
  degradedReasons: string[];
  /** False while the instances cannot be listed (the hypervisor is unreachable). */
  instancesKnown: boolean;
  orphans?: Orphans;
}

const HEALTHY: SelfReport = { degradedReasons: [], instancesKnown: true };

export class Registrar {
  private readonly o: RegistrarOptions;
  private readonly log: Logger;
  private readonly stopper = new AbortController();
  private wake: (() => void) | undefined;
  private intervalMs: number;
  private registered = false;
  private loop: Promise<void> | undefined;
  private readonly onChange = (ch: InstanceChange): void => void this.report(ch);

  constructor(options: RegistrarOptions) {
    this.o = options;
    this.log = options.log.child({ component: 'registrar' });
    this.intervalMs = (options.defaultHeartbeatS ?? 10) * 1000;
    options.manager.on('changed', this.onChange);
  }

  get isRegistered(): boolean {
    return this.registered;
  }

  /** The period between heartbeats, as the conductor last asked for it. */
  get heartbeatIntervalMs(): number {
    return this.intervalMs;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.o.manager.off('changed', this.onChange);
    this.stopper.abort();
    this.wake?.();
    await this.loop;
  }

  /** Sends a heartbeat now (e.g. after the hypervisor link came back). */
  heartbeatNow(): void {
    this.wake?.();
  }

  private async snapshot(): Promise<InstanceReport[]> {
    const now = new Date().toISOString();
    const list = await this.o.manager.list();
    return list.map((s) => ({ instanceId: s.instanceId, powerState: s.powerState, event: 'sync', observedAt: now }));
  }

  private async register(): Promise<void> {
    const self = this.o.selfReport?.() ?? HEALTHY;
    const res = await this.o.link.call(async (r) =>
      r.Register({
        startedAt: this.o.startedAt ?? '',
        degradedReasons: self.degradedReasons,
        orphans: self.orphans ?? {},
        hostId: this.o.hostId,
        address: this.o.address,
        capacity: await this.o.capacity(),
        virtType: this.o.virtType,
        agentVersion: this.o.agentVersion,
        instances: await this.snapshot(),
        underlayIp: this.o.underlayIp ?? '',
        roles: [...(this.o.roles ?? [])],
        ...(this.o.storage ? { storage: await this.o.storage() } : {}),
      }),
    );
    if (res.heartbeatIntervalS > 0) this.intervalMs = res.heartbeatIntervalS * 1000;
    this.registered = true;
    this.log.info(
      { conductor: this.o.link.endpoint, heartbeatS: this.intervalMs / 1000, expected: res.expectedInstanceIds.length },
      'registered with conductor',
    );
    this.o.onExpected?.(res.expectedInstanceIds, 'register');
    await this.renew(res.renewCertificate);
  }

  private async renew(asked: boolean): Promise<void> {
    try {
      await this.o.renewCertificate?.(asked);
    } catch (err) {
      this.log.warn({ err, asked }, 'certificate renewal failed');
    }
  }

  private async heartbeat(): Promise<void> {
    const self = this.o.selfReport?.() ?? HEALTHY;
    let instances: InstanceReport[] = [];
    let instancesUnknown = !self.instancesKnown;
    let degradedReasons = self.degradedReasons;
    if (!instancesUnknown) {
      try {
        instances = await this.snapshot();
      } catch (err) {
        // Still tell the conductor we live and why we cannot report; it keeps the instances as they are.
        instancesUnknown = true;
        const code = isStratoError(err) ? err.code : 'UNKNOWN';
        if (degradedReasons.length === 0) degradedReasons = [`instances cannot be listed (${code})`];
        this.log.warn({ err }, 'instance list failed; heartbeat without instances');
      }
    }
    const storage = await this.storageNow();
    const res = await this.o.link.call((r) =>
      r.Heartbeat({
        hostId: this.o.hostId,
        instances,
        instancesUnknown,
        degradedReasons,
        orphans: self.orphans ?? {},
        ...(storage ? { storage } : {}),
      }),
    );
    this.o.onExpected?.(res.expectedInstanceIds, 'heartbeat');
    await this.renew(res.renewCertificate);
  }

  /** A heartbeat still goes out when the backend cannot be read now (the last report stands). */
  private async storageNow(): Promise<StorageReport | undefined> {
    if (!this.o.storage) return undefined;
    try {
      return await this.o.storage();
    } catch (err) {
      this.log.warn({ err }, 'storage capacity unreadable; heartbeat without it');
      return undefined;
    }
  }

  private async run(): Promise<void> {
    const signal = this.stopper.signal;
    let backoff = this.o.retryInitialMs ?? 500;
    while (!signal.aborted) {
      try {
        if (!this.registered) await this.register();
        else await this.heartbeat();
        backoff = this.o.retryInitialMs ?? 500;
        this.o.onTurn?.(true);
        await this.sleep(this.intervalMs);
      } catch (err) {
        if (signal.aborted) return;
        if (this.registered && isStratoError(err, 'NOT_FOUND')) {
          this.log.warn('conductor does not know this host; registering again');
          this.registered = false;
          continue;
        }
        this.o.onTurn?.(false);
        this.log.warn({ err, retryMs: backoff, registered: this.registered }, 'conductor call failed');
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, this.o.retryMaxMs ?? 10_000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** Best effort: a report lost here is repaired by the next heartbeat. */
  private async report(ch: InstanceChange): Promise<void> {
    if (!this.registered || this.stopper.signal.aborted) return;
    try {
      await this.o.link.call((r) =>
        r.ReportInstance({
          hostId: this.o.hostId,
          instance: {
            instanceId: ch.instanceId,
            powerState: ch.powerState,
            event: ch.event,
            observedAt: ch.observedAt,
          },
        }),
      );
    } catch (err) {
      this.log.warn({ instanceId: ch.instanceId, powerState: ch.powerState, err }, 'instance report failed');
    }
  }
}
