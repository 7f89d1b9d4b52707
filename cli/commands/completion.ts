// strato completion bash|zsh|fish: print the shell's completion script.
import { Argument, type Command } from 'commander';
import type { Ctx } from '../context.ts';
import { SHELLS, type Shell } from '../help/shells.ts';

/**
 * `tree` gives the whole command tree the script completes: the program
 * itself when it was built whole, the full build when the running one holds
 * only what its command line reached (lazy-program.ts).
 */
export function registerCompletion(
  program: Command,
  ctx: Ctx,
  tree: () => Promise<Command> = async () => program,
): void {
  program
    .command('completion')
    .description('print a shell completion script (bash: source <(strato completion bash))')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .action(async (which: Shell) => {
      // Loaded here: every other command (and --help) starts without the script writers.
      const [{ commandTree }, { completionScript }, root] = await Promise.all([
        import('../help/command-tree.ts'),
        import('../help/completion.ts'),
        tree(),
      ]);
      ctx.print(completionScript(which, commandTree(root)));
    });
}
