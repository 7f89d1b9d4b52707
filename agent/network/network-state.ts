// The agent's memory of the conductor's desired network state: the last generation
// applied and the state itself, persisted in the network state dir so that a
// restarted agent re-applies it at once (the driver re-plans from what it observes,
// so a host that still matches sees zero steps: no link or rule changes). Pushes are
// applied one at a time; a generation older than the last applied one is ignored (a
// late retry must not undo a newer state), the same one is applied again (the
// conductor's periodic resync). It also answers "is this port wired?" for spawns and
// hot-plugs, which must not start a guest on a tap that is not there yet.
//
// The file is the agent's own memory, written atomically and readable by the agent
// alone; the message it came from was checked field by field at the gRPC edge
// (agent/server/network-from-proto.ts) and its values by the driver. So restore checks
// only that the file is one this code wrote; the driver re-checks every value before
// any step, and anything else is ignored until the conductor's next push (which a
// (re)registering agent always gets).
import { EventEmitter } from 'node:events';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../common/log.ts';
import { tapName } from '../../common/network-names.ts';
import { GROUP_DIR_MODE, PRIVATE_FILE_MODE, writeFileAtomic } from '../state-dir/file-access.ts';
import type { DesiredHostNetwork, NetworkDriver } from './network-driver.ts';

export const DESIRED_STATE_FILE = 'desired-state.json';

export interface NetworkStateOptions {
  driver: NetworkDriver;
  /** Where the desired state is persisted (the driver's state dir). */
  dir: string;
  /** Whether a link of that name exists on the host: a wired port's tap must. */
  linkExists(name: string): Promise<boolean>;
  log: Logger;
  /** Re-check period while waiting for ports, behind the `applied` event. @default 250 */
  pollMs?: number;
}

export interface ApplyOutcome {
  /** False when the push was older than the last applied generation (nothing done). */
  applied: boolean;
  /** The generation the host now matches. */
  generation: bigint;
  /** Host steps taken; 0 when the host already matched. */
  steps: number;
}

/** The identity of a port as a spawn or hot-plug names it. */
export interface PortRef {
  portId: string;
  tap: string;
  mac: string;
}

interface Persisted {
  generation: string;
  state: DesiredHostNetwork;
}

/** The persisted document, if it has the shape this code writes. */
function persisted(doc: unknown): { generation: bigint; state: DesiredHostNetwork } | undefined {
  const p = doc as Partial<Persisted> | null;
  const state = p?.state as Partial<DesiredHostNetwork> | undefined;
  if (typeof p?.generation !== 'string' || !/^\d{1,20}$/.test(p.generation)) return undefined;
  if (!Array.isArray(state?.networks) || !Array.isArray(state.ports)) return undefined;
  return { generation: BigInt(p.generation), state: state as DesiredHostNetwork };
}

export interface NetworkStateEvents {
  applied: [bigint];
}

