// Servers per vm_state, kept by following the store rather than counted at each
// scrape: one listing of /instances/, then a watch from its revision (the cache
// recipe in store.ts), so a scrape reads a small map — cheap at 10,000 servers.
// A broken watch (history compacted under us, a backend hiccup) is followed by a
// fresh listing; a closed store ends it.
import type { Logger } from '../../common/log.ts';
import { INSTANCES, type InstanceRecord } from '../compute/instance-record.ts';
import type { VmState } from '../compute/state-machine.ts';
import { followPrefix, type PrefixFollower, storeClosed } from '../store/follow-prefix.ts';
import type { Store } from '../store/store.ts';

export class ServerStates {
  private readonly store: Store;
  private readonly log: Logger;
  private readonly abort = new AbortController();
  /** Instance id → vm_state. */
  private states = new Map<string, VmState>();
  private started = false;

  constructor(store: Store, log: Logger) {
    this.store = store;
    this.log = log;
  }

  /** Servers per vm_state now (states without servers are absent). */
  counts(): Map<VmState, number> {
    const out = new Map<VmState, number>();
    for (const s of this.states.values()) out.set(s, (out.get(s) ?? 0) + 1);
    return out;
  }

  /** Starts following (once); resolves after the first listing. */
  start(): Promise<void> {
    if (this.started) return Promise.resolve();
    this.started = true;
    const listed = Promise.withResolvers<void>();
    void this.follow(() => listed.resolve()).finally(() => listed.resolve());
    return listed.promise;
  }

  close(): void {
    this.abort.abort();
  }

  private async follow(listedOnce: () => void): Promise<void> {
    const follower: PrefixFollower<InstanceRecord> = {
      listed: (entries) => {
        const states = new Map<string, VmState>();
        for (const e of entries) this.apply(states, e.key, e.value);
        this.states = states;
        listedOnce();
      },
      changed: (ev) => this.apply(this.states, ev.key, ev.type === 'put' ? ev.value : undefined),
    };
    await followPrefix(this.store, INSTANCES, follower, {
      signal: this.abort.signal,
      log: this.log,
      brokeMessage: 'server state count broke; listing again',
      firstRetryMs: 200,
      maxRetryMs: 30_000,
    }).catch((err: unknown) => {
      if (!storeClosed(err)) throw err;
    });
  }

  private apply(states: Map<string, VmState>, key: string, value: InstanceRecord | undefined): void {
    const id = key.slice(INSTANCES.length);
    if (id === '' || id.includes('/')) return;
    if (value === undefined) states.delete(id);
    else states.set(id, value.vmState);
  }
}
