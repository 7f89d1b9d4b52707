// strato server rename SERVER NEW, server set SERVER [--name N] [--property
// k=v …] and server unset SERVER --property k … (strato.compute.v1.Servers
// UpdateServer): the name and metadata live in the conductor; the guest is not
// told (its config drive keeps what it had at boot).
import type { Command } from 'commander';
import { collect, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { renderShow } from '../output.ts';
import { SERVER_FIELDS } from './server-fields.ts';
import { parseProperties } from './server-properties.ts';

interface Change {
  name?: string;
  setMetadata?: Record<string, string>;
  unsetMetadata?: string[];
}

async function update(ctx: Ctx, c: Command, server: string, change: Change) {
  const api = await (await ctx.session(c)).servers();
  const s = await api.UpdateServer({ server, name: '', setMetadata: {}, unsetMetadata: [], ...change });
  ctx.print(renderShow(s, SERVER_FIELDS, ctx.output(c)));
}

export function registerServerSetCommands(server: Command, ctx: Ctx): void {
  server
    .command('rename')
    .description('rename a server')
    .argument('<server>', 'server name or id', nameOrId)
    .argument('<new-name>', 'the new name', nameOrId)
    .action((ref: string, name: string, _o: unknown, c: Command) => update(ctx, c, ref, { name }));

  server
    .command('set')
    .description("change a server's name or properties (metadata)")
    .argument('<server>', 'server name or id', nameOrId)
    .option('--name <name>', 'the new name', nameOrId)
    .option('--property <key=value>', 'add or replace a property (repeatable)', collect)
    .action(async (ref: string, o: { name?: string; property?: string[] }, c: Command) => {
      if (o.name === undefined && o.property === undefined) throw usageError('give --name or --property');
      await update(ctx, c, ref, { ...(o.name ? { name: o.name } : {}), setMetadata: parseProperties(o.property) });
    });

  server
    .command('unset')
    .description('remove properties (metadata) of a server')
    .argument('<server>', 'server name or id', nameOrId)
    .requiredOption('--property <key>', 'a property to remove (repeatable)', collect)
    .action((ref: string, o: { property: string[] }, c: Command) => update(ctx, c, ref, { unsetMetadata: o.property }));
}
