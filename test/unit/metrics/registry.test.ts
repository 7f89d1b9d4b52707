// The metric names each daemon exports, as Prometheus sees them: the conductor's
// and the agent's registries hold strato's own series (the names the Grafana
// dashboard and the operator guide use) beside the default process metrics,
// nothing lands in prom-client's global registry, and the observers the
// workflows, the scheduler and the gRPC wrapper call move the right series.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { register as globalRegistry } from 'prom-client';
import { agentMetrics } from '../../../agent/metrics/agent-metrics.ts';
import { hostLinkMetrics } from '../../../agent/metrics/host-link-metrics.ts';
import { instanceMetrics } from '../../../agent/metrics/instance-metrics.ts';
import { countNetworkApplies } from '../../../agent/metrics/network-metrics.ts';
import { clusterMetrics } from '../../../conductor/metrics/cluster-metrics.ts';
import { conductorMetrics } from '../../../conductor/metrics/conductor-metrics.ts';
import { sampleValue } from '../../harness/metrics-scrape.ts';

const CONDUCTOR_NAMES = [
  'strato_build_info',
  'strato_grpc_server_requests_total',
  'strato_grpc_server_errors_total',
  'strato_grpc_server_request_duration_seconds',
  'strato_workflows_total',
  'strato_workflow_duration_seconds',
  'strato_workflow_step_waits_total',
  'strato_workflow_step_failures_total',
  'strato_scheduler_decisions_total',
  'strato_scheduler_no_valid_host_total',
  'strato_scheduler_decision_duration_seconds',
  'strato_hosts',
  'strato_host_up',
  'strato_host_instances',
  'strato_host_vcpus',
  'strato_host_memory_bytes',
  'strato_host_disk_bytes',
  'strato_servers',
  'strato_store_usable',
];

const AGENT_NAMES = [
  'strato_build_info',
  'strato_grpc_server_requests_total',
  'strato_grpc_server_errors_total',
  'strato_grpc_server_request_duration_seconds',
  'strato_agent_libvirt_connected',
  'strato_agent_libvirt_reconnects_total',
  'strato_agent_libvirt_errors_total',
  'strato_agent_netlink_errors_total',
  'strato_agent_network_applies_total',
  'strato_agent_network_apply_duration_seconds',
  'strato_agent_network_steps_total',
  'strato_agent_instance_cpu_seconds_total',
  'strato_agent_instance_memory_bytes',
  'strato_agent_instance_memory_rss_bytes',
  'strato_agent_instance_disk_read_bytes_total',
  'strato_agent_instance_disk_write_bytes_total',
  'strato_agent_instance_network_receive_bytes_total',
  'strato_agent_instance_network_transmit_bytes_total',
  'strato_agent_instances_running',
  'strato_agent_instance_stats_failures_total',
];

/** Metric names a registry exports (histograms by their base name). */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^# TYPE (\S+) /.exec(line);
    if (m?.[1]) names.add(m[1]);
  }
  return names;
}

function conductorRegistry() {
  const m = conductorMetrics();
  clusterMetrics(m.registry, {
    hosts: async () => [],
    downTimeMs: 60_000,
    servers: { counts: () => new Map() },
    storeProblem: () => undefined,
  });
  return m;
}

function agentRegistry() {
  const m = agentMetrics();
  hostLinkMetrics(m.registry);
  instanceMetrics(m.registry, { source: { instanceStats: async () => [] }, connected: () => true });
  countNetworkApplies(m.registry, {
    apply: async () => ({ steps: [] }),
    plan: async () => [],
    teardown: async () => ({ steps: [] }),
    close: async () => {},
  });
  return m;
}

describe('metric names', () => {
  it("the conductor's registry exports strato's series and the process metrics", async () => {
    const names = namesIn(await conductorRegistry().registry.metrics());
    for (const n of CONDUCTOR_NAMES) assert.ok(names.has(n), n);
    assert.ok(names.has('process_cpu_seconds_total') && names.has('nodejs_eventloop_lag_seconds'));
  });

  it("the agent's registry exports strato's series and the process metrics", async () => {
    const names = namesIn(await agentRegistry().registry.metrics());
    for (const n of AGENT_NAMES) assert.ok(names.has(n), n);
    assert.ok(names.has('process_resident_memory_bytes'));
  });

  it("nothing lands in prom-client's global registry, and two daemons in one process do not clash", async () => {
    conductorRegistry();
    agentRegistry();
    assert.deepEqual(globalRegistry.getMetricsAsArray(), []);
  });

  it('the sample Grafana dashboard queries only names the daemons export', async () => {
    const dashboard = await readFile(new URL('../../../scripts/grafana/strato.json', import.meta.url), 'utf8');
    const known = new Set([...CONDUCTOR_NAMES, ...AGENT_NAMES]);
    const used = new Set([...dashboard.matchAll(/\b(strato_[a-z_]+?)(?:_bucket|_sum|_count)?\b/g)].map((m) => m[1]));
    assert.ok(used.size >= 15, `the dashboard uses ${used.size} strato metrics`);
    for (const n of used) assert.ok(known.has(n as string), `dashboard uses unknown metric ${n}`);
    JSON.parse(dashboard);
  });
});

