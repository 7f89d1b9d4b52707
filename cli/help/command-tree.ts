// The CLI's command tree as plain data, read from commander's own objects
// (never a hand-kept list), for the shell completions and the man page.
import type { Command, Option } from 'commander';

export interface OptionInfo {
  long: string;
  short?: string;
  /** `<value>` the option takes ('' for a flag). */
  value: string;
  description: string;
  choices: readonly string[];
  /** The environment variable that sets it, if any. */
  env?: string;
}

export interface CommandInfo {
  /** Words after `strato`: [] for the root, ['server', 'list'] … */
  path: string[];
  description: string;
  /** `<server> [project] <flavor...>` */
  args: string;
  options: OptionInfo[];
  subcommands: CommandInfo[];
}

const HELP_OPTION: OptionInfo = {
  long: '--help',
  short: '-h',
  value: '',
  description: 'display help for command',
  choices: [],
};

function optionInfo(o: Option): OptionInfo {
  const value = /[<[].*[>\]]/.exec(o.flags)?.[0] ?? '';
  return {
    long: o.long ?? o.short ?? o.flags,
    ...(o.short && o.long ? { short: o.short } : {}),
    value,
    description: o.description,
    choices: o.argChoices ?? [],
    ...(o.envVar ? { env: o.envVar } : {}),
  };
}

function argText(cmd: Command): string {
  return cmd.registeredArguments
    .map((a) => {
      const name = `${a.name()}${a.variadic ? '...' : ''}`;
      return a.required ? `<${name}>` : `[${name}]`;
    })
    .join(' ');
}

/** The tree under `cmd` (its own options only: the root's are the global ones). */
export function commandTree(cmd: Command, path: string[] = []): CommandInfo {
  return {
    path,
    description: cmd.description(),
    args: argText(cmd),
    options: [...cmd.options.filter((o) => !o.hidden).map(optionInfo), HELP_OPTION],
    subcommands: cmd.commands.map((c) => commandTree(c, [...path, c.name()])),
  };
}

/** Every command, depth first, the root first. */
export function flatten(tree: CommandInfo): CommandInfo[] {
  return [tree, ...tree.subcommands.flatMap(flatten)];
}
