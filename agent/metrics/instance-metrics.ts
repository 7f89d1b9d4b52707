// Per-instance CPU, memory, disk and network counters, read from the hypervisor at
// scrape time (libvirt's all-domain stats: one call for every guest) and cached for
// a moment, so the several metrics of one scrape share one call. Each scrape
// reports exactly the instances running now: a deleted guest's series end with it.
// While libvirt is unreachable the per-instance series are left out (a scrape must
// not wait for a reconnect) and the miss is counted. The label is `instance_id`:
// `instance` is Prometheus's own (the scrape target).
import { Counter, Gauge, type Registry } from 'prom-client';
import { sharedReading } from '../../common/metrics/shared-reading.ts';
import type { InstanceStats, InstanceStatsSource } from '../hypervisor/instance-stats.ts';

export interface InstanceMetricsOptions {
  source: InstanceStatsSource;
  /** False while the hypervisor cannot be asked. */
  connected: () => boolean;
  /** How long one reading serves. @default 2000 */
  cacheMs?: number;
  /** @default Date.now */
  clock?: () => number;
}

/** A counter whose values are the source's own running totals: reset and set at each collect. */
function totals<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[],
  read: () => Promise<Array<[Record<L, string>, number]>>,
): void {
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      const rows = await read();
      this.reset();
      for (const [labels, value] of rows) this.inc(labels, value);
    },
  });
}

export function instanceMetrics(registry: Registry, o: InstanceMetricsOptions): void {
  const clock = o.clock ?? Date.now;
  const cacheMs = o.cacheMs ?? 2000;
  const failures = new Counter({
    name: 'strato_agent_instance_stats_failures_total',
    help: 'Scrapes that could not read the guests\u2019 counters (libvirt unreachable or failing).',
    registers: [registry],
  });
  const failed = (): InstanceStats[] => {
    failures.inc();
    return [];
  };
  const stats = sharedReading(
    () => (o.connected() ? o.source.instanceStats().catch(failed) : Promise.resolve(failed())),
    cacheMs,
    clock,
  );
  const perInstance = async (pick: (s: InstanceStats) => number | undefined) =>
    (await stats()).flatMap((s): Array<[Record<'instance_id', string>, number]> => {
      const v = pick(s);
      return v === undefined ? [] : [[{ instance_id: s.instanceId }, v]];
    });
  const perDisk = async (pick: (d: InstanceStats['disks'][number]) => number) =>
    (await stats()).flatMap((s) =>
      s.disks.map((d): [Record<'instance_id' | 'device', string>, number] => [
        { instance_id: s.instanceId, device: d.device },
        pick(d),
      ]),
    );
  const perNic = async (pick: (n: InstanceStats['nics'][number]) => number) =>
    (await stats()).flatMap((s) =>
      s.nics.map((n): [Record<'instance_id' | 'interface', string>, number] => [
        { instance_id: s.instanceId, interface: n.interface },
        pick(n),
      ]),
    );

  totals(
    registry,
    'strato_agent_instance_cpu_seconds_total',
    'CPU time the guest used, all vCPUs.',
    ['instance_id'],
    () => perInstance((s) => s.cpuSeconds),
  );
  for (const [name, help, pick] of [
    [
      'strato_agent_instance_memory_bytes',
      'Memory the guest has now (its balloon).',
      (s: InstanceStats) => s.memoryBytes,
    ],
    [
      'strato_agent_instance_memory_rss_bytes',
      'Memory the guest\u2019s QEMU process holds resident on the host.',
      (s: InstanceStats) => s.memoryRssBytes,
    ],
  ] as const) {
    new Gauge({
      name,
      help,
      labelNames: ['instance_id'],
      registers: [registry],
      async collect() {
        const rows = await perInstance(pick);
        this.reset();
        for (const [labels, value] of rows) this.set(labels, value);
      },
    });
  }
  totals(
    registry,
    'strato_agent_instance_disk_read_bytes_total',
    'Bytes the guest read, per disk.',
    ['instance_id', 'device'],
    () => perDisk((d) => d.readBytes),
  );
  totals(
    registry,
    'strato_agent_instance_disk_write_bytes_total',
    'Bytes the guest wrote, per disk.',
    ['instance_id', 'device'],
    () => perDisk((d) => d.writeBytes),
  );
  totals(
    registry,
    'strato_agent_instance_network_receive_bytes_total',
    'Bytes the guest received, per NIC (named by its host tap).',
    ['instance_id', 'interface'],
    () => perNic((n) => n.rxBytes),
  );
  totals(
    registry,
    'strato_agent_instance_network_transmit_bytes_total',
    'Bytes the guest sent, per NIC (named by its host tap).',
    ['instance_id', 'interface'],
    () => perNic((n) => n.txBytes),
  );
  new Gauge({
    name: 'strato_agent_instances_running',
    help: 'Strato guests running on the host (those with counters in this scrape).',
    registers: [registry],
    async collect() {
      this.set((await stats()).length);
    },
  });
}
