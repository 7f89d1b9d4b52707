// strato floating ip create|list|show|set|unset|delete, and
// strato server add|remove floating ip
import type { Command } from 'commander';
import type { FloatingIp__Output } from '../../common/gen/strato/network/v1/FloatingIp.ts';
import { allPages, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { CliError, usageError } from '../errors.ts';
import { type Column, renderList, renderShow } from '../output.ts';
import { ipv4 } from './network-args.ts';

export const FLOATING_IP_COLUMNS: Column<FloatingIp__Output>[] = [
  { header: 'ID', get: (f) => f.id },
  { header: 'Floating IP Address', get: (f) => f.floatingIpAddress },
  { header: 'Fixed IP Address', get: (f) => f.fixedIpAddress },
  { header: 'Port', get: (f) => f.portId },
  { header: 'Floating Network', get: (f) => f.floatingNetworkId },
  { header: 'Project', get: (f) => f.projectId },
];

const FLOATING_IP_FIELDS: Column<FloatingIp__Output>[] = [
  ...FLOATING_IP_COLUMNS.slice(0, 5),
  { header: 'Subnet', get: (f) => f.subnetId },
  { header: 'Router', get: (f) => f.routerId },
  { header: 'Server', get: (f) => f.serverId },
  { header: 'Status', get: (f) => f.status },
  { header: 'Project', get: (f) => f.projectId },
  { header: 'Created', get: (f) => f.createdAt },
  { header: 'Updated', get: (f) => f.updatedAt },
];

export function registerFloatingIp(program: Command, ctx: Ctx): void {
  const fip = program
    .command('floating')
    .description('floating IPs')
    .command('ip')
    .description('floating IPs: addresses of an external network that reach a port through its router');

  fip
    .command('create')
    .description('allocate a floating IP on an external network')
    .argument('<network>', 'external network name or id', nameOrId)
    .option('--address <ip>', 'the address to take (else the next free one)', ipv4)
    .option('--port <port>', 'associate it with this port (name or id)', nameOrId)
    .option('--fixed-ip-address <ip>', "the port's address to reach (default: its first)", ipv4)
    .action(async (network: string, o: { address?: string; port?: string; fixedIpAddress?: string }, cmd: Command) => {
      if (o.fixedIpAddress && !o.port) throw usageError('--fixed-ip-address needs --port');
      const api = await (await ctx.session(cmd)).floatingIps();
      const f = await api.CreateFloatingIp({
        floatingNetwork: network,
        floatingIpAddress: o.address ?? '',
        port: o.port ?? '',
        fixedIpAddress: o.fixedIpAddress ?? '',
      });
      ctx.print(renderShow(f, FLOATING_IP_FIELDS, ctx.output(cmd)));
    });

  fip
    .command('list')
    .description('list floating IPs (in address order)')
    .option('--all-projects', "every project's floating IPs (admin only)")
    .action(async (o: { allProjects?: boolean }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).floatingIps();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListFloatingIps({ pageToken, allProjects: !!o.allProjects, port: '' });
        return { items: r.floatingIps, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, FLOATING_IP_COLUMNS, ctx.output(cmd)));
    });

  fip
    .command('show')
    .description('show a floating IP')
    .argument('<floating-ip>', 'floating IP address or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).floatingIps();
      ctx.print(renderShow(await api.GetFloatingIp({ floatingIp: ref }), FLOATING_IP_FIELDS, ctx.output(cmd)));
    });

  fip
    .command('set')
    .description('associate a floating IP with a port (or move it to another)')
    .argument('<floating-ip>', 'floating IP address or id', nameOrId)
    .requiredOption('--port <port>', 'the port (name or id)', nameOrId)
    .option('--fixed-ip-address <ip>', "the port's address to reach (default: its first)", ipv4)
    .action(async (ref: string, o: { port: string; fixedIpAddress?: string }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).floatingIps();
      const f = await api.SetFloatingIpPort({ floatingIp: ref, port: o.port, fixedIpAddress: o.fixedIpAddress ?? '' });
      ctx.print(renderShow(f, FLOATING_IP_FIELDS, ctx.output(cmd)));
    });

  fip
    .command('unset')
    .description('disassociate a floating IP from its port (the address stays allocated)')
    .argument('<floating-ip>', 'floating IP address or id', nameOrId)
    .option('--port', 'remove the port association')
    .action(async (ref: string, o: { port?: boolean }, cmd: Command) => {
      if (!o.port) throw usageError('give --port (the only thing to unset)');
      const api = await (await ctx.session(cmd)).floatingIps();
      ctx.print(renderShow(await api.UnsetFloatingIpPort({ floatingIp: ref }), FLOATING_IP_FIELDS, ctx.output(cmd)));
    });

  fip
    .command('delete')
    .description('release floating IPs (disassociating them first)')
    .argument('<floating-ip...>', 'floating IP addresses or ids')
    .action(async (refs: string[], _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).floatingIps();
      for (const ref of refs) await api.DeleteFloatingIp({ floatingIp: ref });
    });
}

/** `server add floating ip` and `server remove floating ip`. */
export function registerServerFloatingIpCommands(add: Command, remove: Command, ctx: Ctx): void {
  add
    .command('floating')
    .description('associate a floating IP with a server')
    .command('ip')
    .description("associate a floating IP with a server's port (its first, or the one holding --fixed-ip-address)")
    .argument('<server>', 'server name or id', nameOrId)
    .argument('<floating-ip>', 'floating IP address or id', nameOrId)
    .option('--fixed-ip-address <ip>', "the server's address to reach (picks the port that holds it)", ipv4)
    .action(async (ref: string, fipRef: string, o: { fixedIpAddress?: string }, cmd: Command) => {
      const session = await ctx.session(cmd);
      const server = await (await session.servers()).GetServer({ server: ref });
      const port =
        o.fixedIpAddress === undefined
          ? server.ports[0]
          : server.ports.find((p) => p.ips.includes(o.fixedIpAddress ?? ''));
      if (!port) {
        throw new CliError(
          o.fixedIpAddress === undefined
            ? `server ${server.id} has no port`
            : `server ${server.id} has no port with address ${o.fixedIpAddress}`,
        );
      }
      const api = await session.floatingIps();
      const f = await api.SetFloatingIpPort({
        floatingIp: fipRef,
        port: port.portId,
        fixedIpAddress: o.fixedIpAddress ?? '',
      });
      ctx.print(renderShow(f, FLOATING_IP_FIELDS, ctx.output(cmd)));
    });

  remove
    .command('floating')
    .description('disassociate a floating IP from a server')
    .command('ip')
    .description('disassociate a floating IP from a server (the address stays allocated)')
    .argument('<server>', 'server name or id', nameOrId)
    .argument('<floating-ip>', 'floating IP address or id', nameOrId)
    .action(async (ref: string, fipRef: string, _o: unknown, cmd: Command) => {
      const session = await ctx.session(cmd);
      const server = await (await session.servers()).GetServer({ server: ref });
      const api = await session.floatingIps();
      const f = await api.GetFloatingIp({ floatingIp: fipRef });
      if (!server.ports.some((p) => p.portId === f.portId)) {
        throw new CliError(`floating IP ${f.floatingIpAddress} is not associated with server ${server.id}`);
      }
      ctx.print(renderShow(await api.UnsetFloatingIpPort({ floatingIp: f.id }), FLOATING_IP_FIELDS, ctx.output(cmd)));
    });
}
