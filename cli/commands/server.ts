// strato server create|list|show|delete|<action>|event list|add port|add
// network|remove port (and add|remove volume, server-volume.ts). Actions
// return once accepted; --wait polls until the server settles (see wait.ts).
import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { Server__Output } from '../../common/gen/strato/compute/v1/Server.ts';
import type { ServerEvent__Output } from '../../common/gen/strato/compute/v1/ServerEvent.ts';
import { allPages, collect, nameOrId, nameRegExp, positiveInt } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { type Column, renderList, renderShow } from '../output.ts';
import type { ServersApi } from '../session.ts';
import {
  ACTION_TARGET,
  ACTIONS,
  type Action,
  addWait,
  type Target,
  unlessNotFound,
  type WaitOpts,
  waitFor,
} from '../wait.ts';
import { beside, namesById, printsColumn } from './names.ts';
import { SERVER_FIELDS, serverListColumns } from './server-fields.ts';
import { parseProperties } from './server-properties.ts';
import { filterServers, STATUSES, vmStateArg } from './server-filters.ts';
import { registerServerMoveCommands } from './server-move.ts';
import { registerServerImageCommands } from './server-image.ts';
import { registerServerRebuildCommand } from './server-rebuild.ts';
import { registerServerSetCommands } from './server-set.ts';
import { registerServerVolumeCommands } from './server-volume.ts';
import { registerServerFloatingIpCommands } from './floating-ip.ts';

interface ListOpts {
  allProjects?: boolean;
  long?: boolean;
  name?: RegExp;
  status?: string;
  host?: string;
}

const EVENT_COLUMNS: Column<ServerEvent__Output>[] = [
  { header: 'Action', get: (e) => e.action },
  { header: 'Request ID', get: (e) => e.requestId },
  { header: 'User', get: (e) => e.userId },
  { header: 'Started', get: (e) => e.startedAt },
  { header: 'Finished', get: (e) => e.finishedAt },
  { header: 'Result', get: (e) => e.result },
  { header: 'Error', get: (e) => e.error },
];

async function waitServer(ctx: Ctx, api: ServersApi, s: Server__Output, target: Target, o: WaitOpts) {
  const label = s.name || s.id;
  return waitFor(
    label,
    unlessNotFound(() => api.GetServer({ server: s.id })),
    target,
    {
      timeoutMs: o.waitTimeout,
      onState: (state) => {
        if (ctx.io.stderr.isTTY) ctx.note(`server ${label}: ${state}\n`);
      },
    },
  );
}

export { parseProperties };

interface CreateOpts extends WaitOpts {
  image?: string;
  bootVolume?: string;
  bootFromImageVolume?: number;
  deleteVolumeOnTermination?: boolean;
  flavor: string;
  userData?: string;
  host?: string;
  property?: string[];
  nic?: string[];
  network?: string[];
  port?: string[];
  keyName?: string;
  /** false with --no-config-drive (commander's negation; true otherwise). */
  configDrive?: boolean;
}

export interface NicArg {
  network: string;
  port: string;
  fixedIp: string;
}

/**
 * `--nic net-id=NET[,v4-fixed-ip=IP]` or `--nic port-id=PORT` (the openstack
 * client's syntax; `net`/`port`/`fixed-ip` are accepted too).
 */
export function parseNic(text: string): NicArg {
  const out: NicArg = { network: '', port: '', fixedIp: '' };
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq <= 0 || value === '') throw usageError(`--nic ${JSON.stringify(text)}: expected key=value pairs`);
    if (key === 'net-id' || key === 'net') out.network = value;
    else if (key === 'port-id' || key === 'port') out.port = value;
    else if (key === 'v4-fixed-ip' || key === 'fixed-ip') out.fixedIp = value;
    else throw usageError(`--nic: unknown key ${JSON.stringify(key)} (net-id, v4-fixed-ip, port-id)`);
  }
  if ((out.network === '') === (out.port === ''))
    throw usageError(`--nic ${JSON.stringify(text)}: give net-id or port-id`);
  if (out.port !== '' && out.fixedIp !== '') throw usageError('--nic: v4-fixed-ip goes with net-id, not port-id');
  return out;
}

