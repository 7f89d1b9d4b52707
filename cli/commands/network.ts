// strato network create|list|show|delete
import { type Command, Option } from 'commander';
import type { Network__Output } from '../../common/gen/strato/network/v1/Network.ts';
import { allPages, matchingName, nameOrId, nameRegExp, positiveInt } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { type Column, renderList, renderShow } from '../output.ts';
import { ifname } from './network-args.ts';

export const NETWORK_COLUMNS: Column<Network__Output>[] = [
  { header: 'ID', get: (n) => n.id },
  { header: 'Name', get: (n) => n.name },
  { header: 'Type', get: (n) => n.providerType },
  { header: 'Segment', get: (n) => (n.providerType === 'flat' ? n.physicalBridge : n.segmentationId) },
  { header: 'MTU', get: (n) => n.mtu },
  { header: 'Subnets', get: (n) => n.subnetIds },
  { header: 'External', get: (n) => n.external },
];

const NETWORK_FIELDS: Column<Network__Output>[] = [
  { header: 'ID', get: (n) => n.id },
  { header: 'Name', get: (n) => n.name },
  { header: 'Provider Type', get: (n) => n.providerType },
  { header: 'Segmentation ID', get: (n) => n.segmentationId || '' },
  { header: 'Physical Bridge', get: (n) => n.physicalBridge },
  { header: 'MTU', get: (n) => n.mtu },
  { header: 'Subnets', get: (n) => n.subnetIds },
  { header: 'DHCP MAC', get: (n) => n.dhcpMacAddress },
  { header: 'External', get: (n) => n.external },
  { header: 'Project', get: (n) => n.projectId },
  { header: 'Created', get: (n) => n.createdAt },
];

export interface NetworkCreateOpts {
  providerType?: 'vxlan' | 'flat';
  physicalBridge?: string;
  mtu?: number;
  external?: boolean;
}

/** The CreateNetwork request, or a usage error for flags that cannot go together. */
export function networkRequest(name: string, o: NetworkCreateOpts) {
  const type = o.providerType ?? 'vxlan';
  if (type === 'flat' && !o.physicalBridge) throw usageError('--provider-type flat needs --physical-bridge');
  if (type === 'vxlan' && o.physicalBridge !== undefined) {
    throw usageError('--physical-bridge is only for --provider-type flat');
  }
  if (o.external && type !== 'flat') throw usageError('--external needs --provider-type flat');
  const req = { name, providerType: type, physicalBridge: o.physicalBridge ?? '', mtu: o.mtu ?? 0 };
  return o.external ? { ...req, external: true } : req;
}

export function registerNetwork(program: Command, ctx: Ctx): void {
  const network = program.command('network').description('networks: layer-2 segments ports attach to');

  network
    .command('create')
    .description('create a network (an isolated VXLAN overlay, or flat on an operator bridge)')
    .argument('<name>', 'network name', nameOrId)
    .addOption(new Option('--provider-type <type>', 'vxlan (default) or flat (admins only)').choices(['vxlan', 'flat']))
    .option('--physical-bridge <bridge>', "the operator's Linux bridge of a flat network", ifname)
    .option('--mtu <n>', 'MTU (default: underlay MTU - 50 for vxlan, the underlay MTU for flat)', positiveInt)
    .option('--external', 'an external network for router gateways and floating IPs (admins only, flat only)')
    .action(async (name: string, o: NetworkCreateOpts, cmd: Command) => {
      const req = networkRequest(name, o);
      const api = await (await ctx.session(cmd)).networks();
      ctx.print(renderShow(await api.CreateNetwork(req), NETWORK_FIELDS, ctx.output(cmd)));
    });

  network
    .command('list')
    .description('list networks')
    .option('--all-projects', "every project's networks (admin only)")
    .option('--name <regex>', 'only networks whose name matches this regular expression', nameRegExp)
    .action(async (o: { allProjects?: boolean; name?: RegExp }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).networks();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListNetworks({ pageToken, allProjects: !!o.allProjects });
        return { items: r.networks, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(matchingName(items, o.name), NETWORK_COLUMNS, ctx.output(cmd)));
    });

  network
    .command('show')
    .description('show a network')
    .argument('<network>', 'network name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).networks();
      ctx.print(renderShow(await api.GetNetwork({ network: ref }), NETWORK_FIELDS, ctx.output(cmd)));
    });

  network
    .command('delete')
    .description('delete networks with their subnets (delete their ports first)')
    .argument('<network...>', 'network names or ids')
    .action(async (refs: string[], _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).networks();
      for (const ref of refs) await api.DeleteNetwork({ network: ref });
    });
}
