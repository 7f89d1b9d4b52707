// strato port create|list|show|delete
import type { Command } from 'commander';
import type { FixedIpRequest } from '../../common/gen/strato/network/v1/FixedIpRequest.ts';
import type { Port__Output } from '../../common/gen/strato/network/v1/Port.ts';
import { allPages, collect, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { isApiError } from '../errors.ts';
import { type Column, renderList, renderShow } from '../output.ts';
import type { Session } from '../session.ts';
import { fixedIp, mac } from './network-args.ts';

const fixedIps = (p: Port__Output) => p.fixedIps.map((f) => `ip_address=${f.ipAddress}, subnet_id=${f.subnetId}`);

export const PORT_COLUMNS: Column<Port__Output>[] = [
  { header: 'ID', get: (p) => p.id },
  { header: 'Name', get: (p) => p.name },
  { header: 'MAC Address', get: (p) => p.macAddress },
  { header: 'Fixed IP Addresses', get: fixedIps },
  { header: 'Device', get: (p) => p.deviceId },
  { header: 'Host', get: (p) => p.bindingHost },
];

const PORT_FIELDS: Column<Port__Output>[] = [
  ...PORT_COLUMNS.slice(0, 2),
  { header: 'Network', get: (p) => p.networkId },
  ...PORT_COLUMNS.slice(2, 4),
  { header: 'Security Groups', get: (p) => p.securityGroupIds },
  { header: 'Device', get: (p) => p.deviceId },
  { header: 'Device Owner', get: (p) => p.deviceOwner },
  { header: 'Host', get: (p) => p.bindingHost },
  { header: 'Project', get: (p) => p.projectId },
  { header: 'Created', get: (p) => p.createdAt },
  { header: 'Updated', get: (p) => p.updatedAt },
];

export interface PortCreateOpts {
  network: string;
  fixedIp?: FixedIpRequest[];
  securityGroup?: string[];
  macAddress?: string;
}

export function portRequest(name: string, o: PortCreateOpts) {
  return {
    name,
    network: o.network,
    fixedIps: o.fixedIp ?? [],
    securityGroups: o.securityGroup ?? [],
    macAddress: o.macAddress ?? '',
  };
}

/**
 * A server's id from its name or id. ListPorts filters by exact device id,
 * so a name passed through would match nothing and print an empty table:
 * resolve it, and let an unknown server fail (NOT_FOUND, naming the flag).
 */
async function serverId(session: Session, flag: string, ref: string): Promise<string> {
  try {
    return (await (await session.servers()).GetServer({ server: ref })).id;
  } catch (err) {
    if (isApiError(err) && err.code === 'NOT_FOUND') err.message = `${flag}: ${err.message}`;
    throw err;
  }
}

export function registerPort(program: Command, ctx: Ctx): void {
  const port = program.command('port').description('ports: a NIC on a network, with its MAC and addresses');

  port
    .command('create')
    .description('create a port (addresses come from the network’s subnets)')
    .argument('<name>', 'port name', nameOrId)
    .requiredOption('--network <network>', 'network name or id', nameOrId)
    .option('--fixed-ip <ip=IP,subnet=S>', 'an address, a subnet, or both (repeatable)', fixedIp)
    .option(
      '--security-group <group>',
      "a security group name or id (repeatable; default: the project's default group)",
      (v: string, prev: string[] | undefined) => collect(nameOrId(v), prev),
    )
    .option('--mac-address <mac>', 'the MAC (default: a random fa:16:3e:xx:xx:xx)', mac)
    .action(async (name: string, o: PortCreateOpts, cmd: Command) => {
      const api = await (await ctx.session(cmd)).ports();
      ctx.print(renderShow(await api.CreatePort(portRequest(name, o)), PORT_FIELDS, ctx.output(cmd)));
    });

  port
    .command('list')
    .description('list ports')
    .option('--network <network>', "only this network's ports", nameOrId)
    .option('--device <server>', "only this server's ports (name or id)", nameOrId)
    .option('--all-projects', "every project's ports (admin only)")
    .action(async (o: { network?: string; device?: string; allProjects?: boolean }, cmd: Command) => {
      const session = await ctx.session(cmd);
      const deviceId = o.device === undefined ? '' : await serverId(session, '--device', o.device);
      const api = await session.ports();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListPorts({
          pageToken,
          network: o.network ?? '',
          deviceId,
          allProjects: !!o.allProjects,
        });
        return { items: r.ports, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, PORT_COLUMNS, ctx.output(cmd)));
    });

  port
    .command('show')
    .description('show a port')
    .argument('<port>', 'port name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).ports();
      ctx.print(renderShow(await api.GetPort({ port: ref }), PORT_FIELDS, ctx.output(cmd)));
    });

  port
    .command('delete')
    .description('delete ports, releasing their addresses (detach them from servers first)')
    .argument('<port...>', 'port names or ids')
    .action(async (refs: string[], _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).ports();
      for (const ref of refs) await api.DeletePort({ port: ref });
    });
}
