// The real NetworkDriver: observe the host, resolve and validate the desired state,
// plan, execute. Calls are serialized, so two applies never interleave their steps.
import { type Logger, log as rootLog } from '../../../common/log.ts';
import type { Netlink } from '../netlink/netlink.ts';
import type {
  ApplyResult,
  DesiredHostNetwork,
  HostNetworkFacts,
  NetworkDriver,
  NetworkStep,
} from '../network-driver.ts';
import { executeStep } from './execute.ts';
import { observeHost } from './observe.ts';
import { planHost } from './plan.ts';
import { resolveDesired } from './resolve.ts';
import type { Step } from './steps.ts';

export interface LinuxNetworkDriverOptions {
  /** Handle acting in the host's network namespace; nft runs in the same namespace. The caller closes it. */
  netlink: Netlink;
  facts: HostNetworkFacts;
  /** Where dnsmasq state lives (`<stateDir>/dhcp/<network id>/`); it marks which DHCP namespaces are ours. */
  stateDir: string;
  logger?: Logger;
}

/** Step for logs: the nft script is summarized by its changes. */
function describe(step: Step): Record<string, unknown> {
  if (step.kind === 'nft') return { kind: step.kind, changes: step.changes };
  if (step.kind === 'router-nat') return { kind: step.kind, namespace: step.namespace, hash: step.hash };
  if (step.kind === 'write-dhcp-files') return { kind: step.kind, networkId: step.networkId };
  return step;
}

export class LinuxNetworkDriver implements NetworkDriver {
  readonly #opts: LinuxNetworkDriverOptions;
  readonly #log: Logger;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(opts: LinuxNetworkDriverOptions) {
    this.#opts = opts;
    this.#log = (opts.logger ?? rootLog).child({ component: 'network-driver', netns: opts.netlink.namespace ?? '' });
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #plan(desired: DesiredHostNetwork): Promise<Step[]> {
    const { netlink, facts, stateDir } = this.#opts;
    const observed = await observeHost(netlink, stateDir, netlink.namespace);
    const resolved = resolveDesired(desired, {
      facts,
      stateDir,
      underlayMtu: observed.links.get(facts.underlayDevice)?.mtu ?? Number.NaN,
      linkMtu: (name) => observed.links.get(name)?.mtu,
    });
    return planHost(resolved, observed, stateDir);
  }

  plan(desired: DesiredHostNetwork): Promise<NetworkStep[]> {
    return this.#serial(() => this.#plan(desired));
  }

  apply(desired: DesiredHostNetwork): Promise<ApplyResult> {
    return this.#serial(async () => {
      const steps = await this.#plan(desired);
      const ctx = {
        netlink: this.#opts.netlink,
        hostNamespace: this.#opts.netlink.namespace,
        stateDir: this.#opts.stateDir,
      };
      for (const step of steps) {
        try {
          await executeStep(step, ctx);
        } catch (err) {
          this.#log.error({ step: describe(step), err }, 'network step failed');
          throw err;
        }
        this.#log.debug({ step: describe(step) }, 'network step done');
      }
      if (steps.length > 0) this.#log.info({ steps: steps.length }, 'network state applied');
      return { steps };
    });
  }

  teardown(): Promise<ApplyResult> {
    return this.apply({ networks: [], ports: [] });
  }

  async close(): Promise<void> {
    await this.#queue;
  }
}
