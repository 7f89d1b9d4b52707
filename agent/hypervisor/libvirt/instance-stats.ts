// libvirt's all-domain stats (flat typed params: `cpu.time`, `block.0.rd.bytes`,
// `net.1.name` …) → strato's per-instance counters. Pure; domains that are not
// strato's (not named strato-<uuid>) are left out. Units: cpu.time is in ns,
// balloon.* in KiB, block and net counters in bytes.
import { instanceIdFromDomainName } from '../domain-name.ts';
import type { DiskCounters, InstanceStats, NicCounters } from '../instance-stats.ts';
import type { DomainStats } from './domain-ops.ts';
import { StatsGroups } from './flags.ts';
import type { TypedParams } from './typed-params.ts';

/** The groups instanceStatsOf reads. */
export const INSTANCE_STATS_GROUPS =
  StatsGroups.CPU_TOTAL | StatsGroups.BALLOON | StatsGroups.INTERFACE | StatsGroups.BLOCK;

/** A counter as a number (bigints past 2^53 lose precision, not magnitude); undefined when absent. */
function num(stats: TypedParams, key: string): number | undefined {
  const v = stats[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

function str(stats: TypedParams, key: string): string | undefined {
  const v = stats[key];
  return typeof v === 'string' ? v : undefined;
}

/** Indexed entries `<prefix>.<i>.…` for i below `<prefix>.count`. */
function indexed<T>(stats: TypedParams, prefix: string, read: (at: (field: string) => string) => T | undefined): T[] {
  const count = num(stats, `${prefix}.count`) ?? 0;
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    const item = read((field) => `${prefix}.${i}.${field}`);
    if (item !== undefined) out.push(item);
  }
  return out;
}

export function instanceStatsOf(all: readonly DomainStats[]): InstanceStats[] {
  const out: InstanceStats[] = [];
  for (const { domain, stats } of all) {
    const instanceId = instanceIdFromDomainName(domain.name);
    if (instanceId === undefined) continue;
    const cpuNs = num(stats, 'cpu.time');
    const balloon = num(stats, 'balloon.current');
    const rss = num(stats, 'balloon.rss');
    const disks = indexed<DiskCounters>(stats, 'block', (at) => {
      const device = str(stats, at('name'));
      if (device === undefined) return undefined;
      return { device, readBytes: num(stats, at('rd.bytes')) ?? 0, writeBytes: num(stats, at('wr.bytes')) ?? 0 };
    });
    const nics = indexed<NicCounters>(stats, 'net', (at) => {
      const name = str(stats, at('name'));
      if (name === undefined) return undefined;
      return { interface: name, rxBytes: num(stats, at('rx.bytes')) ?? 0, txBytes: num(stats, at('tx.bytes')) ?? 0 };
    });
    out.push({
      instanceId,
      ...(cpuNs === undefined ? {} : { cpuSeconds: cpuNs / 1e9 }),
      ...(balloon === undefined ? {} : { memoryBytes: balloon * 1024 }),
      ...(rss === undefined ? {} : { memoryRssBytes: rss * 1024 }),
      disks,
      nics,
    });
  }
  return out;
}
