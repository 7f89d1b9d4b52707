// A returning evacuated host: its domains of servers that were rebuilt elsewhere
// are stale copies (their volumes now serve the new host, their addresses are
// bound there). When such a host registers, or reports a domain the conductor
// does not expect there, the conductor asks its agent to delete each stale copy
// (DeleteInstance: destroy — a no-op on a guest that is not running, never a
// start — undefine, files and volume secrets gone); the host then leaves the
// server's staleOn list. A copy is stale only while the server's record names
// another host: a server still placed on the host (a failed evacuation) is
// never touched. An agent that cannot be reached yet (its channel is still
// backing off right after a restart) is asked again within seconds.
import { isStratoError } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import type { AgentDirectory } from '../agents/agent-api.ts';
import { casUpdate, UNCHANGED } from '../store/cas-update.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { iterateAll } from '../store/list-all.ts';
import type { Store } from '../store/store.ts';
import { INSTANCES, type InstanceRecord, instanceKey } from './instance-record.ts';
import type { HostLookup } from './workflow.ts';

export interface StaleCopiesOptions {
  store: Store;
  hosts: HostLookup;
  agents: AgentDirectory;
  /** @default 1000 */
  retryMs?: number;
  /** Retries in a row for a host that gives no answer. @default 10 */
  retries?: number;
  log?: Logger;
}

/** Whether `rec`'s copy on `hostId` is stale: it was evacuated from there and now lives elsewhere. Pure. */
export function isStaleOn(rec: InstanceRecord, hostId: string): boolean {
  return (rec.staleOn ?? []).includes(hostId) && rec.host !== hostId;
}

export class StaleCopies {
  private readonly o: StaleCopiesOptions;
  private readonly log: Logger;
  /** Hosts with a pass running (a second request for one just waits for it to end). */
  private readonly running = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(o: StaleCopiesOptions) {
    this.o = o;
    this.log = (o.log ?? rootLog).child({ component: 'stale-copies' });
  }

  /** The host registered: remove every stale copy recorded for it. */
  hostRegistered(hostId: string): void {
    void this.pass(hostId, undefined, 0);
  }

  /** The host reported instances it is not expected to hold: remove those that are stale copies. */
  unexpectedReported(hostId: string, instanceIds: readonly string[]): void {
    if (instanceIds.length > 0) void this.pass(hostId, instanceIds, 0);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
  }

  /** Ids of the servers with a stale copy on the host (all of them, or among `ids`). */
  private async staleIds(hostId: string, ids: readonly string[] | undefined): Promise<string[]> {
    const out: string[] = [];
    if (ids) {
      for (const id of ids) {
        const rec = (await getOrUndefined<InstanceRecord>(this.o.store, instanceKey(id)))?.value;
        if (rec && isStaleOn(rec, hostId)) out.push(id);
      }
      return out;
    }
    for await (const e of iterateAll<InstanceRecord>(this.o.store, INSTANCES, 1000)) {
      if (isStaleOn(e.value, hostId)) out.push(e.value.id);
    }
    return out;
  }

  private async pass(hostId: string, ids: readonly string[] | undefined, attempt: number): Promise<void> {
    if (this.closed || this.running.has(hostId)) return;
    this.running.add(hostId);
    let retry = false;
    try {
      const stale = await this.staleIds(hostId, ids);
      const host = stale.length > 0 ? await this.o.hosts.get(hostId) : undefined;
      for (const id of host ? stale : []) {
        try {
          await this.o.agents.forHost(host!).delete({ instanceId: id });
        } catch (err) {
          if (!isStratoError(err)) throw err;
          this.log.warn({ instanceId: id, hostId, code: err.code }, 'stale copy not removed yet');
          retry = true;
          continue;
        }
        await casUpdate<InstanceRecord>(this.o.store, instanceKey(id), (r) =>
          (r.staleOn ?? []).includes(hostId)
            ? { ...r, staleOn: (r.staleOn ?? []).filter((h) => h !== hostId) }
            : UNCHANGED,
        );
        this.log.info({ instanceId: id, hostId }, 'stale copy removed from returning host');
      }
    } catch (err) {
      this.log.warn({ err, hostId }, 'stale copy pass failed');
      retry = true;
    } finally {
      this.running.delete(hostId);
    }
    if (retry && attempt < (this.o.retries ?? 10) && !this.closed) {
      const t = setTimeout(
        () => {
          this.timers.delete(t);
          void this.pass(hostId, ids, attempt + 1);
        },
        (this.o.retryMs ?? 1000) * Math.min(2 ** attempt, 8),
      );
      t.unref();
      this.timers.add(t);
    }
  }
}
