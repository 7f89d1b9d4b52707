// strato server rebuild SERVER [--image IMG] [--wait]
// (strato.compute.v1.Servers RebuildServer): a fresh root disk from the image
// (default: the server's own), same id, addresses and volumes; --wait polls
// until the server is ACTIVE again.
import type { Command } from 'commander';
import { nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { renderShow } from '../output.ts';
import { addWait, unlessNotFound, type WaitOpts, waitFor } from '../wait.ts';
import { SERVER_FIELDS } from './server-fields.ts';

export function registerServerRebuildCommand(server: Command, ctx: Ctx): void {
  addWait(
    server
      .command('rebuild')
      .description('give a server a fresh root disk from an image and boot it again (what it wrote there is lost)')
      .argument('<server>', 'server name or id', nameOrId)
      .option('--image <image>', "image name or id (default: the server's image)", nameOrId),
    'the server is ACTIVE',
  ).action(async (ref: string, o: WaitOpts & { image?: string }, c: Command) => {
    const api = await (await ctx.session(c)).servers();
    let s = await api.RebuildServer({ server: ref, image: o.image ?? '' });
    if (o.wait) {
      const label = s.name || s.id;
      s =
        (await waitFor(
          label,
          unlessNotFound(() => api.GetServer({ server: s.id })),
          { vmState: 'ACTIVE' },
          {
            timeoutMs: o.waitTimeout,
            onState: (state) => {
              if (ctx.io.stderr.isTTY) ctx.note(`server ${label}: ${state}\n`);
            },
          },
        )) ?? s;
    }
    ctx.print(renderShow(s, SERVER_FIELDS, ctx.output(c)));
  });
}
