// Server events: one record per operation on a server (Nova's instance actions),
// started when the operation is accepted and finished when it settles:
//
//   /instance-actions/<instanceId>/<seq>    ServerEventRecord
//
// <seq> is the start time in ms, zero-padded, plus a random suffix: keys sort in
// start order and two events in one millisecond do not collide.
import { randomBytes } from 'node:crypto';
import { listAll } from '../store/list-all.ts';
import type { Store } from '../store/store.ts';

export const EVENTS = '/instance-actions/';
export const eventsPrefix = (instanceId: string): string => `${EVENTS}${instanceId}/`;

export interface ServerEventRecord {
  action: string;
  requestId: string;
  userId: string;
  projectId: string;
  startedAt: string;
  finishedAt: string;
  /** '' while running, then 'success' or 'error'. */
  result: '' | 'success' | 'error';
  error: string;
}

export function newEventKey(instanceId: string, nowMs: number): string {
  return `${eventsPrefix(instanceId)}${String(nowMs).padStart(15, '0')}-${randomBytes(4).toString('hex')}`;
}

export function startedEvent(
  action: string,
  who: { requestId: string; userId: string; projectId: string },
  nowIso: string,
): ServerEventRecord {
  return { action, ...who, startedAt: nowIso, finishedAt: '', result: '', error: '' };
}

export async function listEvents(store: Store, instanceId: string): Promise<ServerEventRecord[]> {
  return (await listAll<ServerEventRecord>(store, eventsPrefix(instanceId))).entries.map((e) => e.value);
}
