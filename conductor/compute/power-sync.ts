// What a host's report of one instance changes in the conductor's record. Pure.
// Power state follows the host (the host owns actual state), but only for an
// instance at rest: while a workflow runs, its own result decides; a report
// observed before the last settled change is stale (a heartbeat assembled before
// a stop finished must not flip the server back to ACTIVE).
import type { Fault, InstanceRecord } from './instance-record.ts';
import { powerStateFromHost, RESTING, vmStateForPower } from './state-machine.ts';

export interface HostReport {
  instanceId: string;
  /** running | shutdown | paused | suspended | crashed | nostate | absent */
  powerState: string;
  event: string;
  /** When the host saw it (conductor receipt time when the agent gave none). */
  observedAtMs: number;
}

export interface ReportOutcome {
  record: InstanceRecord;
  /** A one-line description for the server's event list. */
  change: string;
}

export function planReport(
  rec: InstanceRecord,
  hostId: string,
  report: HostReport,
  nowIso: string,
): ReportOutcome | undefined {
  if (rec.host !== hostId || rec.workflow !== undefined || rec.taskState !== '') return undefined;
  if (report.observedAtMs < rec.settledAtMs) return undefined;
  if (report.powerState === 'absent') {
    if (!RESTING.includes(rec.vmState)) return undefined;
    const fault: Fault = {
      code: 'NOT_FOUND',
      reason: 'INSTANCE_MISSING_ON_HOST',
      message: `host ${hostId} reports no domain for this server (it was ${rec.vmState})`,
      at: nowIso,
    };
    return {
      record: { ...rec, vmState: 'ERROR', powerState: 'NOSTATE', fault, updatedAt: nowIso },
      change: `${rec.vmState} -> ERROR: missing on host ${hostId}`,
    };
  }
  // ERROR keeps its vm_state (an operator or a hard reboot clears it) but shows the power state.
  if (!RESTING.includes(rec.vmState) && rec.vmState !== 'ERROR') return undefined;
  const power = powerStateFromHost(report.powerState);
  const vm = RESTING.includes(rec.vmState) ? (vmStateForPower(power) ?? rec.vmState) : rec.vmState;
  if (power === rec.powerState && vm === rec.vmState) return undefined;
  const why = report.event ? ` (${report.event})` : '';
  return {
    record: { ...rec, vmState: vm, powerState: power, updatedAt: nowIso },
    change: `${rec.vmState}/${rec.powerState} -> ${vm}/${power}${why}`,
  };
}

/** The agent's RFC 3339 time, or `fallbackMs` when absent or unreadable. */
export function observedAt(value: string, fallbackMs: number): number {
  if (!value) return fallbackMs;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : fallbackMs;
}
