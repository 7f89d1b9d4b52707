// strato server image create SERVER --name IMG [--wait]
// (strato.compute.v1.Servers CreateServerImage): the server's root disk becomes
// a private image of its project. Returns once accepted, showing the queued
// image; --wait polls the image until it is active (or killed: the server's
// event list says why).
import type { Command } from 'commander';
import type { Image__Output } from '../../common/gen/strato/image/v1/Image.ts';
import { nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { renderShow } from '../output.ts';
import { addWait, pollUntil, unlessNotFound, type Verdict, type WaitOpts } from '../wait.ts';

/** Where a snapshot's image stands, as --wait judges it (pure). */
export function settleSnapshot(image: Image__Output | undefined, server: string): Verdict {
  if (!image) return { kind: 'failed', message: 'the image was deleted' };
  if (image.status === 'active') return { kind: 'done' };
  if (image.status === 'killed') {
    return {
      kind: 'failed',
      message: `the snapshot of server ${server} failed: image ${image.id} was killed (see: strato server event list ${server})`,
    };
  }
  return { kind: 'pending' };
}

export function registerServerImageCommands(server: Command, ctx: Ctx): void {
  const image = server.command('image').description("a server's root disk as an image (snapshot)");
  addWait(
    image
      .command('create')
      .description("snapshot a server's root disk into a new private image (qcow2, flattened)")
      .argument('<server>', 'server name or id', nameOrId)
      .requiredOption('--name <name>', 'the new image’s name'),
    'the image is active',
  ).action(async (ref: string, o: WaitOpts & { name: string }, c: Command) => {
    const session = await ctx.session(c);
    const res = await (await session.servers()).CreateServerImage({ server: ref, name: o.name });
    const images = await session.images();
    const get = unlessNotFound(() => images.GetImage({ image: res.imageId }));
    let shown = await get();
    if (o.wait) {
      shown = await pollUntil(
        {
          what: `image ${o.name}`,
          want: 'active',
          get,
          settle: (i) => settleSnapshot(i, ref),
          state: (i) => i?.status ?? 'gone',
          onPoll: () => {},
        },
        {
          timeoutMs: o.waitTimeout,
          onState: (state) => {
            if (ctx.io.stderr.isTTY) ctx.note(`image ${o.name}: ${state}\n`);
          },
        },
      );
    }
    // The image commands' module is loaded only here: `server` commands start without it.
    if (shown) ctx.print(renderShow(shown, (await import('./image.ts')).IMAGE_COLUMNS, ctx.output(c)));
  });
}
