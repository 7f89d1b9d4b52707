// `strato completion bash|zsh|fish`: shell completion scripts generated
// from the command tree (command-tree.ts), so every command and option the
// CLI has completes, and nothing it lacks. The scripts are static: a TAB
// never starts Node (a command's start-up is ~100 ms).
import { type CommandInfo, flatten, type OptionInfo } from './command-tree.ts';
import type { Shell } from './shells.ts';

export { SHELLS, type Shell } from './shells.ts';

/** A single-quoted shell word (bash and fish: `'` closes, `\'` is not special in bash). */
function sq(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

function optionWords(o: OptionInfo): string[] {
  return o.short ? [o.long, o.short] : [o.long];
}

interface Level {
  key: string;
  subs: string[];
  /** This command's options and the global ones. */
  options: OptionInfo[];
}

function levels(tree: CommandInfo): Level[] {
  const globals = tree.options;
  return flatten(tree).map((c) => ({
    key: c.path.join(' '),
    subs: c.subcommands.map((s) => s.path.at(-1) ?? ''),
    options: c.path.length === 0 ? globals : [...c.options, ...globals.filter((g) => g.long !== '--help')],
  }));
}

/** A bash `case` over the command path, one branch per command, printing words. */
function bashCase(name: string, ls: Level[], words: (l: Level) => string[]): string {
  const branches = ls
    .map((l) => ({ l, w: words(l) }))
    .filter(({ w }) => w.length > 0)
    .map(({ l, w }) => `    ${sq(l.key)}) echo ${sq(w.join(' '))} ;;`);
  return [`${name}() {`, '  case "$1" in', ...branches, '  esac', '}'].join('\n');
}

function bash(tree: CommandInfo): string {
  const ls = levels(tree);
  const choices = ls.flatMap((l) =>
    l.options
      .filter((o) => o.choices.length > 0)
      .flatMap((o) => optionWords(o).map((w) => `    ${sq(`${l.key}|${w}`)}) echo ${sq(o.choices.join(' '))} ;;`)),
  );
  return `# bash completion for strato, generated from its command tree by
# \`strato completion bash\`. Load it with: source <(strato completion bash)
${bashCase('_strato_subs', ls, (l) => l.subs)}
${bashCase('_strato_opts', ls, (l) => l.options.flatMap(optionWords))}
${bashCase('_strato_valued', ls, (l) => l.options.filter((o) => o.value).flatMap(optionWords))}
_strato_choices() {
  case "$1|$2" in
${choices.join('\n')}
  esac
}
_strato() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path='' w i skip=0
  # Walk the words before the cursor: a word naming a subcommand of the
  # path so far extends it; an option's value is skipped.
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    if [[ "$w" == -* ]]; then
      [[ "$w" != *=* && " $(_strato_valued "$path") " == *" $w "* ]] && skip=1
      continue
    fi
    [[ " $(_strato_subs "$path") " == *" $w "* ]] && path="\${path:+$path }$w"
  done
  if ((skip)); then
    local prev="\${COMP_WORDS[COMP_CWORD - 1]}"
    mapfile -t COMPREPLY < <(compgen -W "$(_strato_choices "$path" "$prev")" -- "$cur")
    # An option without choices takes a name or a file: let bash complete files.
    [[ -z "$(_strato_choices "$path" "$prev")" ]] && mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    return 0
  fi
  if [[ "$cur" == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_strato_opts "$path")" -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -W "$(_strato_subs "$path")" -- "$cur")
  fi
  return 0
}
complete -F _strato strato
`;
}

// zsh runs the bash script through its bashcompinit layer: one generator,
// the same behaviour in both shells.
function zsh(tree: CommandInfo): string {
  return `#compdef strato
# zsh completion for strato, generated from its command tree by
# \`strato completion zsh\` (the bash completion, through bashcompinit).
# Load it with: source <(strato completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(tree).split('\n').slice(2).join('\n')}`;
}

function fish(tree: CommandInfo): string {
  const ls = levels(tree);
  const subsCases = ls
    .filter((l) => l.subs.length > 0)
    .map((l) => `    case ${sq(l.key)}\n      echo ${l.subs.join(' ')}`);
  const lines: string[] = [];
  for (const c of flatten(tree)) {
    const at = `__strato_at ${sq(c.path.join(' '))}`;
    for (const s of c.subcommands) {
      lines.push(`complete -c strato -f -n ${sq(at)} -a ${sq(s.path.at(-1) ?? '')} -d ${sq(s.description)}`);
    }
    // The root's options are global: offered at every level.
    for (const o of c.options) {
      if (c.path.length > 0 && o.long === '--help') continue;
      const parts = ['complete -c strato'];
      if (c.path.length > 0) parts.push('-n', sq(at));
      parts.push('-l', o.long.replace(/^--/, ''));
      if (o.short) parts.push('-s', o.short.replace(/^-/, ''));
      if (o.value) parts.push('-r');
      if (o.choices.length) parts.push('-f', '-a', sq(o.choices.join(' ')));
      parts.push('-d', sq(o.description));
      lines.push(parts.join(' '));
    }
  }
  return `# fish completion for strato, generated from its command tree by
# \`strato completion fish\`. Load it with: strato completion fish | source
function __strato_subs
  switch "$argv[1]"
${subsCases.join('\n')}
  end
end
# The command path typed so far: words that name a subcommand of the path before them.
function __strato_path
  set -l path
  for w in (commandline -opc)[2..-1]
    if contains -- $w (string split ' ' -- (__strato_subs "$path"))
      set path (string trim -- "$path $w")
    end
  end
  echo "$path"
end
function __strato_at
  set -l p (__strato_path)
  test "$p" = "$argv[1]"
end
${lines.join('\n')}
`;
}

export function completionScript(which: Shell, tree: CommandInfo): string {
  if (which === 'zsh') return zsh(tree);
  if (which === 'fish') return fish(tree);
  return bash(tree);
}
