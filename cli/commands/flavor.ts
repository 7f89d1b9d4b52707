// strato flavor create|list|show|delete
import type { Command } from 'commander';
import type { Flavor__Output } from '../../common/gen/strato/compute/v1/Flavor.ts';
import { allPages, nameOrId, positiveInt } from '../args.ts';
import type { Ctx } from '../context.ts';
import { type Column, renderList, renderShow } from '../output.ts';

export const FLAVOR_COLUMNS: Column<Flavor__Output>[] = [
  { header: 'ID', get: (f) => f.id },
  { header: 'Name', get: (f) => f.name },
  { header: 'vCPUs', get: (f) => f.vcpus },
  { header: 'RAM (MiB)', get: (f) => f.ramMib },
  { header: 'Disk (GiB)', get: (f) => f.diskGib },
];

const FLAVOR_FIELDS: Column<Flavor__Output>[] = [...FLAVOR_COLUMNS, { header: 'Created', get: (f) => f.createdAt }];

export function registerFlavor(program: Command, ctx: Ctx): void {
  const flavor = program.command('flavor').description('flavors: named instance sizes (admins create them)');

  flavor
    .command('create')
    .description('create a flavor')
    .argument('<name>', 'flavor name', nameOrId)
    .requiredOption('--vcpus <n>', 'virtual CPUs', positiveInt)
    .requiredOption('--ram <MiB>', 'memory in MiB', positiveInt)
    .requiredOption('--disk <GiB>', 'root disk in GiB', positiveInt)
    .action(async (name: string, o: { vcpus: number; ram: number; disk: number }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).flavors();
      const f = await api.CreateFlavor({ name, vcpus: o.vcpus, ramMib: o.ram, diskGib: o.disk });
      ctx.print(renderShow(f, FLAVOR_FIELDS, ctx.output(cmd)));
    });

  flavor
    .command('list')
    .description('list flavors')
    .action(async (_o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).flavors();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListFlavors({ pageToken });
        return { items: r.flavors, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, FLAVOR_COLUMNS, ctx.output(cmd)));
    });

  flavor
    .command('show')
    .description('show a flavor')
    .argument('<flavor>', 'flavor name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).flavors();
      ctx.print(renderShow(await api.GetFlavor({ flavor: ref }), FLAVOR_FIELDS, ctx.output(cmd)));
    });

  flavor
    .command('delete')
    .description('delete flavors (servers keep the flavor they were booted with)')
    .argument('<flavor...>', 'flavor names or ids')
    .action(async (refs: string[], _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).flavors();
      for (const ref of refs) await api.DeleteFlavor({ flavor: ref });
    });
}
