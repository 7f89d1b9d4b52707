// What the compute workflows and the scheduler tell the metrics (the observers
// conductor/compute/workflow-driver.ts and conductor/scheduler/store-claimer.ts
// accept): workflow counts, durations and stalls per kind, and placement
// decisions with the filters that left no valid host.
import { Counter, Histogram, type Registry } from 'prom-client';
import type { WorkflowObserver } from '../compute/workflow-driver.ts';
import type { PlacementObserver } from '../scheduler/store-claimer.ts';

/** From a quick power action to a boot that waited for a host (the build timeout is 10 min). */
const WORKFLOW_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1200];
const PLACEMENT_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1];

export function workflowMetrics(registry: Registry): WorkflowObserver {
  const registers = [registry];
  const ended = new Counter({
    name: 'strato_workflows_total',
    help: 'Server workflows ended, per kind (boot, delete, action, migrate, resize) and result (success, error).',
    labelNames: ['kind', 'result'],
    registers,
  });
  const duration = new Histogram({
    name: 'strato_workflow_duration_seconds',
    help: 'From accepting an operation to its end, per workflow kind and result.',
    labelNames: ['kind', 'result'],
    buckets: WORKFLOW_BUCKETS,
    registers,
  });
  const waits = new Counter({
    name: 'strato_workflow_step_waits_total',
    help: 'Workflow steps put off to retry later (e.g. their host does not answer), per kind and step.',
    labelNames: ['kind', 'step'],
    registers,
  });
  const failures = new Counter({
    name: 'strato_workflow_step_failures_total',
    help: 'Workflow steps that threw unexpectedly and are retried, per kind and step.',
    labelNames: ['kind', 'step'],
    registers,
  });
  for (const kind of ['boot', 'delete', 'action', 'migrate', 'resize']) {
    for (const result of ['success', 'error']) ended.inc({ kind, result }, 0);
  }
  return {
    finished(kind, result, durationS) {
      ended.inc({ kind, result });
      if (durationS !== undefined) duration.observe({ kind, result }, durationS);
    },
    stepWaits(kind, step) {
      waits.inc({ kind, step });
    },
    stepFailed(kind, step) {
      failures.inc({ kind, step });
    },
  };
}

export function schedulerMetrics(registry: Registry): PlacementObserver {
  const registers = [registry];
  const decisions = new Counter({
    name: 'strato_scheduler_decisions_total',
    help: 'Placement decisions, per result (placed, no_valid_host).',
    labelNames: ['result'],
    registers,
  });
  const noValidHost = new Counter({
    name: 'strato_scheduler_no_valid_host_total',
    help:
      'Placements that found no valid host, per filter that rejected hosts in them ' +
      '("none" when there were no hosts at all; "claim" when every candidate filled up while claiming).',
    labelNames: ['filter'],
    registers,
  });
  const duration = new Histogram({
    name: 'strato_scheduler_decision_duration_seconds',
    help: 'How long a placement decision took (selection and the claim in the store).',
    buckets: PLACEMENT_BUCKETS,
    registers,
  });
  for (const result of ['placed', 'no_valid_host']) decisions.inc({ result }, 0);
  return {
    decided(result, durationS) {
      duration.observe(durationS);
      if (result.ok) {
        decisions.inc({ result: 'placed' });
        return;
      }
      decisions.inc({ result: 'no_valid_host' });
      const { reasons, hostCount } = result.noValidHost;
      if (hostCount === 0 || reasons.length === 0) noValidHost.inc({ filter: 'none' });
      for (const r of reasons) noValidHost.inc({ filter: r.filter });
    },
  };
}