/**
 * The boot source of CreateServer (Nova's block device mapping, simplified):
 * an image, an existing volume, or a new volume made from an image. Only
 * what was asked is sent, so a conductor without volumes sees the request
 * it always did.
 */
export function bootSource(
  o: Pick<CreateOpts, 'image' | 'bootVolume' | 'bootFromImageVolume' | 'deleteVolumeOnTermination'>,
) {
  if (o.image === undefined && o.bootVolume === undefined) throw usageError('give --image or --boot-volume');
  if (o.bootFromImageVolume !== undefined && o.image === undefined) {
    throw usageError('--boot-from-image-volume needs --image (the image copied into the new volume)');
  }
  if (o.deleteVolumeOnTermination && o.bootVolume === undefined && o.bootFromImageVolume === undefined) {
    throw usageError('--delete-volume-on-termination goes with --boot-volume or --boot-from-image-volume');
  }
  return {
    image: o.image ?? '',
    ...(o.bootVolume !== undefined ? { bootVolume: o.bootVolume } : {}),
    ...(o.bootFromImageVolume !== undefined ? { bootFromImageVolumeGib: o.bootFromImageVolume } : {}),
    ...(o.deleteVolumeOnTermination ? { deleteVolumeOnTermination: true } : {}),
  };
}

/** NICs in guest order: every --nic, then every --network, then every --port. */
export function nicsFrom(o: Pick<CreateOpts, 'nic' | 'network' | 'port'>): NicArg[] {
  return [
    ...(o.nic ?? []).map(parseNic),
    ...(o.network ?? []).map((network) => ({ network, port: '', fixedIp: '' })),
    ...(o.port ?? []).map((port) => ({ network: '', port, fixedIp: '' })),
  ];
}