describe('what the observers move', () => {
  it('gRPC calls: requests and latency per method, errors per method and code', async () => {
    const { registry, grpc } = conductorRegistry();
    grpc('/strato.compute.v1.Servers/CreateServer', 'OK', 0.02);
    grpc('/strato.compute.v1.Servers/CreateServer', 'INVALID_ARGUMENT', 0.001);
    const text = await registry.metrics();
    const method = { method: '/strato.compute.v1.Servers/CreateServer' };
    assert.equal(sampleValue(text, 'strato_grpc_server_requests_total', method), 2);
    assert.equal(sampleValue(text, 'strato_grpc_server_errors_total', { ...method, code: 'INVALID_ARGUMENT' }), 1);
    assert.equal(sampleValue(text, 'strato_grpc_server_errors_total', { ...method, code: 'OK' }), undefined);
    assert.equal(sampleValue(text, 'strato_grpc_server_request_duration_seconds_count', method), 2);
    assert.equal(
      sampleValue(text, 'strato_grpc_server_request_duration_seconds_bucket', { ...method, le: '0.025' }),
      2,
    );
    assert.equal(sampleValue(text, 'strato_grpc_server_request_duration_seconds_bucket', { ...method, le: '0.01' }), 1);
  });

  it('workflows: ends per kind and result with their duration; stalls per step', async () => {
    const { registry, workflows } = conductorRegistry();
    workflows.finished('boot', 'success', 3.2);
    workflows.finished('boot', 'error', 1.1);
    workflows.finished('delete', 'success', undefined);
    workflows.stepWaits('boot', 'spawn');
    workflows.stepFailed('delete', 'release');
    const text = await registry.metrics();
    assert.equal(sampleValue(text, 'strato_workflows_total', { kind: 'boot', result: 'success' }), 1);
    assert.equal(sampleValue(text, 'strato_workflows_total', { kind: 'boot', result: 'error' }), 1);
    assert.equal(sampleValue(text, 'strato_workflows_total', { kind: 'action', result: 'error' }), 0);
    assert.equal(sampleValue(text, 'strato_workflow_duration_seconds_sum', { kind: 'boot', result: 'success' }), 3.2);
    assert.equal(
      sampleValue(text, 'strato_workflow_duration_seconds_count', { kind: 'delete', result: 'success' }),
      undefined,
    );
    assert.equal(sampleValue(text, 'strato_workflow_step_waits_total', { kind: 'boot', step: 'spawn' }), 1);
    assert.equal(sampleValue(text, 'strato_workflow_step_failures_total', { kind: 'delete', step: 'release' }), 1);
  });

  it('the scheduler: decisions per result, and no valid host per filter that rejected', async () => {
    const { registry, scheduler } = conductorRegistry();
    scheduler.decided({ ok: true, placement: { hostId: 'hv-1', alternates: [] } }, 0.0004);
    const full = [
      { filter: 'up', rejected: 1 },
      { filter: 'ram', rejected: 3, examples: ['hv-2: needs 512 MiB'] },
    ];
    scheduler.decided({ ok: false, noValidHost: { reasons: full, hostCount: 4 } }, 0.0002);
    scheduler.decided({ ok: false, noValidHost: { reasons: [], hostCount: 0 } }, 0.0001);
    const text = await registry.metrics();
    assert.equal(sampleValue(text, 'strato_scheduler_decisions_total', { result: 'placed' }), 1);
    assert.equal(sampleValue(text, 'strato_scheduler_decisions_total', { result: 'no_valid_host' }), 2);
    assert.equal(sampleValue(text, 'strato_scheduler_no_valid_host_total', { filter: 'ram' }), 1);
    assert.equal(sampleValue(text, 'strato_scheduler_no_valid_host_total', { filter: 'up' }), 1);
    assert.equal(sampleValue(text, 'strato_scheduler_no_valid_host_total', { filter: 'none' }), 1);
    assert.equal(sampleValue(text, 'strato_scheduler_decision_duration_seconds_count', {}), 3);
  });
});
