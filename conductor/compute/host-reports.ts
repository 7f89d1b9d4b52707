// Applies what a host reports about its instances: pushed one at a time
// (ReportInstance, on libvirt events) and as a full list with every heartbeat,
// the safety net that catches a lost event. Also answers which instances the
// conductor expects on the host, so a restarted agent knows what to keep.
//
// Absence is only judged from a full list, and only for an instance that has
// been at rest for two heartbeat intervals: a list assembled while a spawn was
// finishing must not turn a fresh server into ERROR.
import type { InstanceReport__Output } from '../../common/gen/strato/host/v1/InstanceReport.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import { isUuid } from '../naming/names.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { iterateAll } from '../store/list-all.ts';
import type { Store } from '../store/store.ts';
import { newEventKey, type ServerEventRecord } from './events.ts';
import { INSTANCES, type InstanceRecord, instanceKey } from './instance-record.ts';
import { type HostReport, observedAt, planReport } from './power-sync.ts';

export interface HostReportsOptions {
  store: Store;
  heartbeatIntervalMs: number;
  /** Hears of instances a full list reports that are not expected on the host (evacuate-stale.ts). */
  onUnexpected?: (hostId: string, instanceIds: string[]) => void;
  clock?: () => number;
  log?: Logger;
}

export class HostReports {
  private readonly store: Store;
  private readonly graceMs: number;
  private readonly clock: () => number;
  private readonly log: Logger;
  private readonly onUnexpected: HostReportsOptions['onUnexpected'];

  constructor(o: HostReportsOptions) {
    this.onUnexpected = o.onUnexpected;
    this.store = o.store;
    this.graceMs = 2 * o.heartbeatIntervalMs;
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'host-reports' });
  }

  /**
   * Instances that should exist on the host: placed there and not being deleted.
   * (A scan of all instances: fine at hundreds per conductor; an index by host
   * is the next step when it is not.)
   */
  async expectedOn(hostId: string): Promise<InstanceRecord[]> {
    const out: InstanceRecord[] = [];
    for await (const e of iterateAll<InstanceRecord>(this.store, INSTANCES, 1000)) {
      const r = e.value;
      // A moving (or resized, unconfirmed) server is expected on both of its hosts: an agent
      // restarted mid-move must keep the incoming domain, and the source's copy until confirmed.
      const moving = r.move !== undefined && (r.move.sourceHost === hostId || r.move.destHost === hostId);
      if ((r.host === hostId || moving) && r.workflow?.kind !== 'delete') out.push(r);
    }
    return out;
  }

  /** Instances placed on the host that have an unfinished workflow (to kick when it comes back). */
  async busyOn(hostId: string): Promise<string[]> {
    const out: string[] = [];
    for await (const e of iterateAll<InstanceRecord>(this.store, INSTANCES, 1000)) {
      const m = e.value.move;
      const there = e.value.host === hostId || (m !== undefined && (m.sourceHost === hostId || m.destHost === hostId));
      if (there && e.value.workflow) out.push(e.value.id);
    }
    return out;
  }

  /** One pushed report. */
  async applyOne(hostId: string, report: InstanceReport__Output): Promise<void> {
    const now = this.clock();
    await this.applyReport(hostId, toReport(report, now));
  }

  /** A full list (Register, Heartbeat): returns the expected instance ids. */
  async applyFull(hostId: string, reports: InstanceReport__Output[]): Promise<string[]> {
    const now = this.clock();
    const expected = await this.expectedOn(hostId);
    const byId = new Map(expected.map((r) => [r.id, r]));
    const nowIso = new Date(now).toISOString();
    const seen = new Set<string>();
    for (const r of reports) {
      seen.add(r.instanceId);
      const report = toReport(r, now);
      const cached = byId.get(r.instanceId);
      // Most heartbeats change nothing: decide on the listed record, re-read only to write.
      if (cached && planReport(cached, hostId, report, nowIso)) await this.applyReport(hostId, report);
    }
    const unexpected = reports.filter((r) => r.powerState !== 'absent' && !byId.has(r.instanceId));
    if (unexpected.length > 0)
      this.onUnexpected?.(
        hostId,
        unexpected.map((r) => r.instanceId),
      );
    for (const rec of expected) {
      if (seen.has(rec.id) || now - rec.settledAtMs < this.graceMs) continue;
      await this.applyReport(hostId, { instanceId: rec.id, powerState: 'absent', event: '', observedAtMs: now });
    }
    return expected.map((r) => r.id);
  }

  /** Applies one report to the latest record, with a server event saying what the host saw, atomically. */
  private async applyReport(hostId: string, report: HostReport): Promise<void> {
    if (!isUuid(report.instanceId)) return;
    for (;;) {
      const entry = await getOrUndefined<InstanceRecord>(this.store, instanceKey(report.instanceId));
      if (!entry) return;
      const nowMs = this.clock();
      const nowIso = new Date(nowMs).toISOString();
      const out = planReport(entry.value, hostId, report, nowIso);
      if (!out) return;
      const event: ServerEventRecord = {
        action: `host: ${out.change}`,
        requestId: '',
        userId: '',
        projectId: entry.value.projectId,
        startedAt: nowIso,
        finishedAt: nowIso,
        result: out.record.vmState === 'ERROR' ? 'error' : 'success',
        error: out.record.vmState === 'ERROR' ? (out.record.fault?.message ?? '') : '',
      };
      const res = await this.store.txn(
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }],
        [
          { kind: 'put', key: entry.key, value: out.record },
          { kind: 'create', key: newEventKey(entry.value.id, nowMs), value: event },
        ],
      );
      if (res.succeeded) {
        this.log.info({ instanceId: report.instanceId, hostId, change: out.change }, 'instance state follows host');
        return;
      }
    }
  }
}

function toReport(r: InstanceReport__Output, nowMs: number): HostReport {
  return {
    instanceId: r.instanceId,
    powerState: r.powerState,
    event: r.event,
    observedAtMs: observedAt(r.observedAt, nowMs),
  };
}
