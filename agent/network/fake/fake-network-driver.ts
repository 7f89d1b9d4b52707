// A stateful fake NetworkDriver for unit tests of code that uses one (compute
// workflows, the agent's reconciler). It validates input exactly like the real driver
// (the same resolver), remembers what is "plugged", reports coarse steps for what
// changed (none for a repeated apply), and can be told to fail. Never used by an
// integration test or the quick start.
import { StratoError } from '../../../common/errors.ts';
import { resolveDesired } from '../linux/resolve.ts';
import type { ApplyResult, DesiredHostNetwork, NetworkDriver, NetworkStep, PortBinding } from '../network-driver.ts';

export interface FakeNetworkDriverOptions {
  underlayIp?: string;
  /** Underlay MTU the fake pretends to have. @default 1500 */
  underlayMtu?: number;
  /** Operator bridges that exist (flat networks), with their MTU. */
  physicalBridges?: Record<string, number>;
}

const key = (x: unknown): string => JSON.stringify(x);

export class FakeNetworkDriver implements NetworkDriver {
  readonly #opts: Required<FakeNetworkDriverOptions>;
  #state: DesiredHostNetwork = { networks: [], ports: [] };
  #failures: StratoError[] = [];
  /** Every state successfully applied, in order. */
  readonly history: DesiredHostNetwork[] = [];

  constructor(opts: FakeNetworkDriverOptions = {}) {
    this.#opts = {
      underlayIp: opts.underlayIp ?? '192.0.2.1',
      underlayMtu: opts.underlayMtu ?? 1500,
      physicalBridges: opts.physicalBridges ?? {},
    };
  }

  /** The next apply (or teardown) rejects with `err` and changes nothing. */
  failNext(err: StratoError = new StratoError('UNAVAILABLE', 'FAKE_FAILURE', 'injected failure')): void {
    this.#failures.push(err);
  }

  get state(): DesiredHostNetwork {
    return structuredClone(this.#state);
  }

  /** A port is wired once an apply that contained it succeeded. */
  isPlugged(portId: string): boolean {
    return this.#state.ports.some((p) => p.portId === portId);
  }

  port(portId: string): PortBinding | undefined {
    return structuredClone(this.#state.ports.find((p) => p.portId === portId));
  }

  #diff(desired: DesiredHostNetwork): NetworkStep[] {
    const steps: NetworkStep[] = [];
    const diff = <T>(kind: string, before: T[], after: T[], id: (x: T) => string): void => {
      const was = new Map(before.map((x) => [id(x), x]));
      const now = new Map(after.map((x) => [id(x), x]));
      for (const [k, x] of now) {
        const old = was.get(k);
        if (old === undefined) steps.push({ kind: `add-${kind}`, id: k });
        else if (key(old) !== key(x)) steps.push({ kind: `update-${kind}`, id: k });
      }
      for (const k of was.keys()) if (!now.has(k)) steps.push({ kind: `remove-${kind}`, id: k });
    };
    diff('network', this.#state.networks, desired.networks, (n) => n.networkId);
    diff('port', this.#state.ports, desired.ports, (p) => p.portId);
    return steps;
  }

  async plan(desired: DesiredHostNetwork): Promise<NetworkStep[]> {
    this.#validate(desired);
    return this.#diff(desired);
  }

  #validate(desired: DesiredHostNetwork): void {
    resolveDesired(desired, {
      facts: { underlayDevice: 'eth0', underlayIp: this.#opts.underlayIp },
      underlayMtu: this.#opts.underlayMtu,
      stateDir: '/nonexistent/fake',
      linkMtu: (name) => this.#opts.physicalBridges[name],
    });
  }

  async apply(desired: DesiredHostNetwork): Promise<ApplyResult> {
    const failure = this.#failures.shift();
    if (failure !== undefined) throw failure;
    this.#validate(desired);
    const steps = this.#diff(desired);
    this.#state = structuredClone(desired);
    this.history.push(this.state);
    return { steps };
  }

  teardown(): Promise<ApplyResult> {
    return this.apply({ networks: [], ports: [] });
  }

  async close(): Promise<void> {}
}
