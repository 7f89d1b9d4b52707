// Runs the operations of volumes and snapshots, as compute's WorkflowDriver runs
// a server's: one loop per record (a kick while it runs makes it look again),
// each turn reading the record, running the step its `op` names and committing
// the outcome only while the same op and step are still current (compare and
// swap on the record). Because every step is written before its side effect, a
// restarted conductor resumes each unfinished op (resumeAll) and ends it; a
// periodic sweep kicks anything a lost kick left behind.
import { type Logger, log as rootLog } from '../../common/log.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { iterateAll } from '../store/list-all.ts';
import type { Compare, Entry, Op, Store } from '../store/store.ts';
import { KeyedLoops, type TurnContext, type TurnResult } from '../workflows/keyed-loops.ts';

export interface OpState {
  id: string;
  kind: string;
  step: string;
  requestId: string;
  startedAtMs: number;
}

export interface OpRecord {
  id: string;
  op?: OpState;
}

/** A transaction built against the latest entry of the record (which it must write or delete). */
export interface OpWrite {
  compares: Compare[];
  ops: Op[];
}

export type OpOutcome<R> =
  /** Change the record only; `after` runs once it is committed. */
  | { kind: 'update'; apply: (rec: R, nowIso: string) => R; after?: () => void }
  /** Change the record with others, in one transaction; undefined: nothing to write. */
  | { kind: 'write'; build: (entry: Entry<R>, nowIso: string) => Promise<OpWrite | undefined>; after?: () => void }
  /** Nothing to commit; run the same step again after `ms` (a host that does not answer). */
  | { kind: 'wait'; ms: number; why: string };

export interface OpContext {
  log: Logger;
  /** Aborted when the conductor shuts down: agent calls are cancelled and the step is redone on restart. */
  signal: AbortSignal;
  /** The conductor's clock (ms). */
  now: () => number;
  /** Waits of this step so far (in this process; a kick starts over), for the back-off. */
  tries: number;
  /** When the host stopped answering this step (this process's first wait for it), else now. */
  silentSinceMs: number;
}

export type OpStep<R> = (rec: R, ctx: OpContext) => Promise<OpOutcome<R>>;

export interface OpDriverOptions<R extends OpRecord> {
  store: Store;
  /** What the driver is called in logs (volume, snapshot). */
  noun: string;
  prefix: string;
  keyOf: (id: string) => string;
  /** Steps by `${op.kind}:${op.step}`. */
  steps: Record<string, OpStep<R>>;
  /** @default 30_000 */
  sweepIntervalMs?: number;
  clock?: () => number;
  log?: Logger;
}

export class OpDriver<R extends OpRecord> {
  private readonly o: OpDriverOptions<R>;
  private readonly clock: () => number;
  private readonly log: Logger;
  private readonly loops: KeyedLoops;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(o: OpDriverOptions<R>) {
    this.o = o;
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: `${o.noun}-ops` });
    this.loops = new KeyedLoops({ turn: (id, ctx) => this.turn(id, ctx), log: this.log, idField: `${o.noun}Id` });
  }

  /** Makes sure the record's op (if any) is being driven. */
  kick(id: string): void {
    this.loops.kick(id);
  }

  /** Whether a loop drives this record now (tests, diagnostics). */
  isDriving(id: string): boolean {
    return this.loops.has(id);
  }

  /**
   * Kicks every record with an unfinished op (with `wake`, also those waiting
   * for a host: it registered again, so it should answer now); returns how many.
   */
  async resumeAll(wake = false): Promise<number> {
    let n = 0;
    for await (const e of iterateAll<R>(this.o.store, this.o.prefix)) {
      if (e.value.op && (wake || !this.loops.has(e.value.id))) {
        this.kick(e.value.id);
        n++;
      }
    }
    if (n > 0 && !wake) this.log.info({ count: n }, 'operations resumed');
    return n;
  }

  startSweeper(): void {
    this.sweeper = setInterval(() => {
      this.resumeAll().catch((err: unknown) => this.log.warn({ err }, 'operation sweep failed'));
    }, this.o.sweepIntervalMs ?? 30_000);
    this.sweeper.unref();
  }

  /** Stops driving: in-flight agent calls are cancelled; their steps run again after a restart. */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.loops.close();
  }

  private async turn(id: string, { signal, tries, waitingSinceMs }: TurnContext): Promise<TurnResult> {
    const entry = await getOrUndefined<R>(this.o.store, this.o.keyOf(id));
    const op = entry?.value.op;
    if (!entry || !op) return { kind: 'idle' };
    const step = this.o.steps[`${op.kind}:${op.step}`];
    if (!step) throw new Error(`unknown ${this.o.noun} step ${op.kind}:${op.step}`);
    const log = this.log.child({ [`${this.o.noun}Id`]: id, op: op.kind, step: op.step, requestId: op.requestId });
    const silentSinceMs = waitingSinceMs ?? this.clock();
    const outcome = await step(entry.value, { log, signal, now: this.clock, tries, silentSinceMs });
    if (signal.aborted) return { kind: 'done' };
    if (outcome.kind === 'wait') return { ...outcome, log };
    if (await this.commit(id, op, outcome)) outcome.after?.();
    return { kind: 'done' };
  }

  /** Commits an outcome against the latest record while the same op step is current; false when superseded. */
  private async commit(id: string, op: OpState, outcome: Exclude<OpOutcome<R>, { kind: 'wait' }>): Promise<boolean> {
    for (;;) {
      const entry = await getOrUndefined<R>(this.o.store, this.o.keyOf(id));
      const cur = entry?.value.op;
      if (!entry || !cur || cur.id !== op.id || cur.step !== op.step) return false;
      const nowIso = new Date(this.clock()).toISOString();
      const guard: Compare = { kind: 'modRevision', key: entry.key, modRevision: entry.modRevision };
      let write: OpWrite | undefined;
      if (outcome.kind === 'update') {
        write = { compares: [], ops: [{ kind: 'put', key: entry.key, value: outcome.apply(entry.value, nowIso) }] };
      } else {
        write = await outcome.build(entry, nowIso);
      }
      if (write === undefined) return false;
      if ((await this.o.store.txn([guard, ...write.compares], write.ops)).succeeded) return true;
    }
  }
}
