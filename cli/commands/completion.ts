// strato completion bash|zsh|fish: print the shell's completion script.
import { Argument, type Command } from 'commander';
import type { Ctx } from '../context.ts';
import { SHELLS, type Shell } from '../help/shells.ts';

/** The root of the tree `cmd` is in. */
export function rootOf(cmd: Command): Command {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root;
}

export function registerCompletion(program: Command, ctx: Ctx): void {
  program
    .command('completion')
    .description('print a shell completion script (bash: source <(strato completion bash))')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .action(async (which: Shell, _o: unknown, cmd: Command) => {
      // Loaded here: every other command (and --help) starts without the script writers.
      const [{ commandTree }, { completionScript }] = await Promise.all([
        import('../help/command-tree.ts'),
        import('../help/completion.ts'),
      ]);
      ctx.print(completionScript(which, commandTree(rootOf(cmd))));
    });
}
