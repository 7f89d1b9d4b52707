// strato subnet create|list|show|delete
import type { Command } from 'commander';
import type { AllocationPool } from '../../common/gen/strato/network/v1/AllocationPool.ts';
import type { Subnet__Output } from '../../common/gen/strato/network/v1/Subnet.ts';
import { allPages, collect, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { type Column, renderList, renderShow } from '../output.ts';
import { namesById, printsColumn } from './names.ts';
import { allocationPool, cidr, gateway, ipv4 } from './network-args.ts';

/** `names`: network id -> name, for the list (a show prints the id). */
export const subnetColumns = (names: ReadonlyMap<string, string> = new Map()): Column<Subnet__Output>[] => [
  { header: 'ID', get: (s) => s.id },
  { header: 'Name', get: (s) => s.name },
  { header: 'Network', get: (s) => names.get(s.networkId) || s.networkId },
  { header: 'CIDR', get: (s) => s.cidr },
  { header: 'Gateway', get: (s) => s.gatewayIp },
  { header: 'DHCP', get: (s) => s.enableDhcp },
];

const SUBNET_FIELDS: Column<Subnet__Output>[] = [
  ...subnetColumns(),
  { header: 'Allocation Pools', get: (s) => s.allocationPools.map((p) => `${p.start}-${p.end}`) },
  { header: 'DNS Servers', get: (s) => s.dnsServers },
  { header: 'DHCP Server', get: (s) => s.dhcpServerIp },
  { header: 'Project', get: (s) => s.projectId },
  { header: 'Created', get: (s) => s.createdAt },
];

export interface SubnetCreateOpts {
  network: string;
  cidr: string;
  gateway?: string;
  allocationPool?: AllocationPool[];
  dns?: string[];
  /** commander's --no-dhcp: false when given. */
  dhcp: boolean;
}

export function subnetRequest(name: string, o: SubnetCreateOpts) {
  return {
    name,
    network: o.network,
    cidr: o.cidr,
    gatewayIp: o.gateway ?? '',
    allocationPools: o.allocationPool ?? [],
    dnsServers: o.dns ?? [],
    disableDhcp: !o.dhcp,
  };
}

const dnsServer = (value: string, previous: string[] | undefined): string[] => collect(ipv4(value), previous);

export function registerSubnet(program: Command, ctx: Ctx): void {
  const subnet = program.command('subnet').description('subnets: IPv4 ranges on a network');

  subnet
    .command('create')
    .description('create a subnet on a network')
    .argument('<name>', 'subnet name', nameOrId)
    .requiredOption('--network <network>', 'network name or id', nameOrId)
    .requiredOption('--cidr <cidr>', 'the range, e.g. 10.0.0.0/24', cidr)
    .option('--gateway <ip|none>', "the gateway address (default: the first host address), or 'none'", gateway)
    .option('--allocation-pool <start=IP,end=IP>', 'addresses given to ports (repeatable)', allocationPool)
    .option('--dns <ip>', 'a DNS server for DHCP clients (repeatable)', dnsServer)
    .option('--no-dhcp', 'no DHCP server on this subnet')
    .action(async (name: string, o: SubnetCreateOpts, cmd: Command) => {
      const api = await (await ctx.session(cmd)).subnets();
      ctx.print(renderShow(await api.CreateSubnet(subnetRequest(name, o)), SUBNET_FIELDS, ctx.output(cmd)));
    });

  subnet
    .command('list')
    .description('list subnets')
    .option('--network <network>', "only this network's subnets", nameOrId)
    .option('--all-projects', "every project's subnets (admin only)")
    .action(async (o: { network?: string; allProjects?: boolean }, cmd: Command) => {
      const session = await ctx.session(cmd);
      const api = await session.subnets();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListSubnets({ pageToken, network: o.network ?? '', allProjects: !!o.allProjects });
        return { items: r.subnets, nextPageToken: r.nextPageToken };
      });
      const out = ctx.output(cmd);
      const names =
        printsColumn(out, 'Network') && items.length > 0
          ? await namesById(async (pageToken) => {
              const r = await (await session.networks()).ListNetworks({ pageToken, allProjects: !!o.allProjects });
              return { items: r.networks, nextPageToken: r.nextPageToken };
            })
          : undefined;
      ctx.print(renderList(items, subnetColumns(names), out));
    });

  subnet
    .command('show')
    .description('show a subnet')
    .argument('<subnet>', 'subnet name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).subnets();
      ctx.print(renderShow(await api.GetSubnet({ subnet: ref }), SUBNET_FIELDS, ctx.output(cmd)));
    });

  subnet
    .command('delete')
    .description('delete subnets (no port may hold an address on them)')
    .argument('<subnet...>', 'subnet names or ids')
    .action(async (refs: string[], _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).subnets();
      for (const ref of refs) await api.DeleteSubnet({ subnet: ref });
    });
}
