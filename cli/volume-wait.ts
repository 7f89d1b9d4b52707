// --wait for volumes and volume snapshots: the pure rule of when a status
// resource has settled (table-tested), and the poll that applies it. A volume
// passes through transitional statuses (creating, downloading, attaching …)
// and rests in available, in-use or error; a failed attach, detach or extend
// rests where it started, with the failure in `fault`, and the wait reports it.
import type { Fault__Output } from '../common/gen/strato/volume/v1/Fault.ts';
import { type Poll, pollUntil, type Verdict, type WaitOptions } from './wait.ts';

/** What volumes and snapshots share for waiting. */
export interface StatusResource {
  id: string;
  name: string;
  status: string;
  sizeGib: number;
  fault: Fault__Output | null;
}

export type StatusKind = 'volume' | 'snapshot';

/** Statuses an operation passes through; anything else is where it rests. */
export const TRANSITIONAL: ReadonlySet<string> = new Set([
  'creating',
  'downloading',
  'attaching',
  'detaching',
  'extending',
  'deleting',
]);

/** Rest in one of `statuses` (and at least `sizeGib`, for an extend), or be gone. */
export type StatusTarget = { statuses: readonly string[]; sizeGib?: number } | { gone: true };

export function faultSuffix(fault: Fault__Output | null | undefined): string {
  if (!fault?.message) return '';
  const facts = [fault.code && `code ${fault.code}`, fault.reason && `reason ${fault.reason}`].filter(Boolean);
  return `: ${fault.message}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

export function settleStatus(kind: StatusKind, item: StatusResource | undefined, target: StatusTarget): Verdict {
  if (item === undefined) {
    return 'gone' in target ? { kind: 'done' } : { kind: 'failed', message: `the ${kind} disappeared` };
  }
  const label = `${kind} ${item.name || item.id}`;
  if (item.status === 'error') return { kind: 'failed', message: `${label} is in error${faultSuffix(item.fault)}` };
  if ('gone' in target || TRANSITIONAL.has(item.status)) return { kind: 'pending' };
  if (!target.statuses.includes(item.status)) {
    const want = target.statuses.join(' or ');
    return { kind: 'failed', message: `${label} is ${item.status}, not ${want}${faultSuffix(item.fault)}` };
  }
  if (target.sizeGib !== undefined && item.sizeGib < target.sizeGib) {
    return { kind: 'failed', message: `${label} is still ${item.sizeGib} GiB${faultSuffix(item.fault)}` };
  }
  return { kind: 'done' };
}

/** Polls `get` (NOT_FOUND as undefined) until `target`; see pollUntil. */
export function waitStatus<T extends StatusResource>(
  kind: StatusKind,
  name: string,
  get: () => Promise<T | undefined>,
  target: StatusTarget,
  opts: WaitOptions & { onPoll?: Poll<T>['onPoll'] },
): Promise<T | undefined> {
  const { onPoll, ...waitOpts } = opts;
  return pollUntil<T>(
    {
      what: `${kind} ${name}`,
      want: 'gone' in target ? 'deleted' : target.statuses.join(' or '),
      get,
      settle: (item) => settleStatus(kind, item, target),
      state: (item) => item?.status ?? 'gone',
      ...(onPoll ? { onPoll } : {}),
    },
    waitOpts,
  );
}
