// strato host list|show|enable|disable (admin only).
import type { Command } from 'commander';
import type { Host__Output } from '../../common/gen/strato/host/v1/Host.ts';
import { allPages, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { type Column, renderList, renderShow } from '../output.ts';

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
  ...resourceColumns(usageDetail),
  { header: 'Last Heartbeat', get: (h) => h.lastHeartbeatAt },
  { header: 'Virt Type', get: (h) => h.virtType },
  { header: 'Agent Version', get: (h) => h.agentVersion },
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
}
