// Host evacuation, the pure part: whether a host may be evacuated (Nova's
// `nova evacuate`: the host must be down, and the operator must confirm it is
// fenced — here by disabling it, which also keeps the scheduler away when it
// returns), what happens to each of its servers, and the record a server
// starts its evacuate workflow with. Table-tested in test/unit/compute.
import { failedPrecondition, invalidArgument, type StratoError } from '../../common/errors.ts';
import type { InstanceRecord, Workflow } from './instance-record.ts';
import type { VmState } from './state-machine.ts';

export interface HostFacts {
  id: string;
  state: 'up' | 'down';
  enabled: boolean;
}

/**
 * Null when `host` may be evacuated (to `target`, when one is forced), else the
 * error to answer: FAILED_PRECONDITION HOST_NOT_DOWN / HOST_NOT_DISABLED /
 * TARGET_HOST_UNAVAILABLE, INVALID_ARGUMENT TARGET_HOST_SAME.
 */
export function evacuateRefusal(host: HostFacts, target?: HostFacts): StratoError | null {
  if (host.state !== 'down') {
    return failedPrecondition(
      'HOST_NOT_DOWN',
      `host ${host.id} is ${host.state}: only a host that stopped heartbeating (and is fenced) can be evacuated`,
      { details: { host: host.id, state: host.state } },
    );
  }
  if (host.enabled) {
    return failedPrecondition(
      'HOST_NOT_DISABLED',
      `host ${host.id} is down but still enabled: fence it (power it off, cut it from network and storage), ` +
        `then disable it (strato host disable ${host.id}) to confirm, and evacuate again`,
      { details: { host: host.id } },
    );
  }
  if (target) {
    if (target.id === host.id) {
      return invalidArgument('TARGET_HOST_SAME', 'target_host must be another host than the evacuated one', {
        details: { field: 'target_host' },
      });
    }
    if (target.state !== 'up' || !target.enabled) {
      return failedPrecondition(
        'TARGET_HOST_UNAVAILABLE',
        `target host ${target.id} is ${target.state}${target.enabled ? '' : ' and disabled'}: it cannot take servers`,
        { details: { field: 'target_host', host: target.id } },
      );
    }
  }
  return null;
}

/** vm_states a server is evacuated from; where it lands (Nova: stopped stays stopped, the rest runs). */
const TARGET_STATE: Partial<Record<VmState, 'ACTIVE' | 'SHUTOFF'>> = {
  ACTIVE: 'ACTIVE',
  PAUSED: 'ACTIVE',
  SUSPENDED: 'ACTIVE',
  ERROR: 'ACTIVE',
  SHUTOFF: 'SHUTOFF',
};

export type ServerDecision =
  | { action: 'evacuating'; targetVmState: 'ACTIVE' | 'SHUTOFF'; start: boolean }
  | { action: 'skipped'; reason: string };

/**
 * What evacuating `hostId` does with one server placed there: start its
 * evacuation (start: false when one already runs: the call is idempotent), or
 * skip it with the reason.
 */
export function decideServer(rec: InstanceRecord, hostId: string): ServerDecision {
  const wf = rec.workflow;
  if (wf?.kind === 'evacuate' && wf.evacuateFrom === hostId) {
    return { action: 'evacuating', targetVmState: wf.targetVmState ?? 'ACTIVE', start: false };
  }
  if (rec.host !== hostId) return { action: 'skipped', reason: `it is on host ${rec.host || '(none)'}` };
  if (wf || rec.taskState !== '') {
    return {
      action: 'skipped',
      reason: `it is busy (task ${rec.taskState || wf?.kind}); evacuate again once that ends`,
    };
  }
  const target = TARGET_STATE[rec.vmState];
  if (!target) return { action: 'skipped', reason: `vm_state ${rec.vmState} cannot be evacuated` };
  return { action: 'evacuating', targetVmState: target, start: true };
}

/** The record a server's evacuation starts from: the workflow, and the dead host marked as holding a stale copy. */
export function startEvacuation(
  rec: InstanceRecord,
  wf: Workflow,
  targetVmState: 'ACTIVE' | 'SHUTOFF',
  nowIso: string,
): InstanceRecord {
  const staleOn = [...new Set([...(rec.staleOn ?? []), rec.host])];
  return {
    ...rec,
    taskState: 'evacuating',
    staleOn,
    updatedAt: nowIso,
    workflow: { ...wf, kind: 'evacuate', step: 'evacuate-revoke', evacuateFrom: rec.host, targetVmState },
  };
}
