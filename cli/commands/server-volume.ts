// strato server add volume SERVER VOLUME [--device vdX] and server remove
// volume SERVER VOLUME (strato.compute.v1.ServerVolumes). Both return once
// accepted; --wait follows the volume (attaching → in-use, detaching →
// available), which says whether it worked, and then shows the server.
import type { Command } from 'commander';
import { nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { renderShow } from '../output.ts';
import type { Session } from '../session.ts';
import { addWait, type WaitOpts } from '../wait.ts';
import { SERVER_FIELDS } from './server-fields.ts';
import { volumeDevice } from './volume-args.ts';

/** --wait: the volume settles in `status`, then the server is shown as it is now. */
async function waitAndShow(
  ctx: Ctx,
  c: Command,
  session: Session,
  refs: { server: string; volume: string },
  status: string,
  o: WaitOpts,
) {
  if (!o.wait) return;
  // The volume commands' module is loaded only to wait: `server` commands start without it.
  const { waitVolume } = await import('./volume.ts');
  const volume = await (await session.volumes()).GetVolume({ volume: refs.volume });
  await waitVolume(ctx, session, volume, { statuses: [status] }, o);
  const server = await (await session.servers()).GetServer({ server: refs.server });
  ctx.print(renderShow(server, SERVER_FIELDS, ctx.output(c)));
}

export function registerServerVolumeCommands(add: Command, remove: Command, ctx: Ctx): void {
  addWait(
    add
      .command('volume')
      .description('attach a volume to a server (the guest finds it by serial: the volume id’s first 20 characters)')
      .argument('<server>', 'server name or id', nameOrId)
      .argument('<volume>', 'volume name or id', nameOrId)
      .option(
        '--device <vdX>',
        "the hypervisor's name for the disk, vdc … vdz (default: the first free)",
        volumeDevice,
      ),
    'the volume is in-use',
  ).action(async (server: string, volume: string, o: WaitOpts & { device?: string }, c: Command) => {
    const session = await ctx.session(c);
    await (await session.serverVolumes()).AddServerVolume({ server, volume, device: o.device ?? '' });
    await waitAndShow(ctx, c, session, { server, volume }, 'in-use', o);
  });

  addWait(
    remove
      .command('volume')
      .description('detach a volume from a server (the guest must release it)')
      .argument('<server>', 'server name or id', nameOrId)
      .argument('<volume>', 'volume name or id', nameOrId),
    'the volume is available',
  ).action(async (server: string, volume: string, o: WaitOpts, c: Command) => {
    const session = await ctx.session(c);
    await (await session.serverVolumes()).RemoveServerVolume({ server, volume });
    await waitAndShow(ctx, c, session, { server, volume }, 'available', o);
  });
}
