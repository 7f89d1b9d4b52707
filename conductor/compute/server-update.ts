// UpdateServer (see server.proto): a rename and/or metadata change needs no host
// and no workflow — the record, its name indexes and a finished event in one
// transaction, retried on a conflicting write.
import { notFound } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import type { Principal } from '../identity/model.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Compare, Op, Store } from '../store/store.ts';
import { newEventKey, startedEvent } from './events.ts';
import { mergeMetadata, updateRefusal } from './image-rebuild-rules.ts';
import { allNameKey, type InstanceRecord, instanceKey, projectNameKey } from './instance-record.ts';
import { findServer } from './server-lookup.ts';

export interface ServerChange {
  /** '' keeps the name. */
  name: string;
  set: Record<string, string>;
  unset: string[];
}

export async function updateServer(
  deps: { store: Store; clock: () => number; log: Logger },
  ref: string,
  change: ServerChange,
  p: Principal,
  requestId: string,
): Promise<InstanceRecord> {
  const { store, clock, log } = deps;
  const id = (await findServer(store, ref, p)).value.id;
  for (;;) {
    const entry = await getOrUndefined<InstanceRecord>(store, instanceKey(id));
    if (!entry) throw notFound('SERVER_NOT_FOUND', `server ${id} not found`, { details: { server: id } });
    const r = entry.value;
    const refusal = updateRefusal(r);
    if (refusal) throw refusal;
    const name = change.name === '' ? r.name : change.name;
    const metadata = mergeMetadata(r.metadata, change.set, change.unset);
    const nowMs = clock();
    const now = new Date(nowMs).toISOString();
    const next: InstanceRecord = { ...r, name, metadata, updatedAt: now };
    const touched = Object.keys(change.set).length > 0 || change.unset.length > 0;
    const what = [name !== r.name ? 'rename' : '', touched ? 'metadata' : ''].filter((w) => w !== '').join(', ');
    const event = {
      ...startedEvent(`update (${what || 'nothing'})`, { requestId, userId: p.userId, projectId: p.projectId }, now),
      finishedAt: now,
      result: 'success' as const,
    };
    const ops: Op[] = [
      { kind: 'put', key: entry.key, value: next },
      { kind: 'create', key: newEventKey(id, nowMs), value: event },
    ];
    if (name !== r.name) {
      const ix = { id, projectId: r.projectId };
      ops.push(
        { kind: 'delete', key: projectNameKey(r.projectId, r.name, id) },
        { kind: 'delete', key: allNameKey(r.name, id) },
        { kind: 'put', key: projectNameKey(r.projectId, name, id), value: ix },
        { kind: 'put', key: allNameKey(name, id), value: ix },
      );
    }
    const compares: Compare[] = [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }];
    if ((await store.txn(compares, ops)).succeeded) {
      log.info({ instanceId: id, requestId, action: 'update' }, 'server updated');
      return next;
    }
  }
}
