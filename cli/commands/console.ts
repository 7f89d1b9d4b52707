// strato console log: the last lines of a server's serial console, as is.
import type { Command } from 'commander';
import { nameOrId, positiveInt } from '../args.ts';
import type { Ctx } from '../context.ts';
import { isStructured, renderDocument } from '../output.ts';

export function registerConsole(program: Command, ctx: Ctx): void {
  const group = program.command('console').description("a server's serial console");
  group
    .command('log')
    .description('print the last lines of the serial console')
    .argument('<server>', 'server name or id', nameOrId)
    .option('--lines <n>', 'how many lines (server default 100, at most 10000)', positiveInt)
    .action(async (ref: string, o: { lines?: number }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).servers();
      const r = await api.GetConsoleLog({ server: ref, lines: o.lines ?? 0 });
      const { format } = ctx.globals(cmd);
      if (isStructured(format)) ctx.print(renderDocument(r.lines, format));
      else ctx.print(r.lines.map((l) => `${l}\n`).join(''));
    });
}