export function registerServer(program: Command, ctx: Ctx): void {
  const server = program.command('server').description('servers: virtual machines');

  addWait(
    server
      .command('create')
      .description('boot a server')
      .argument('<name>', 'server name', nameOrId)
      .option('--image <image>', 'image name or id (or --boot-volume)', nameOrId)
      .addOption(
        new Option('--boot-volume <volume>', 'boot from this volume (name or id) instead of an image')
          .argParser(nameOrId)
          .conflicts('image'),
      )
      .option(
        '--boot-from-image-volume <GiB>',
        'copy --image into a new volume of this size and boot from it',
        positiveInt,
      )
      .option('--delete-volume-on-termination', 'delete the boot volume with the server (default: keep it)')
      .requiredOption('--flavor <flavor>', 'flavor name or id', nameOrId)
      .option('--user-data <file>', 'a file passed to the guest on its config drive')
      .option('--host <host>', 'place on this host (admin only)')
      .option('--property <key=value>', 'metadata (repeatable)', collect)
      .option('--network <network>', 'a NIC on this network, name or id (repeatable)', collect)
      .option('--port <port>', 'a NIC on this existing port, name or id (repeatable)', collect)
      .option('--nic <spec>', 'net-id=NET[,v4-fixed-ip=IP] | port-id=PORT (repeatable; comes first)', collect)
      .option('--key-name <keypair>', 'one of your key pairs: its public key goes onto the config drive', nameOrId)
      .option('--no-config-drive', 'no config drive: the guest reads http://169.254.169.254 instead'),
    'the server is ACTIVE',
  ).action(async (name: string, o: CreateOpts, cmd: Command) => {
    const boot = bootSource(o);
    const metadata = parseProperties(o.property);
    const networks = nicsFrom(o);
    let userData: Buffer | undefined;
    if (o.userData !== undefined) {
      try {
        userData = await readFile(o.userData);
      } catch (err) {
        throw usageError(`cannot read --user-data ${o.userData}: ${(err as NodeJS.ErrnoException).code ?? err}`);
      }
    }
    const api = await (await ctx.session(cmd)).servers();
    let s = await api.CreateServer({
      name,
      ...boot,
      flavor: o.flavor,
      host: o.host ?? '',
      metadata,
      networks,
      ...(userData ? { userData } : {}),
      ...(o.keyName ? { keyName: o.keyName } : {}),
      ...(o.configDrive === false ? { configDrive: false } : {}),
    });
    if (o.wait) s = (await waitServer(ctx, api, s, { vmState: 'ACTIVE' }, o)) ?? s;
    ctx.print(renderShow(s, SERVER_FIELDS, ctx.output(cmd)));
  });

  server
    .command('list')
    .description('list servers (--name, --status and --host filter what the API lists)')
    .option('--all-projects', "every project's servers (admin only)")
    .option('--long', 'more columns: key name, project and user (names where you may list them), created, launched')
    .option('--name <regex>', 'only servers whose name matches this regular expression', nameRegExp)
    .option('--status <status>', `only servers with this status or vm_state (${STATUSES.join(', ')})`, vmStateArg)
    .option('--host <host>', 'only servers on this host')
    .action(async (o: ListOpts, cmd: Command) => {
      const session = await ctx.session(cmd);
      // Started first: its client is set up and its request sent before the listings'.
      const listing = allPages(async (pageToken) => {
        const r = await (await session.servers()).ListServers({ pageToken, allProjects: !!o.allProjects });
        return { items: r.servers, nextPageToken: r.nextPageToken };
      });
      const out = ctx.output(cmd);
      // Names for the id columns, each from one listing made only when its
      // column prints (Project and User only with --long or -c). They do not
      // depend on the servers: they run beside ListServers, not after it
      // (one round trip instead of two), and are dropped when no server needs them.
      const prints = (header: string, byDefault: boolean) =>
        printsColumn(out, header) && (byDefault || !!o.long || !!out.columns?.length);
      const images = beside(prints('Image', true), () =>
        namesById(async (pageToken) => {
          const r = await (await session.images()).ListImages({ pageToken, allProjects: !!o.allProjects });
          return { items: r.images, nextPageToken: r.nextPageToken };
        }),
      );
      const projects = beside(prints('Project', false), () =>
        namesById(async (pageToken) => {
          const r = await (await session.identity()).ListProjects({ pageToken });
          return { items: r.projects, nextPageToken: r.nextPageToken };
        }),
      );
      // Listing users is for admins: a member sees the ids.
      const users = beside(prints('User', false), () =>
        namesById(async (pageToken) => {
          const r = await (await session.identity()).ListUsers({ pageToken, project: '' });
          return { items: r.users, nextPageToken: r.nextPageToken };
        }),
      );
      const items = filterServers(await listing, {
        ...(o.name ? { name: o.name } : {}),
        ...(o.status ? { status: o.status } : {}),
        ...(o.host !== undefined ? { host: o.host } : {}),
      });
      const none = new Map<string, string>();
      const anyImage = items.some((s) => s.imageId);
      const names = {
        images: anyImage ? await images : none,
        projects: items.length > 0 ? await projects : none,
        users: items.length > 0 ? await users : none,
      };
      const { shown, all } = serverListColumns(names, !!o.long);
      ctx.print(renderList(items, out.columns?.length ? all : shown, out));
    });

  server
    .command('show')
    .description('show a server')
    .argument('<server>', 'server name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).servers();
      ctx.print(renderShow(await api.GetServer({ server: ref }), SERVER_FIELDS, ctx.output(cmd)));
    });

  addWait(
    server.command('delete').description('delete servers').argument('<server...>', 'server names or ids'),
    'everything is gone',
  ).action(async (refs: string[], o: WaitOpts, cmd: Command) => {
    const api = await (await ctx.session(cmd)).servers();
    const deleting: Server__Output[] = [];
    for (const ref of refs) deleting.push(await api.DeleteServer({ server: ref }));
    if (o.wait) for (const s of deleting) await waitServer(ctx, api, s, { gone: true }, o);
  });

  for (const action of ACTIONS) registerAction(server, ctx, action);
  const add = server.command('add').description('hot-plug a NIC or a volume into a server, or give it a floating IP');
  const remove = server
    .command('remove')
    .description('hot-unplug a NIC or a volume from a server, or take a floating IP off it');
  registerPortCommands(add, remove, ctx);
  registerServerVolumeCommands(add, remove, ctx);
  registerServerFloatingIpCommands(add, remove, ctx);
  registerServerMoveCommands(server, ctx);
  registerServerImageCommands(server, ctx);
  registerServerRebuildCommand(server, ctx);
  registerServerSetCommands(server, ctx);

  const event = server.command('event').description("a server's action history");
  event
    .command('list')
    .description('every action on a server: who, when, request id, result, error')
    .argument('<server>', 'server name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).servers();
      const r = await api.ListServerEvents({ server: ref });
      ctx.print(renderList(r.events, EVENT_COLUMNS, ctx.output(cmd)));
    });
}

