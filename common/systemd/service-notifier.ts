// What a strato daemon tells systemd (Type=notify, WatchdogSec=): READY=1 once it
// serves, a STATUS= line kept current (the daemon's own words: "serving, 3 hosts up",
// "degraded: libvirt unreachable, reconnecting"), WATCHDOG=1 at half of WATCHDOG_USEC
// while the event loop and every registered loop are alive (liveness.ts), and
// STOPPING=1 when it starts draining. Outside systemd (no NOTIFY_SOCKET) it does
// nothing at all — no status pass, no timer — so the daemons wire it unconditionally.
import type { Logger } from '../log.ts';
import type { Liveness } from './liveness.ts';
import { type NotifySink, openNotifySink } from './notify-socket.ts';

export interface ServiceNotifierOptions {
  log: Logger;
  liveness: Liveness;
  /** The daemon's status line, asked for every `statusIntervalMs`; a rejection is reported as such. */
  status: () => Promise<string> | string;
  /** @default 10000 */
  statusIntervalMs?: number;
  /** @default process.env (NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID are removed from it) */
  env?: NodeJS.ProcessEnv;
  /** @default the sink for the environment's NOTIFY_SOCKET */
  sink?: NotifySink;
}

/**
 * Half of WATCHDOG_USEC in ms (what sd_watchdog_enabled(3) recommends), when the
 * watchdog is meant for this process (WATCHDOG_PID unset or ours); else undefined.
 */
export function watchdogIntervalMs(env: NodeJS.ProcessEnv, pid: number = process.pid): number | undefined {
  const usec = Number(env.WATCHDOG_USEC);
  if (!Number.isSafeInteger(usec) || usec <= 0) return undefined;
  if (env.WATCHDOG_PID !== undefined && env.WATCHDOG_PID !== '' && Number(env.WATCHDOG_PID) !== pid) return undefined;
  return Math.max(1, Math.floor(usec / 2000));
}

export class ServiceNotifier {
  private readonly o: ServiceNotifierOptions;
  private readonly log: Logger;
  private readonly sink: NotifySink;
  private readonly watchdogMs: number | undefined;
  private timers: NodeJS.Timeout[] = [];
  private lastStatus = '';
  private lastStale = '';
  private stopped = false;

  constructor(options: ServiceNotifierOptions) {
    this.o = options;
    this.log = options.log.child({ component: 'systemd-notify' });
    const env = options.env ?? process.env;
    this.watchdogMs = watchdogIntervalMs(env);
    delete env.WATCHDOG_USEC;
    delete env.WATCHDOG_PID;
    this.sink = options.sink ?? openNotifySink(env, this.log);
  }

  /** The last status line sent. */
  get status(): string {
    return this.lastStatus;
  }

  /** READY=1 with the first status; then keeps the status current and feeds the watchdog. */
  async ready(): Promise<void> {
    if (!this.sink.enabled) return;
    const status = await this.currentStatus();
    this.lastStatus = status;
    await this.sink.send({ READY: 1, STATUS: status });
    this.log.info({ status, watchdogMs: this.watchdogMs ?? 0, notify: this.sink.enabled }, 'service ready');
    const statusLoop = this.o.liveness.register('status', Math.max(60_000, 3 * this.statusEveryMs()));
    this.every(this.statusEveryMs(), async () => {
      await this.refreshStatus();
      statusLoop.beat();
    });
    if (this.watchdogMs !== undefined) this.every(this.watchdogMs, () => this.feedWatchdog());
  }

  /** Sends a status line now (it is also refreshed periodically). */
  async refreshStatus(): Promise<void> {
    if (this.stopped || !this.sink.enabled) return;
    const status = await this.currentStatus();
    if (status === this.lastStatus || this.stopped) return;
    this.lastStatus = status;
    this.log.info({ status }, 'service status');
    await this.sink.send({ STATUS: status });
  }

  /** STOPPING=1: from here on the daemon drains; the periodic status and watchdog stop. */
  async stopping(status = 'stopping: draining calls'): Promise<void> {
    this.clearTimers();
    this.stopped = true;
    this.lastStatus = status;
    await this.sink.send({ STOPPING: 1, STATUS: status });
  }

  close(): void {
    this.clearTimers();
    this.stopped = true;
    this.sink.close();
  }

  private statusEveryMs(): number {
    return this.o.statusIntervalMs ?? 10_000;
  }

  private async currentStatus(): Promise<string> {
    try {
      return await this.o.status();
    } catch (err) {
      return `degraded: status unknown (${(err as Error).message})`;
    }
  }

  private async feedWatchdog(): Promise<void> {
    const stale = this.o.liveness.stale();
    const key = stale.join(',');
    if (key !== this.lastStale) {
      this.lastStale = key;
      if (stale.length > 0) {
        // Withholding the ping is the point: systemd restarts a daemon whose loops are stuck.
        this.log.error({ stale }, 'watchdog withheld: loops stopped turning');
        this.lastStatus = `stuck: ${key} stopped turning; the watchdog will restart the daemon`;
        await this.sink.send({ STATUS: this.lastStatus });
      } else {
        this.log.info('loops turning again; watchdog resumed');
      }
    }
    if (stale.length === 0) await this.sink.send({ WATCHDOG: 1 });
  }

  private every(ms: number, fn: () => Promise<void>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return; // a slow status must not pile up calls
      busy = true;
      fn()
        .catch((err: unknown) => this.log.warn({ err }, 'systemd notification failed'))
        .finally(() => {
          busy = false;
        });
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private clearTimers(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }
}