export class NetworkState extends EventEmitter<NetworkStateEvents> {
  readonly #o: NetworkStateOptions;
  readonly #log: Logger;
  #generation: bigint | undefined;
  #state: DesiredHostNetwork | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: NetworkStateOptions) {
    super();
    this.#o = options;
    this.#log = options.log.child({ component: 'network-state' });
  }

  /** The last generation applied (undefined before the first push on a fresh host). */
  get generation(): bigint | undefined {
    return this.#generation;
  }

  /** The last state applied (a copy). */
  get state(): DesiredHostNetwork | undefined {
    return this.#state === undefined ? undefined : structuredClone(this.#state);
  }

  get #file(): string {
    return join(this.#o.dir, DESIRED_STATE_FILE);
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Re-applies the persisted state (agent start). Nothing persisted: nothing done, the
   * host is left as it is until the conductor's first push. A corrupt file is logged
   * and ignored for the same reason.
   */
  restore(): Promise<ApplyOutcome | undefined> {
    return this.#serial(async () => {
      let doc: unknown;
      try {
        doc = JSON.parse(await readFile(this.#file, 'utf8'));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
          this.#log.error({ err, file: this.#file }, 'persisted network state unreadable; waiting for a push');
        }
        return undefined;
      }
      const saved = persisted(doc);
      if (saved === undefined) {
        this.#log.error({ file: this.#file }, 'persisted network state invalid; waiting for a push');
        return undefined;
      }
      const { generation, state } = saved;
      const { steps } = await this.#o.driver.apply(state);
      this.#set(generation, state);
      this.#log.info({ generation: String(generation), steps: steps.length }, 'network state restored');
      return { applied: true, generation, steps: steps.length };
    });
  }

  /** Applies `state` unless `generation` is older than the last one applied. */
  apply(generation: bigint, state: DesiredHostNetwork): Promise<ApplyOutcome> {
    return this.#serial(async () => {
      const current = this.#generation;
      if (current !== undefined && generation < current) {
        this.#log.info({ generation: String(generation), current: String(current) }, 'stale network state ignored');
        return { applied: false, generation: current, steps: 0 };
      }
      const { steps } = await this.#o.driver.apply(state);
      await this.#persist(generation, state);
      this.#set(generation, state);
      if (steps.length > 0)
        this.#log.info({ generation: String(generation), steps: steps.length }, 'network state applied');
      return { applied: true, generation, steps: steps.length };
    });
  }

  /**
   * Applies the last state again (the periodic resync): repairs drift on the host
   * without the conductor. Nothing applied yet: nothing to do.
   */
  reapply(): Promise<ApplyOutcome | undefined> {
    return this.#serial(async () => {
      const generation = this.#generation;
      const state = this.#state;
      if (generation === undefined || state === undefined) return undefined;
      const { steps } = await this.#o.driver.apply(state);
      if (steps.length > 0)
        this.#log.warn({ generation: String(generation), steps: steps.length }, 'network drift repaired');
      return { applied: true, generation, steps: steps.length };
    });
  }

  #set(generation: bigint, state: DesiredHostNetwork): void {
    this.#generation = generation;
    this.#state = state;
    this.emit('applied', generation);
  }

  async #persist(generation: bigint, state: DesiredHostNetwork): Promise<void> {
    // Normally made by the agent at start, with dnsmasq's group (which the driver also sets).
    await mkdir(this.#o.dir, { recursive: true, mode: GROUP_DIR_MODE });
    const body: Persisted = { generation: String(generation), state };
    // Write-then-rename: a crash mid-write leaves the previous state, never half a file.
    // Every port's MAC and address: the agent's alone.
    await writeFileAtomic(this.#file, JSON.stringify(body), PRIVATE_FILE_MODE);
  }

  /** The port is in the applied state with this tap and MAC, and its tap exists. */
  async isWired(ref: PortRef): Promise<boolean> {
    const bound = this.#state?.ports.find((p) => p.portId === ref.portId);
    if (bound === undefined || ref.tap !== tapName(ref.portId) || bound.mac.toLowerCase() !== ref.mac.toLowerCase())
      return false;
    return this.#o.linkExists(ref.tap);
  }

  /**
   * Waits until every port is wired or `timeoutMs` passes (a push and a spawn may
   * cross on the wire). Resolves with the ids of the ports still not wired.
   */
  async waitWired(refs: readonly PortRef[], timeoutMs: number): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const missing: string[] = [];
      for (const r of refs) if (!(await this.isWired(r))) missing.push(r.portId);
      if (missing.length === 0 || Date.now() >= deadline) return missing;
      await this.#nextApplyOr(Math.min(this.#o.pollMs ?? 250, deadline - Date.now()));
    }
  }

  #nextApplyOr(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.off('applied', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(ms, 0));
      this.on('applied', done);
    });
  }

  /** Waits for the apply in progress, if any. */
  async close(): Promise<void> {
    await this.#queue;
  }
}