/** `server add port|network` and `server remove port`: NIC hot-plug; --wait until the server is idle again. */
function registerPortCommands(add: Command, remove: Command, ctx: Ctx): void {
  const done = async (c: Command, api: ServersApi, s: Server__Output, o: WaitOpts) => {
    if (!o.wait) return;
    const final = (await waitServer(ctx, api, s, { vmState: s.vmState }, o)) ?? s;
    ctx.print(renderShow(final, SERVER_FIELDS, ctx.output(c)));
  };
  addWait(
    add
      .command('port')
      .description('plug an existing port into a server')
      .argument('<server>', 'server name or id', nameOrId)
      .argument('<port>', 'port name or id', nameOrId),
    'the NIC is plugged',
  ).action(async (ref: string, port: string, o: WaitOpts, c: Command) => {
    const api = await (await ctx.session(c)).servers();
    await done(c, api, await api.AddServerPort({ server: ref, network: '', port, fixedIp: '' }), o);
  });
  addWait(
    add
      .command('network')
      .description('plug a new port on a network into a server')
      .argument('<server>', 'server name or id', nameOrId)
      .argument('<network>', 'network name or id', nameOrId)
      .option('--fixed-ip <ip>', 'the address to take (else the pools choose)'),
    'the NIC is plugged',
  ).action(async (ref: string, network: string, o: WaitOpts & { fixedIp?: string }, c: Command) => {
    const api = await (await ctx.session(c)).servers();
    await done(c, api, await api.AddServerPort({ server: ref, network, port: '', fixedIp: o.fixedIp ?? '' }), o);
  });
  addWait(
    remove
      .command('port')
      .description('unplug a port from a server (a port the server made is deleted, a given one kept)')
      .argument('<server>', 'server name or id', nameOrId)
      .argument('<port>', 'port name or id', nameOrId),
    'the NIC is unplugged',
  ).action(async (ref: string, port: string, o: WaitOpts, c: Command) => {
    const api = await (await ctx.session(c)).servers();
    await done(c, api, await api.RemoveServerPort({ server: ref, port }), o);
  });
}

const ACTION_HELP: Record<Action, string> = {
  start: 'start a stopped server',
  stop: 'stop a server (ACPI, then hard after a timeout)',
  reboot: 'reboot a server (ACPI, then hard after a timeout)',
  pause: 'pause a server (in memory)',
  unpause: 'unpause a paused server',
  suspend: 'suspend a server (to disk)',
  resume: 'resume a suspended server',
};

function registerAction(server: Command, ctx: Ctx, action: Action): void {
  const cmd = server
    .command(action)
    .description(ACTION_HELP[action])
    .argument('<server>', 'server name or id', nameOrId);
  if (action === 'reboot' || action === 'stop') cmd.option('--hard', 'skip ACPI and act at once');
  addWait(cmd, `the server is ${ACTION_TARGET[action]}`).action(
    async (ref: string, o: WaitOpts & { hard?: boolean }, c: Command) => {
      const api = await (await ctx.session(c)).servers();
      let s = await api.ServerAction({ server: ref, action, hard: !!o.hard });
      if (o.wait) {
        s = (await waitServer(ctx, api, s, { vmState: ACTION_TARGET[action] }, o)) ?? s;
        ctx.print(renderShow(s, SERVER_FIELDS, ctx.output(c)));
      }
    },
  );
}
