// The daemons' command lines (strato-agent, strato-conductor). One table of
// flags gives both the parser's options and the --help text, so the two
// cannot drift apart. The rules both daemons follow:
// - flags are kebab-case, and a duration or a size names its unit:
//   `--acpi-timeout-s`, `--heartbeat-interval-s`, `--ram-mib`;
// - `--help`/`-h` and `--version`/`-V` print to stdout and succeed before any
//   other check (a required flag may be missing);
// - a renamed flag keeps its old spelling as a deprecated alias: same
//   meaning, reported so the daemon can log it; giving both is an error.
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { packageVersion } from './version.ts';

export interface FlagSpec {
  /** Placeholder of the value in the help (`S`, `HOST:PORT`); absent for a switch. */
  value?: string;
  /** The flag may be repeated; its values are kept in order. */
  multiple?: boolean;
  help: string;
  /** Shown in the help; absent when there is none or it is described in `help`. */
  default?: string | number;
  /** Old spellings still accepted (without the dashes). */
  aliases?: readonly string[];
}

/** Flags by name (without the dashes), in the order the help lists them. */
export type FlagTable = Readonly<Record<string, FlagSpec>>;

export type FlagValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** An old spelling used (a flag, or an environment variable named after one). */
export interface Deprecation {
  /** As given, e.g. `--acpi-timeout`. */
  given: string;
  /** What to write instead, e.g. `--acpi-timeout-s`. */
  use: string;
}

export type DaemonArgs =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; values: FlagValues; deprecated: Deprecation[] };

const META: ParseArgsOptionsConfig = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
};

function parserOptions(table: FlagTable): ParseArgsOptionsConfig {
  const options: ParseArgsOptionsConfig = { ...META };
  for (const [name, spec] of Object.entries(table)) {
    const option = { type: spec.value === undefined ? 'boolean' : 'string', multiple: spec.multiple ?? false } as const;
    for (const n of [name, ...(spec.aliases ?? [])]) options[n] = option;
  }
  return options;
}

/**
 * Parses argv strictly (unknown flags, missing values and positionals throw
 * the parser's TypeError: the caller maps it to its own error). Aliases come
 * back under their flag's name, each use listed in `deprecated`.
 */
export function parseDaemonArgs(argv: readonly string[], table: FlagTable): DaemonArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: parserOptions(table),
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const { values: out, deprecated } = canonicalValues(
    table,
    (n) => values[n],
    (n) => `--${n}`,
  );
  return { kind: 'run', values: out, deprecated };
}

/**
 * Each flag's value under its own name, whichever spelling gave it: `lookup`
 * reads a spelling (a flag, an environment variable), `spell` names it for
 * messages. Throws a TypeError when two spellings of one flag are both given.
 */
export function canonicalValues(
  table: FlagTable,
  lookup: (name: string) => FlagValues[string],
  spell: (name: string) => string,
): { values: FlagValues; deprecated: Deprecation[] } {
  const values: FlagValues = {};
  const deprecated: Deprecation[] = [];
  for (const [name, spec] of Object.entries(table)) {
    const given = [name, ...(spec.aliases ?? [])].filter((n) => lookup(n) !== undefined);
    if (given.length > 1) {
      throw new TypeError(`${given.map(spell).join(' and ')} are the same setting; give ${spell(name)} only`);
    }
    const used = given[0];
    if (used === undefined) continue;
    if (used !== name) deprecated.push({ given: spell(used), use: spell(name) });
    values[name] = lookup(used);
  }
  return { values, deprecated };
}

/** The --help text: the usage line(s), what the daemon is, then every flag. */
export function helpText(usage: string, about: string, table: FlagTable): string {
  const rows: [string, string][] = Object.entries(table).map(([name, spec]) => {
    const left = `--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`;
    const notes = [
      spec.default === undefined ? '' : `default: ${spec.default}`,
      spec.multiple ? 'repeatable' : '',
      ...(spec.aliases ?? []).map((a) => `--${a} is a deprecated alias`),
    ].filter(Boolean);
    return [left, notes.length ? `${spec.help} (${notes.join('; ')})` : spec.help];
  });
  rows.push(['-h, --help', 'print this help'], ['-V, --version', 'print the version']);
  const width = Math.max(...rows.map(([left]) => left.length));
  const lines = rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
  return `${usage}\n\n${about}\n\nOptions:\n${lines.join('\n')}\n`;
}

/** The line after a usage error's synopsis. */
export function helpHint(program: string): string {
  return `${program} --help lists every option.`;
}

/** `strato-agent 0.1.0`. */
export function versionText(program: string): string {
  return `${program} ${packageVersion()}\n`;
}

/** What a daemon's command line asks for, its configuration parsed. */
export type DaemonCommand<C> =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; config: C; deprecated: Deprecation[] };
