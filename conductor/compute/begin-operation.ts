// How every server operation starts (ComputeService's verbs): one transaction
// writes the record as the operation changes it, with a fresh workflow the
// driver carries out, and the operation's started event; an unfinished
// workflow it replaces gets its event closed as superseded. Retried on a
// conflicting write, so the change is always judged on the LATEST record.
import { notFound } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import type { Principal } from '../identity/model.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Compare, Op, Store } from '../store/store.ts';
import { newEventKey, type ServerEventRecord, startedEvent } from './events.ts';
import { type InstanceRecord, instanceKey, type Workflow, type WorkflowStep } from './instance-record.ts';
import type { SnapshotImages } from './snapshot-images.ts';
import type { VolumeWrite } from './volumes.ts';
import { newWorkflow } from './workflow.ts';

export interface OperationDeps {
  store: Store;
  clock: () => number;
  log: Logger;
  /** Ends a superseded snapshot's image killed. */
  images?: SnapshotImages;
}

export interface Operation {
  id: string;
  p: Principal;
  requestId: string;
  actionLabel: string;
  action: Partial<Workflow> & { step?: WorkflowStep };
  /** The latest record's new form; undefined: nothing to start (the record is returned as is). May throw to refuse. */
  change: (r: InstanceRecord) => InstanceRecord | undefined;
  /** Other records the operation writes in the same transaction (a volume's status and attachment). */
  also?: (r: InstanceRecord) => Promise<VolumeWrite>;
}

export async function beginOperation(deps: OperationDeps, op: Operation): Promise<InstanceRecord> {
  const { store, clock, log, images } = deps;
  const { id, p, requestId, actionLabel, action, change, also } = op;
  const kind = actionLabel === 'delete' ? 'delete' : 'action';
  for (;;) {
    const entry = await getOrUndefined<InstanceRecord>(store, instanceKey(id));
    if (!entry) throw notFound('SERVER_NOT_FOUND', `server ${id} not found`, { details: { server: id } });
    const changed = change(entry.value);
    if (!changed) return entry.value;
    const nowMs = clock();
    const now = new Date(nowMs).toISOString();
    const eventKey = newEventKey(id, nowMs);
    const wf =
      kind === 'delete'
        ? newWorkflow('delete', 'delete', requestId, eventKey)
        : newWorkflow('action', action.step ?? 'act', requestId, eventKey, action);
    const next: InstanceRecord = { ...changed, workflow: wf, updatedAt: now };
    const compares: Compare[] = [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }];
    const ops: Op[] = [
      { kind: 'put', key: entry.key, value: next },
      {
        kind: 'create',
        key: eventKey,
        value: startedEvent(actionLabel, { requestId, userId: p.userId, projectId: p.projectId }, now),
      },
    ];
    const old = entry.value.workflow;
    if (old) {
      const ev = await getOrUndefined<ServerEventRecord>(store, old.eventKey);
      if (ev && ev.value.result === '') {
        compares.push({ kind: 'modRevision', key: ev.key, modRevision: ev.modRevision });
        ops.push({
          kind: 'put',
          key: ev.key,
          value: {
            ...ev.value,
            finishedAt: now,
            result: 'error',
            error: `superseded by ${actionLabel} (request ${requestId})`,
          },
        });
      }
    }
    if (also) {
      const more = await also(next);
      compares.push(...more.compares);
      ops.push(...more.ops);
    }
    if ((await store.txn(compares, ops)).succeeded) {
      log.info({ instanceId: id, requestId, action: actionLabel }, 'server operation accepted');
      // A superseded snapshot's image would stay queued (or saving) forever: it ends killed.
      if (old?.step === 'snapshot' && old.imageId && images) {
        const why = `the snapshot was superseded by ${actionLabel} (request ${requestId})`;
        await images.kill(old.imageId, why).catch((err: unknown) => log.warn({ err }, 'image not killed'));
      }
      return next;
    }
  }
}
