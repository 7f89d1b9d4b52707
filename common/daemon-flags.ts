// The daemons' command lines (strato-agent, strato-conductor). One table of
// flags gives both the parser's options and the --help text, so the two
// cannot drift apart. The rules both daemons follow:
// - flags are kebab-case, and a duration or a size names its unit:
//   `--acpi-timeout-s`, `--heartbeat-interval-s`, `--ram-mib`;
// - `--help`/`-h` and `--version`/`-V` print to stdout and succeed before any
//   other check (a required flag may be missing);
// - a renamed flag keeps its old spelling as a deprecated alias: same
//   meaning, reported so the daemon can log it; giving both is an error;
// - every flag can also come from the environment as PREFIX_<FLAG>
//   (STRATO_AGENT_ACPI_TIMEOUT_S for --acpi-timeout-s): that is how the systemd
//   units configure the daemons (an EnvironmentFile written from this same table
//   by envFileText), and a flag given on the command line wins.
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

/** `STRATO_AGENT_ACPI_TIMEOUT_S` for prefix `STRATO_AGENT` and flag `acpi-timeout-s`. */
export function envVarName(prefix: string, flag: string): string {
  return `${prefix}_${flag.toUpperCase().replaceAll('-', '_')}`;
}

const SWITCH_VALUES: Readonly<Record<string, boolean>> = {
  '1': true,
  true: true,
  yes: true,
  '0': false,
  false: false,
  no: false,
};

/**
 * The flags' values the environment gives, read like the command line: PREFIX_<FLAG>
 * for each flag of `table` (or for an alias, reported as deprecated). An empty variable
 * counts as unset; a repeatable flag's variable is a comma-separated list; a switch is
 * 1/true/yes or 0/false/no. Throws a TypeError naming the variable, as the argv
 * parser does for flags.
 */
export function envSettings(
  table: FlagTable,
  prefix: string,
  env: NodeJS.ProcessEnv,
): { values: FlagValues; deprecated: Deprecation[] } {
  const spell = (name: string) => envVarName(prefix, name);
  const specOf = new Map<string, FlagSpec>();
  for (const [name, spec] of Object.entries(table))
    for (const n of [name, ...(spec.aliases ?? [])]) specOf.set(n, spec);
  return canonicalValues(
    table,
    (name) => {
      const raw = env[spell(name)];
      if (raw === undefined || raw === '') return undefined;
      const spec = specOf.get(name)!;
      if (spec.value === undefined) {
        const on = SWITCH_VALUES[raw.toLowerCase()];
        if (on === undefined) throw new TypeError(`${spell(name)} must be 1 or 0 (true/false, yes/no)`);
        return on;
      }
      return spec.multiple ? raw.split(',').map((v) => v.trim()) : raw;
    },
    spell,
  );
}

/** A default worth writing as a value (`/var/lib/strato/agent`, `60`), not a description ("the host name"). */
const literalDefault = (d: string | number | undefined): d is string | number =>
  d !== undefined && /^[^\s<]+$/.test(String(d));

export interface EnvFileOptions {
  /** Comment lines at the top (without the `# `). */
  header: readonly string[];
  /** Active settings, by flag name. */
  set?: Readonly<Record<string, string>>;
  /** Settings the unit itself makes (by flag name: how), listed but not settable here. */
  managed?: Readonly<Record<string, string>>;
}

/**
 * An EnvironmentFile for a daemon: every flag of `table` as PREFIX_<FLAG>, with its
 * help and default as a comment; the settings in `set` are active, the rest commented
 * out at their defaults, so the file documents everything that can be changed.
 */
export function envFileText(table: FlagTable, prefix: string, options: EnvFileOptions): string {
  const set = options.set ?? {};
  const managed = options.managed ?? {};
  for (const flag of [...Object.keys(set), ...Object.keys(managed)]) {
    if (!(flag in table)) throw new TypeError(`unknown setting ${flag}`);
  }
  const lines = options.header.map((l) => `# ${l}`.trimEnd());
  for (const [name, spec] of Object.entries(table)) {
    const variable = envVarName(prefix, name);
    const how = managed[name];
    if (how !== undefined) {
      lines.push('', `# ${spec.help}: ${variable} is set by the unit (${how})`);
      continue;
    }
    const notes = [
      spec.default === undefined ? '' : `default: ${spec.default}`,
      spec.multiple ? 'several: comma-separated' : '',
      spec.value === undefined ? '1 to enable' : '',
    ].filter(Boolean);
    lines.push('', `# ${spec.help}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    const value = set[name];
    if (value !== undefined) lines.push(`${variable}=${value}`);
    else lines.push(`#${variable}=${literalDefault(spec.default) ? spec.default : ''}`);
  }
  return `${lines.join('\n')}\n`;
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
