// strato host list|show|enable|disable|evacuate|certificate (admin only). `show` is what an operator
// reads first about a host: state, capacity and usage, how long its agent runs and
// when it was last heard from, why it is degraded, and the orphans it holds.
import type { Command } from 'commander';
import type { Host__Output } from '../../common/gen/strato/host/v1/Host.ts';
import { allPages, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { type Column, renderList, renderShow } from '../output.ts';
import { registerHostCertificate } from './host-certificate.ts';
import { registerHostEvacuate } from './host-evacuate.ts';
import { registerHostDrainCommand } from './server-move-drain.ts';

type Resource = 'vcpus' | 'ramMib' | 'diskGib';
const RATIO_OF = { vcpus: 'cpu', ramMib: 'ram', diskGib: 'disk' } as const;

/** 4 → "4.0", 1.5 → "1.5": a ratio reads as a factor. */
const factor = (r: number) => (Number.isInteger(r) ? r.toFixed(1) : String(r));

/**
 * Used against what the scheduler may place (its over-commit applied), the
 * one comparison that says whether a host is full: `8/8` in lists.
 * A conductor from before `usable` existed sends none: used/physical then.
 */
export function usedOfUsable(h: Host__Output, k: Resource): string {
  return `${h.usage?.[k] ?? 0}/${h.usable ? h.usable[k] : (h.capacity?.[k] ?? 0)}`;
}

/** `8 / 8 (2 physical × 4.0)`, with `(2 physical − 1 reserved) × 4.0` when some is reserved. */
export function usageDetail(h: Host__Output, k: Resource): string {
  const used = h.usage?.[k] ?? 0;
  const physical = h.capacity?.[k] ?? 0;
  if (!h.usable || !h.allocationRatio) return `${used} / ${physical} physical`;
  const reserved = h.reserved?.[k] ?? 0;
  const base = reserved > 0 ? `(${physical} physical − ${reserved} reserved)` : `${physical} physical`;
  return `${used} / ${h.usable[k]} (${base} × ${factor(h.allocationRatio[RATIO_OF[k]])})`;
}

/** 0 → "0s", 75 → "1m 15s", 93784 → "1d 2h 3m": the two largest units. */
export function formatDuration(totalS: number): string {
  const s = Math.max(0, Math.floor(totalS));
  const parts: [number, string][] = [
    [Math.floor(s / 86_400), 'd'],
    [Math.floor((s % 86_400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'm'],
    [s % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return '0s';
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n}${u}`)
    .join(' ');
}

/** `5h 2m (since 2026-…)`; the start alone while the host is down (its uptime is unknown then). */
export function uptimeCell(h: Host__Output): string {
  if (!h.agentStartedAt) return '';
  if (h.state !== 'up') return `unknown while down (started ${h.agentStartedAt})`;
  return `${formatDuration(h.uptimeS)} (since ${h.agentStartedAt})`;
}

/** `2026-… (4s ago)`, by this machine's clock; 'never' before the first. */
export function heartbeatCell(h: Host__Output, nowMs: number = Date.now()): string {
  const at = Date.parse(h.lastHeartbeatAt);
  if (!h.lastHeartbeatAt || !Number.isFinite(at)) return 'never';
  return `${h.lastHeartbeatAt} (${formatDuration((nowMs - at) / 1000)} ago)`;
}

/** One reason a line; 'none' when healthy (as last reported: a down host's may be stale). */
export function degradedCell(h: Host__Output): string {
  if (h.degradedReasons.length === 0) return 'none';
  const lines = h.degradedReasons.join('\n');
  return h.state === 'up' ? lines : `${lines}\n(as last reported; the host is down)`;
}

const ORPHAN_LABELS: Record<keyof NonNullable<Host__Output['orphans']>, string> = {
  domains: 'domains',
  taps: 'taps',
  bridges: 'bridges',
  namespaces: 'namespaces',
  nftChains: 'nft chains',
  tgtTargets: 'tgt targets',
  libvirtSecrets: 'libvirt secrets',
  imageCacheFiles: 'image cache files',
  instanceDirs: 'instance dirs',
  domainLogs: 'domain logs',
};

/** `none`, or one `kind: n` line per kind the host holds orphans of. */
export function orphansCell(h: Host__Output): string {
  const o = h.orphans;
  const lines = o
    ? Object.entries(ORPHAN_LABELS).flatMap(([k, label]) => {
        const n = o[k as keyof typeof ORPHAN_LABELS];
        return n > 0 ? [`${label}: ${n}`] : [];
      })
    : [];
  return lines.length === 0 ? 'none' : lines.join('\n');
}

const IDENTITY: Column<Host__Output>[] = [
  { header: 'ID', get: (h) => h.id },
  { header: 'Address', get: (h) => h.address },
  { header: 'State', get: (h) => h.state },
  { header: 'Enabled', get: (h) => h.enabled },
];

const resourceColumns = (text: (h: Host__Output, k: Resource) => string): Column<Host__Output>[] => [
  { header: 'vCPUs', get: (h) => text(h, 'vcpus') },
  { header: 'RAM (MiB)', get: (h) => text(h, 'ramMib') },
  { header: 'Disk (GiB)', get: (h) => text(h, 'diskGib') },
  { header: 'Instances', get: (h) => h.instanceCount },
];

export const HOST_COLUMNS: Column<Host__Output>[] = [...IDENTITY, ...resourceColumns(usedOfUsable)];

const HOST_FIELDS: Column<Host__Output>[] = [
  ...IDENTITY,
  { header: 'Degraded', get: degradedCell },
  ...resourceColumns(usageDetail),
  { header: 'Last Heartbeat', get: (h) => heartbeatCell(h) },
  { header: 'Uptime', get: uptimeCell },
  { header: 'Agent Version', get: (h) => h.agentVersion },
  { header: 'Virt Type', get: (h) => h.virtType },
  { header: 'Orphans', get: orphansCell },
];

export function registerHost(program: Command, ctx: Ctx): void {
  const host = program.command('host').description('hypervisor hosts (admin only)');

  host
    .command('list')
    .description('list hosts with state and usage (used/usable: what the scheduler may place, over-commit applied)')
    .action(async (_o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).hosts();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListHosts({ pageToken });
        return { items: r.hosts, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, HOST_COLUMNS, ctx.output(cmd)));
    });

  host
    .command('show')
    .description('show a host')
    .argument('<host>', 'host id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).hosts();
      ctx.print(renderShow(await api.GetHost({ host: ref }), HOST_FIELDS, ctx.output(cmd)));
    });

  for (const enabled of [true, false]) {
    host
      .command(enabled ? 'enable' : 'disable')
      .description(enabled ? 'let the scheduler place servers on a host' : 'place no new servers on a host')
      .argument('<host>', 'host id', nameOrId)
      .action(async (ref: string, _o: unknown, cmd: Command) => {
        const api = await (await ctx.session(cmd)).hosts();
        ctx.print(renderShow(await api.SetHostEnabled({ host: ref, enabled }), HOST_FIELDS, ctx.output(cmd)));
      });
  }

  registerHostEvacuate(host, ctx);
  registerHostDrainCommand(host, ctx);
  registerHostCertificate(host, ctx);
}
