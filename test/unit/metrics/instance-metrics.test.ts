// The agent's per-instance series: libvirt's flat all-domain stats become strato's
// counters (units converted, foreign domains left out), each scrape shows exactly
// the guests running now under their instance id, one libvirt call serves a whole
// scrape, and a scrape while libvirt is unreachable neither waits nor fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InstanceStats } from '../../../agent/hypervisor/instance-stats.ts';
import { instanceStatsOf } from '../../../agent/hypervisor/libvirt/instance-stats.ts';
import { instanceMetrics } from '../../../agent/metrics/instance-metrics.ts';
import { daemonRegistry } from '../../../common/metrics/registry.ts';
import { sampleValue } from '../../harness/metrics-scrape.ts';

const ID = '3f1c2a4e-8b7d-4c21-9e0f-1a2b3c4d5e6f';
const dom = (name: string) => ({ name, uuid: '', id: 1 });

describe('libvirt stats → instance counters', () => {
  it('converts units and keeps only strato domains', () => {
    const stats = instanceStatsOf([
      {
        domain: dom(`strato-${ID}`),
        stats: {
          'cpu.time': 2_500_000_000,
          'balloon.current': 262_144,
          'balloon.rss': 131_072,
          'block.count': 2,
          'block.0.name': 'vda',
          'block.0.rd.bytes': 4096n * 2n ** 40n,
          'block.0.wr.bytes': 512,
          'block.1.name': 'vdb',
          'net.count': 1,
          'net.0.name': 'tap3f1c2a4e-8b',
          'net.0.rx.bytes': 100,
          'net.0.tx.bytes': 200,
        },
      },
      { domain: dom('someone-elses-vm'), stats: { 'cpu.time': 1 } },
    ]);
    assert.deepEqual(stats, [
      {
        instanceId: ID,
        cpuSeconds: 2.5,
        memoryBytes: 256 * 1024 * 1024,
        memoryRssBytes: 128 * 1024 * 1024,
        disks: [
          { device: 'vda', readBytes: 4096 * 2 ** 40, writeBytes: 512 },
          { device: 'vdb', readBytes: 0, writeBytes: 0 },
        ],
        nics: [{ interface: 'tap3f1c2a4e-8b', rxBytes: 100, txBytes: 200 }],
      },
    ]);
  });

  it('a domain without counters (shut off) has none', () => {
    assert.deepEqual(instanceStatsOf([{ domain: dom(`strato-${ID}`), stats: {} }]), [
      { instanceId: ID, disks: [], nics: [] },
    ]);
  });
});

describe('per-instance metrics', () => {
  function setup(first: InstanceStats[]) {
    const registry = daemonRegistry('agent');
    let now = 0;
    let calls = 0;
    let connected = true;
    let current = first;
    instanceMetrics(registry, {
      source: {
        instanceStats: async () => {
          calls++;
          return current;
        },
      },
      connected: () => connected,
      clock: () => now,
    });
    return {
      registry,
      later: (ms: number) => {
        now += ms;
      },
      set: (s: InstanceStats[]) => {
        current = s;
      },
      drop: () => {
        connected = false;
      },
      calls: () => calls,
    };
  }
  const guest: InstanceStats = {
    instanceId: ID,
    cpuSeconds: 12.5,
    memoryBytes: 268_435_456,
    memoryRssBytes: 100_000_000,
    disks: [{ device: 'vda', readBytes: 1000, writeBytes: 2000 }],
    nics: [{ interface: 'tapabc', rxBytes: 30, txBytes: 40 }],
  };

  it('exports each running guest under its instance id, one libvirt call per scrape', async () => {
    const t = setup([guest]);
    const text = await t.registry.metrics();
    const id = { instance_id: ID };
    assert.equal(sampleValue(text, 'strato_agent_instance_cpu_seconds_total', id), 12.5);
    assert.equal(sampleValue(text, 'strato_agent_instance_memory_bytes', id), 268_435_456);
    assert.equal(sampleValue(text, 'strato_agent_instance_memory_rss_bytes', id), 100_000_000);
    assert.equal(sampleValue(text, 'strato_agent_instance_disk_read_bytes_total', { ...id, device: 'vda' }), 1000);
    assert.equal(sampleValue(text, 'strato_agent_instance_disk_write_bytes_total', { ...id, device: 'vda' }), 2000);
    assert.equal(
      sampleValue(text, 'strato_agent_instance_network_receive_bytes_total', { ...id, interface: 'tapabc' }),
      30,
    );
    assert.equal(
      sampleValue(text, 'strato_agent_instance_network_transmit_bytes_total', { ...id, interface: 'tapabc' }),
      40,
    );
    assert.equal(sampleValue(text, 'strato_agent_instances_running', {}), 1);
    assert.equal(t.calls(), 1);
  });

  it('follows the counters, and a deleted guest leaves the next scrape', async () => {
    const t = setup([guest]);
    await t.registry.metrics();
    t.later(5000);
    t.set([{ ...guest, cpuSeconds: 20 }]);
    assert.equal(
      sampleValue(await t.registry.metrics(), 'strato_agent_instance_cpu_seconds_total', { instance_id: ID }),
      20,
    );
    t.later(5000);
    t.set([]);
    const text = await t.registry.metrics();
    assert.equal(sampleValue(text, 'strato_agent_instance_cpu_seconds_total', { instance_id: ID }), undefined);
    assert.equal(sampleValue(text, 'strato_agent_instances_running', {}), 0);
  });

  it('while libvirt is unreachable: no per-instance series, no call, the miss counted', async () => {
    const t = setup([guest]);
    t.drop();
    const text = await t.registry.metrics();
    assert.equal(t.calls(), 0);
    assert.equal(sampleValue(text, 'strato_agent_instance_cpu_seconds_total', { instance_id: ID }), undefined);
    assert.equal(sampleValue(text, 'strato_agent_instance_stats_failures_total', {}), 1);
  });
});
