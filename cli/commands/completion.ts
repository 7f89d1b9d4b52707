// strato completion bash|zsh|fish: print the shell's completion script.
import { Argument, type Command } from 'commander';
import type { Ctx } from '../context.ts';
import { commandTree } from '../help/command-tree.ts';
import { completionScript, SHELLS, type Shell } from '../help/completion.ts';

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
    .action((which: Shell, _o: unknown, cmd: Command) => {
      ctx.print(completionScript(which, commandTree(rootOf(cmd))));
    });
}
