// strato router create|list|show|set|unset|delete, router add|remove subnet
import type { Command } from 'commander';
import type { Router__Output } from '../../common/gen/strato/network/v1/Router.ts';
import { allPages, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { type Column, renderList, renderShow } from '../output.ts';

const gatewayText = (r: Router__Output): string => {
  const g = r.externalGateway;
  if (!g) return '';
  return `network_id=${g.networkId}, ip_address=${g.ipAddress}, enable_snat=${g.enableSnat}`;
};
const interfacesText = (r: Router__Output): string[] =>
  r.interfaces.map((i) => `subnet_id=${i.subnetId}, ip_address=${i.ipAddress}, port_id=${i.portId}`);

export const ROUTER_COLUMNS: Column<Router__Output>[] = [
  { header: 'ID', get: (r) => r.id },
  { header: 'Name', get: (r) => r.name },
  { header: 'Status', get: (r) => r.status },
  { header: 'External Gateway', get: gatewayText },
  { header: 'Project', get: (r) => r.projectId },
];

const ROUTER_FIELDS: Column<Router__Output>[] = [
  ...ROUTER_COLUMNS.slice(0, 4),
  { header: 'Interfaces', get: interfacesText },
  { header: 'Host', get: (r) => r.host },
  { header: 'Project', get: (r) => r.projectId },
  { header: 'Created', get: (r) => r.createdAt },
  { header: 'Updated', get: (r) => r.updatedAt },
];

interface SnatOpts {
  disableSnat?: boolean;
  enableSnat?: boolean;
}

/** --disable-snat or --enable-snat (default: SNAT on, as Neutron). */
function disableSnat(o: SnatOpts): boolean {
  if (o.disableSnat && o.enableSnat) throw usageError('give --enable-snat or --disable-snat, not both');
  return !!o.disableSnat;
}

export function registerRouter(program: Command, ctx: Ctx): void {
  const router = program
    .command('router')
    .description('routers: join subnets to each other and to an external network (SNAT, floating IPs)');

  router
    .command('create')
    .description('create a router (on a host with the network role)')
    .argument('<name>', 'router name', nameOrId)
    .option('--external-gateway <network>', 'an external network for its gateway (name or id)', nameOrId)
    .option('--disable-snat', "no SNAT for the router's subnets through the gateway")
    .action(async (name: string, o: { externalGateway?: string } & SnatOpts, cmd: Command) => {
      if (o.disableSnat && !o.externalGateway) throw usageError('--disable-snat needs --external-gateway');
      const api = await (await ctx.session(cmd)).routers();
      const r = await api.CreateRouter({
        name,
        externalGateway: o.externalGateway ?? '',
        disableSnat: disableSnat(o),
      });
      ctx.print(renderShow(r, ROUTER_FIELDS, ctx.output(cmd)));
    });

  router
    .command('list')
    .description('list routers')
    .option('--all-projects', "every project's routers (admin only)")
    .action(async (o: { allProjects?: boolean }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).routers();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListRouters({ pageToken, allProjects: !!o.allProjects });
        return { items: r.routers, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, ROUTER_COLUMNS, ctx.output(cmd)));
    });

  router
    .command('show')
    .description('show a router with its gateway and interfaces')
    .argument('<router>', 'router name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).routers();
      ctx.print(renderShow(await api.GetRouter({ router: ref }), ROUTER_FIELDS, ctx.output(cmd)));
    });

  router
    .command('set')
    .description("set a router's name or external gateway (and its SNAT)")
    .argument('<router>', 'router name or id', nameOrId)
    .option('--name <name>', 'a new name', nameOrId)
    .option('--external-gateway <network>', 'an external network for its gateway (name or id)', nameOrId)
    .option('--disable-snat', 'no SNAT through the gateway')
    .option('--enable-snat', 'SNAT through the gateway (the default)')
    .action(async (ref: string, o: { name?: string; externalGateway?: string } & SnatOpts, cmd: Command) => {
      if (o.name === undefined && o.externalGateway === undefined) {
        throw usageError('give --name or --external-gateway');
      }
      if ((o.disableSnat || o.enableSnat) && !o.externalGateway) {
        throw usageError('--enable-snat and --disable-snat need --external-gateway');
      }
      const api = await (await ctx.session(cmd)).routers();
      let r = await api.GetRouter({ router: ref });
      if (o.name !== undefined) r = await api.UpdateRouter({ router: r.id, name: o.name });
      if (o.externalGateway !== undefined) {
        r = await api.SetRouterGateway({
          router: r.id,
          externalNetwork: o.externalGateway,
          disableSnat: disableSnat(o),
        });
      }
      ctx.print(renderShow(r, ROUTER_FIELDS, ctx.output(cmd)));
    });

  router
    .command('unset')
    .description("remove a router's external gateway (its address is freed)")
    .argument('<router>', 'router name or id', nameOrId)
    .option('--external-gateway', 'remove the external gateway')
    .action(async (ref: string, o: { externalGateway?: boolean }, cmd: Command) => {
      if (!o.externalGateway) throw usageError('give --external-gateway (the only thing to unset)');
      const api = await (await ctx.session(cmd)).routers();
      ctx.print(renderShow(await api.ClearRouterGateway({ router: ref }), ROUTER_FIELDS, ctx.output(cmd)));
    });

  router
    .command('delete')
    .description('delete routers (remove their subnets first)')
    .argument('<router...>', 'router names or ids')
    .action(async (refs: string[], _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).routers();
      for (const ref of refs) await api.DeleteRouter({ router: ref });
    });

  router
    .command('add')
    .description('join a subnet to a router')
    .command('subnet')
    .description("join a subnet (the router takes the subnet's gateway address)")
    .argument('<router>', 'router name or id', nameOrId)
    .argument('<subnet>', 'subnet name or id', nameOrId)
    .action(async (ref: string, subnet: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).routers();
      await api.AddRouterInterface({ router: ref, subnet });
    });

  router
    .command('remove')
    .description('take a subnet off a router')
    .command('subnet')
    .description('take a subnet off a router (its interface port is deleted)')
    .argument('<router>', 'router name or id', nameOrId)
    .argument('<subnet>', 'subnet name or id', nameOrId)
    .action(async (ref: string, subnet: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).routers();
      await api.RemoveRouterInterface({ router: ref, subnet });
    });
}
