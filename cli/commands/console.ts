// strato console log: the last lines of a server's serial console, as is.
// strato console attach: an interactive session on it (console-attach.ts).
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
  group
    .command('attach')
    .description('type into the serial console interactively (Ctrl-] leaves)')
    .argument('<server>', 'server name or id', nameOrId)
    .option(
      '--linger <seconds>',
      'when piped input ends, leave once the guest has printed nothing for this long (default 2)',
      positiveInt,
    )
    .option('--timeout <seconds>', 'leave after this long', positiveInt)
    .action(async (ref: string, o: { linger?: number; timeout?: number }, cmd: Command) => {
      // The session module (grpc-js) is loaded here, not when the command tree is built.
      const { runConsoleSession } = await import('./console-attach.ts');
      const call = await (await ctx.session(cmd)).attachConsole();
      await runConsoleSession(ctx.io, call, ref, {
        lingerMs: (o.linger ?? 2) * 1000,
        ...(o.timeout !== undefined ? { timeoutMs: o.timeout * 1000 } : {}),
      });
    });
}
