// The command tree a command line needs, and no more: the root, every
// top-level command as a stub (its name and description: enough for the root
// help and "did you mean"), and for real only the modules already asked for.
// Commander itself finds the command a line names (global flags and their
// values anywhere before it); when it is about to enter a stub (or print its
// help), the parse stops with NeedsModule, run() loads that
// module and parses the line again. Nothing has run by then (the root has no
// action), so the second parse is the only one that does anything.
import { type Command, Option } from 'commander';
import { registerCompletion } from './commands/completion.ts';
import { TOP_LEVEL } from './commands/top-level.ts';
import type { Ctx } from './context.ts';
import { rootProgram } from './program-root.ts';

/** Thrown by a parse that reached a stub: load TOP_LEVEL[index] and parse again. */
export class NeedsModule extends Error {
  readonly index: number;
  constructor(index: number) {
    super(`command module ${index} is not loaded`);
    this.index = index;
  }
}

/** The tree with TOP_LEVEL[i] registered for real for each i in `loaded`, stubs for the rest. */
export async function lazyProgram(ctx: Ctx, loaded: ReadonlySet<number>): Promise<Command> {
  const program = rootProgram(ctx);
  const registers = await Promise.all(TOP_LEVEL.map((m, i) => (loaded.has(i) ? m.load() : undefined)));
  const stubs = new Map<Command, number>();
  TOP_LEVEL.forEach((m, i) => {
    const register = registers[i];
    if (register) {
      register(program, ctx);
      return;
    }
    for (const c of m.commands) {
      const stub = program.command(c.name).description(c.description);
      // Only so that the root help writes `login [options]` as the real command does.
      if (c.options) stub.addOption(new Option('--stub').hideHelp());
      // `strato help server` prints the subcommand's help without entering it.
      stub.on('beforeHelp', () => {
        throw new NeedsModule(i);
      });
      stubs.set(stub, i);
    }
  });
  // A completion script covers every command: it builds the whole tree.
  registerCompletion(program, ctx, async () => (await import('./program.ts')).buildProgram(ctx));
  program.hook('preSubcommand', (_root, sub) => {
    const index = stubs.get(sub);
    if (index !== undefined) throw new NeedsModule(index);
  });
  return program;
}
