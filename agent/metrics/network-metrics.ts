// How the host's network is kept: each apply of the desired state (a push, the
// periodic re-apply, the restore at start), how long it took, how it ended, and the
// steps it took per kind (0 steps: the host already matched). Wraps the agent's
// NetworkDriver, so agent/network needs no knowledge of metrics.
import { Counter, Histogram, type Registry } from 'prom-client';
import type { NetworkDriver } from '../network/network-driver.ts';

const APPLY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function countNetworkApplies(registry: Registry, driver: NetworkDriver): NetworkDriver {
  const registers = [registry];
  const applies = new Counter({
    name: 'strato_agent_network_applies_total',
    help: 'Applies of the desired host network state, per result (ok, error).',
    labelNames: ['result'],
    registers,
  });
  const duration = new Histogram({
    name: 'strato_agent_network_apply_duration_seconds',
    help: 'How long applying the desired host network state took (observe, plan, execute).',
    buckets: APPLY_BUCKETS,
    registers,
  });
  const steps = new Counter({
    name: 'strato_agent_network_steps_total',
    help: 'Host network steps executed, per kind (links, addresses, FDB, DHCP, firewall ...).',
    labelNames: ['kind'],
    registers,
  });
  for (const result of ['ok', 'error']) applies.inc({ result }, 0);
  return {
    async apply(desired) {
      const started = performance.now();
      try {
        const res = await driver.apply(desired);
        applies.inc({ result: 'ok' });
        for (const s of res.steps) steps.inc({ kind: s.kind });
        return res;
      } catch (err) {
        applies.inc({ result: 'error' });
        throw err;
      } finally {
        duration.observe((performance.now() - started) / 1000);
      }
    },
    plan: (desired) => driver.plan(desired),
    teardown: () => driver.teardown(),
    close: () => driver.close(),
  };
}
