// The safety net behind attach and detach: every storage host is told, every
// `everyMs` and as soon as it registers again, exactly which exports the
// attachment records call for (AgentStorage.ReconcileExports). After an agent
// or tgtd restart the targets come back; strato targets and CHAP accounts no
// record calls for go (a detach or a failed attach that could not reach the
// storage host). An attachment whose server is not placed yet calls for nothing.
// A pass the host gave no answer to is asked again within seconds, a few times:
// the pass a re-registration starts can find the conductor's channel to the
// restarted agent still backing off, and the next periodic pass is a minute away.
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { VolumeAgents } from '../agents/volume-agent-api.ts';
import { listAll } from '../store/list-all.ts';
import type { Store } from '../store/store.ts';
import type { ExportLocks } from './export-locks.ts';
import { exportRequest, initiatorAddress } from './export-spec.ts';
import { callHost, type HostLookup } from './host-call.ts';
import { ATTACHMENTS } from './keys.ts';
import type { AttachmentRecord } from './model.ts';
import type { StorageHostSource } from './volume-scheduler.ts';

export interface ExportReconcilerOptions {
  store: Store;
  hosts: StorageHostSource & HostLookup;
  agents: VolumeAgents;
  everyMs: number;
  /** Shared with attach and detach (export-locks.ts). */
  locks: ExportLocks;
  log?: Logger;
}

/** How soon, and how many times in a row, a pass the host gave no answer to is asked again. */
const RETRY_MS = 1000;
const RETRIES = 10;

export class ExportReconciler {
  private readonly o: ExportReconcilerOptions;
  private readonly log: Logger;
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  /** Hosts with a pass running, and whether another was asked for meanwhile. */
  private readonly running = new Map<string, { again: boolean }>();
  /** Hosts whose last pass got no answer: how many retries in a row so far. */
  private readonly retries = new Map<string, number>();

  constructor(o: ExportReconcilerOptions) {
    this.o = o;
    this.log = (o.log ?? rootLog).child({ component: 'volume-exports' });
  }

  start(): void {
    this.timer = setInterval(() => void this.passAll(), this.o.everyMs);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
    this.abort.abort();
  }

  /** Reconciles one host now (or right after the pass that runs), without waiting for it. */
  soon(hostId: string): void {
    const r = this.running.get(hostId);
    if (r) {
      r.again = true;
      return;
    }
    void this.pass(hostId);
  }

  /** One pass over every storage host that is up. */
  async passAll(): Promise<void> {
    try {
      for (const h of await this.o.hosts.list()) {
        if (h.storage && this.o.hosts.state(h) === 'up') this.soon(h.id);
      }
    } catch (err) {
      this.log.warn({ err }, 'export reconcile could not list hosts');
    }
  }

  /** Reconciles `hostId` until no further pass was asked for; resolves when done. */
  async pass(hostId: string): Promise<void> {
    const state = { again: true };
    this.running.set(hostId, state);
    let answered = true;
    try {
      while (state.again && !this.abort.signal.aborted) {
        state.again = false;
        answered = await this.once(hostId);
      }
    } catch (err) {
      this.log.warn({ err, hostId }, 'export reconcile failed');
    } finally {
      this.running.delete(hostId);
    }
    if (answered) this.retries.delete(hostId);
    else this.retrySoon(hostId);
  }

  private retrySoon(hostId: string): void {
    const n = (this.retries.get(hostId) ?? 0) + 1;
    if (n > RETRIES || this.abort.signal.aborted) {
      this.retries.delete(hostId); // the periodic pass and the next registration remain
      return;
    }
    this.retries.set(hostId, n);
    setTimeout(() => {
      if (!this.abort.signal.aborted) this.soon(hostId);
    }, RETRY_MS).unref();
  }

  /** What the attachment records call for on `hostId`. */
  async desired(hostId: string) {
    const all = (await listAll<AttachmentRecord>(this.o.store, ATTACHMENTS)).entries.map((e) => e.value);
    const out = [];
    for (const a of all) {
      if (a.storageHost !== hostId || a.computeHost === '') continue;
      const compute = await this.o.hosts.get(a.computeHost);
      const address = compute ? initiatorAddress(compute) : undefined;
      if (typeof address !== 'string') {
        this.log.warn({ hostId, volumeId: a.volumeId, computeHost: a.computeHost }, 'export skipped: no host address');
        continue;
      }
      out.push(exportRequest(a, address, await this.incomingAddress(a)));
    }
    return out;
  }

  /** The address of a moving server's destination, when it has one the storage host can admit. */
  private async incomingAddress(a: AttachmentRecord): Promise<string | undefined> {
    if (!a.incomingHost) return undefined;
    const h = await this.o.hosts.get(a.incomingHost);
    const address = h ? initiatorAddress(h) : undefined;
    return typeof address === 'string' ? address : undefined;
  }

  /** One pass; false when the host gave no answer (to be asked again). */
  private async once(hostId: string): Promise<boolean> {
    const { exports, r } = await this.o.locks.run(hostId, async () => {
      const exports = await this.desired(hostId);
      const r = await callHost(this.o.hosts, hostId, this.abort.signal, (h) =>
        this.o.agents.storage(h).reconcileExports(exports, { signal: this.abort.signal }),
      );
      return { exports, r };
    });
    if (!r.ok) {
      this.log.warn({ hostId, code: r.error.code, reason: r.error.reason }, 'export reconcile not applied');
      return !r.noAnswer;
    }
    const { steps, missingVolumeIds } = r.value;
    if (steps > 0 || missingVolumeIds.length > 0) {
      this.log.info({ hostId, exports: exports.length, steps, missing: missingVolumeIds }, 'exports reconciled');
    }
    return true;
  }
}
