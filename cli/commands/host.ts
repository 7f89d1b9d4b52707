// strato host list|show|enable|disable (admin only).
import type { Command } from 'commander';
import type { Host__Output } from '../../common/gen/strato/host/v1/Host.ts';
import { allPages, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { type Column, renderList, renderShow } from '../output.ts';

const used = (h: Host__Output, k: 'vcpus' | 'ramMib' | 'diskGib') => `${h.usage?.[k] ?? 0}/${h.capacity?.[k] ?? 0}`;

export const HOST_COLUMNS: Column<Host__Output>[] = [
  { header: 'ID', get: (h) => h.id },
  { header: 'Address', get: (h) => h.address },
  { header: 'State', get: (h) => h.state },
  { header: 'Enabled', get: (h) => h.enabled },
  { header: 'vCPUs', get: (h) => used(h, 'vcpus') },
  { header: 'RAM (MiB)', get: (h) => used(h, 'ramMib') },
  { header: 'Disk (GiB)', get: (h) => used(h, 'diskGib') },
  { header: 'Instances', get: (h) => h.instanceCount },
];

const HOST_FIELDS: Column<Host__Output>[] = [
  ...HOST_COLUMNS,
  { header: 'Last Heartbeat', get: (h) => h.lastHeartbeatAt },
  { header: 'Virt Type', get: (h) => h.virtType },
  { header: 'Agent Version', get: (h) => h.agentVersion },
];

export function registerHost(program: Command, ctx: Ctx): void {
  const host = program.command('host').description('hypervisor hosts (admin only)');

  host
    .command('list')
    .description('list hosts with state and usage (used/capacity)')
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
