// EvacuateHost: checks that the host may be evacuated (evacuate-plan.ts), then
// starts one evacuate workflow per server placed there (evacuate-steps.ts), each
// written with its server event in one transaction and kicked. Nothing is
// written when the host may not be evacuated.
import type { Logger } from '../../common/log.ts';
import { log as rootLog } from '../../common/log.ts';
import type { HostRecord } from '../hosts/host-record.ts';
import type { HostState } from '../hosts/host-state.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { iterateAll } from '../store/list-all.ts';
import type { Store } from '../store/store.ts';
import { decideServer, evacuateRefusal, startEvacuation } from './evacuate-plan.ts';
import { newEventKey, startedEvent } from './events.ts';
import { INSTANCES, type InstanceRecord, instanceKey } from './instance-record.ts';
import { newWorkflow } from './workflow.ts';

/** What the evacuator needs of the host registry (hosts/host-registry.ts). */
export interface EvacuationHosts {
  /** Errors: INVALID_ARGUMENT HOST_REF_INVALID, NOT_FOUND HOST_NOT_FOUND (naming `field`). */
  require(ref: unknown, field?: string): Promise<HostRecord>;
  state(h: HostRecord): HostState;
}

export interface ServerEvacuation {
  serverId: string;
  serverName: string;
  projectId: string;
  action: 'evacuating' | 'skipped';
  reason: string;
  targetVmState: '' | 'ACTIVE' | 'SHUTOFF';
}

export interface HostEvacuatorOptions {
  store: Store;
  hosts: EvacuationHosts;
  /** Drives a server's workflow (WorkflowDriver.kick). */
  kick: (instanceId: string) => void;
  clock?: () => number;
  log?: Logger;
}

export class HostEvacuator {
  private readonly o: HostEvacuatorOptions;
  private readonly clock: () => number;
  private readonly log: Logger;

  constructor(o: HostEvacuatorOptions) {
    this.o = o;
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'evacuate' });
  }

  /** Starts the evacuation of every server of `hostRef`; see strato.host.v1.Hosts.EvacuateHost. */
  async evacuate(
    hostRef: unknown,
    targetRef: string,
    who: { requestId: string; userId: string },
  ): Promise<{ host: string; servers: ServerEvacuation[] }> {
    const host = await this.o.hosts.require(hostRef, 'host');
    const target = targetRef === '' ? undefined : await this.o.hosts.require(targetRef, 'target_host');
    const facts = (h: HostRecord) => ({ id: h.id, state: this.o.hosts.state(h), enabled: h.enabled });
    const refusal = evacuateRefusal(facts(host), target && facts(target));
    if (refusal) throw refusal;
    const out: ServerEvacuation[] = [];
    for await (const e of iterateAll<InstanceRecord>(this.o.store, INSTANCES, 1000)) {
      const r = e.value;
      if (r.host !== host.id && r.workflow?.evacuateFrom !== host.id) continue;
      out.push(await this.one(r.id, host.id, target?.id, who));
    }
    this.log.info(
      {
        hostId: host.id,
        requestId: who.requestId,
        evacuating: out.filter((s) => s.action === 'evacuating').length,
        skipped: out.filter((s) => s.action === 'skipped').length,
      },
      'host evacuation started',
    );
    return { host: host.id, servers: out };
  }

  /** Decides on one server against its latest record and starts its workflow (retried on a race). */
  private async one(
    id: string,
    hostId: string,
    targetId: string | undefined,
    who: { requestId: string; userId: string },
  ): Promise<ServerEvacuation> {
    for (;;) {
      const entry = await getOrUndefined<InstanceRecord>(this.o.store, instanceKey(id));
      const r = entry?.value;
      const base = { serverId: id, serverName: r?.name ?? '', projectId: r?.projectId ?? '' };
      if (!entry || !r) return { ...base, action: 'skipped', reason: 'it was deleted', targetVmState: '' };
      const d = decideServer(r, hostId);
      if (d.action === 'skipped') return { ...base, action: 'skipped', reason: d.reason, targetVmState: '' };
      const result: ServerEvacuation = { ...base, action: 'evacuating', reason: '', targetVmState: d.targetVmState };
      if (!d.start) return result;
      const nowMs = this.clock();
      const nowIso = new Date(nowMs).toISOString();
      const eventKey = newEventKey(id, nowMs);
      const wf = newWorkflow('evacuate', 'evacuate-revoke', who.requestId, eventKey, {
        startedAtMs: nowMs,
        ...(targetId ? { forceHost: targetId } : {}),
      });
      const next = startEvacuation(r, wf, d.targetVmState, nowIso);
      const event = startedEvent(
        'evacuate',
        { requestId: who.requestId, userId: who.userId, projectId: r.projectId },
        nowIso,
      );
      const res = await this.o.store.txn(
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }],
        [
          { kind: 'put', key: entry.key, value: next },
          { kind: 'create', key: eventKey, value: event },
        ],
      );
      if (!res.succeeded) continue;
      this.log.info({ instanceId: id, hostId, requestId: who.requestId }, 'server evacuation accepted');
      this.o.kick(id);
      return result;
    }
  }
}
