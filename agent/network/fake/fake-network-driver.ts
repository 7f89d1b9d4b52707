// A stateful fake NetworkDriver for unit tests of code that uses one (compute
// workflows, the agent's reconciler). It validates input exactly like the real driver
// (the same resolver), remembers what is "plugged", and reports coarse steps for what
// changed on its pretend host: it compares resolved states, as the real driver compares
// its resolved state with the host, so what the real driver does nothing for (a network
// with no port or DHCP here, peers in another order, a MAC in upper case) is no step
// here either, and a repeated apply is none. It can be told to fail. It passes the
// NetworkDriver conformance suite (test/conformance/network-driver/); it is never used
// by an integration test or the quick start.
import { StratoError } from '../../../common/errors.ts';
import { type ResolvedState, resolveDesired } from '../linux/resolve.ts';
import type {
  ApplyResult,
  DesiredHostNetwork,
  NetworkDriver,
  NetworkStep,
  PortBinding,
  RouterSpec,
} from '../network-driver.ts';

export interface FakeNetworkDriverOptions {
  underlayIp?: string;
  /** Underlay MTU the fake pretends to have. @default 1500 */
  underlayMtu?: number;
  /** Operator bridges that exist (flat networks), with their MTU. */
  physicalBridges?: Record<string, number>;
}

/** What the pretend host has, by id, each part in a comparable form. */
interface PretendHost {
  networks: Map<string, string>;
  ports: Map<string, string>;
  /** Routers by id: their namespace, legs, addresses, route and NAT table. */
  routers: Map<string, string>;
  /** The VXLAN source filter; only a host with networks or ports has one. */
  vxlanSources: string;
}

const EMPTY: DesiredHostNetwork = { networks: [], ports: [] };

function pretendHost(r: ResolvedState): PretendHost {
  const inUse = r.networks.length > 0 || r.ports.length > 0;
  return {
    networks: new Map(r.networks.map((n) => [n.networkId, JSON.stringify(n)])),
    ports: new Map(r.ports.map((p) => [p.portId, JSON.stringify(p)])),
    routers: new Map(r.routers.map((x) => [x.routerId, JSON.stringify(x)])),
    vxlanSources: inUse ? r.vxlanSources.join(',') : '',
  };
}

function diff(kind: string, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): NetworkStep[] {
  const steps: NetworkStep[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    if (was === undefined) steps.push({ kind: `add-${kind}`, id });
    else if (was !== now) steps.push({ kind: `update-${kind}`, id });
  }
  for (const id of before.keys()) if (!after.has(id)) steps.push({ kind: `remove-${kind}`, id });
  return steps;
}

export class FakeNetworkDriver implements NetworkDriver {
  readonly #opts: Required<FakeNetworkDriverOptions>;
  #state: DesiredHostNetwork = structuredClone(EMPTY);
  #host: PretendHost = { networks: new Map(), ports: new Map(), routers: new Map(), vxlanSources: '' };
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

  /** The last state applied, as given. */
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

  /** The router as last applied, or undefined when the pretend host runs none by that id. */
  router(routerId: string): RouterSpec | undefined {
    return structuredClone(this.#state.routers?.find((r) => r.routerId === routerId));
  }

  /** The pretend host `desired` asks for; refuses what the real driver refuses. */
  #resolve(desired: DesiredHostNetwork): PretendHost {
    return pretendHost(
      resolveDesired(desired, {
        facts: { underlayDevice: 'eth0', underlayIp: this.#opts.underlayIp },
        underlayMtu: this.#opts.underlayMtu,
        stateDir: '/nonexistent/fake',
        linkMtu: (name) => this.#opts.physicalBridges[name],
      }),
    );
  }

  #steps(next: PretendHost): NetworkStep[] {
    const steps = [
      ...diff('network', this.#host.networks, next.networks),
      ...diff('port', this.#host.ports, next.ports),
      ...diff('router', this.#host.routers, next.routers),
    ];
    if (next.vxlanSources !== this.#host.vxlanSources) steps.push({ kind: 'set-vxlan-sources' });
    return steps;
  }

  async plan(desired: DesiredHostNetwork): Promise<NetworkStep[]> {
    return this.#steps(this.#resolve(desired));
  }

  async apply(desired: DesiredHostNetwork): Promise<ApplyResult> {
    const failure = this.#failures.shift();
    if (failure !== undefined) throw failure;
    const next = this.#resolve(desired);
    const steps = this.#steps(next);
    this.#host = next;
    this.#state = structuredClone(desired);
    this.history.push(this.state);
    return { steps };
  }

  teardown(): Promise<ApplyResult> {
    return this.apply(EMPTY);
  }

  async close(): Promise<void> {}
}
