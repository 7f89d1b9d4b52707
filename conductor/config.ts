// The conductor's configuration: defaults < JSON file (--config) < environment
// (STRATO_CONDUCTOR_*) < command-line flags. Everything is checked here, once,
// so the rest of the daemon gets a complete, valid ConductorConfig.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { invalidArgument } from '../common/errors.ts';

export interface ConductorConfig {
  /** State (state.db), image bytes, the admin password file. @default /var/lib/strato/conductor */
  dataDir: string;
  /** Public API (TLS, bearer tokens). @default 127.0.0.1:8774 */
  listen: string;
  /** Agents' registry (mutual TLS). @default 0.0.0.0:8775 */
  registryListen: string;
  /** Holds ca.crt, conductor.crt and conductor.key (scripts/make-certs). @default /etc/strato/tls */
  tlsDir: string;
  /** @default 10 */
  heartbeatIntervalS: number;
  /** A host without a heartbeat for this long is down. @default 60 */
  downTimeS: number;
  /** Soft stop/reboot: ACPI for this long, then hard. @default 60 */
  acpiTimeoutS: number;
  /** Hosts tried per boot. @default 3 */
  maxBuildAttempts: number;
  /** Over-commit factors. @default { cpu: 4, ram: 1, disk: 1 } */
  allocationRatio: { cpu: number; ram: number; disk: number };
  /** Deadline of SpawnInstance (image pull + boot). @default 300 */
  spawnTimeoutS: number;
  /**
   * How long a boot waits for its host when the host does not answer (an agent
   * restarting), counted from when the host was chosen; then the server goes to
   * ERROR, still holding the host. At least spawnTimeoutS. @default 600
   */
  buildTimeoutS: number;
  /** Lifetime of a login token. @default 43200 (12 h) */
  tokenTtlS: number;
  /** How long shutdown waits for running calls. @default 5 */
  shutdownGraceS: number;
  /** Every host's network state is pushed again this often (the safety net behind change-driven pushes). @default 30 */
  networkResyncS: number;
  /** MTU of the hosts' underlay; vxlan networks get 50 less by default. @default 1500 */
  underlayMtu: number;
}

export const DEFAULT_CONFIG: Readonly<ConductorConfig> = {
  dataDir: '/var/lib/strato/conductor',
  listen: '127.0.0.1:8774',
  registryListen: '0.0.0.0:8775',
  tlsDir: '/etc/strato/tls',
  heartbeatIntervalS: 10,
  downTimeS: 60,
  acpiTimeoutS: 60,
  maxBuildAttempts: 3,
  allocationRatio: { cpu: 4, ram: 1, disk: 1 },
  spawnTimeoutS: 300,
  buildTimeoutS: 600,
  tokenTtlS: 12 * 3600,
  shutdownGraceS: 5,
  networkResyncS: 30,
  underlayMtu: 1500,
};

export function tlsFiles(c: Pick<ConductorConfig, 'tlsDir'>) {
  return {
    caFile: join(c.tlsDir, 'ca.crt'),
    certFile: join(c.tlsDir, 'conductor.crt'),
    keyFile: join(c.tlsDir, 'conductor.key'),
  };
}

const bad = (msg: string) => invalidArgument('CONFIG_INVALID', msg);

const NUMERIC = [
  'heartbeatIntervalS',
  'downTimeS',
  'acpiTimeoutS',
  'maxBuildAttempts',
  'spawnTimeoutS',
  'buildTimeoutS',
  'tokenTtlS',
  'shutdownGraceS',
  'networkResyncS',
  'underlayMtu',
] as const;
const STRINGS = ['dataDir', 'listen', 'registryListen', 'tlsDir'] as const;

/** Fills defaults and refuses nonsense early. */
export function resolveConfig(partial: Partial<ConductorConfig>): ConductorConfig {
  const c: ConductorConfig = {
    ...DEFAULT_CONFIG,
    ...partial,
    allocationRatio: { ...DEFAULT_CONFIG.allocationRatio, ...partial.allocationRatio },
  };
  for (const k of STRINGS) if (typeof c[k] !== 'string' || c[k] === '') throw bad(`${k} must be a non-empty string`);
  for (const k of NUMERIC) if (!(typeof c[k] === 'number' && c[k] > 0)) throw bad(`${k} must be a number > 0`);
  if (!Number.isInteger(c.maxBuildAttempts)) throw bad('maxBuildAttempts must be an integer');
  if (!Number.isInteger(c.underlayMtu) || c.underlayMtu < 576) throw bad('underlayMtu must be an integer >= 576');
  if (c.downTimeS <= c.heartbeatIntervalS) {
    throw bad(`downTimeS (${c.downTimeS}) must exceed heartbeatIntervalS (${c.heartbeatIntervalS})`);
  }
  if (c.buildTimeoutS < c.spawnTimeoutS) {
    throw bad(`buildTimeoutS (${c.buildTimeoutS}) must be at least spawnTimeoutS (${c.spawnTimeoutS})`);
  }
  for (const [k, v] of Object.entries(c.allocationRatio)) {
    if (!(typeof v === 'number' && v > 0)) throw bad(`allocationRatio.${k} must be a number > 0`);
  }
  return c;
}

const FLAGS = {
  config: { type: 'string' },
  'data-dir': { type: 'string' },
  listen: { type: 'string' },
  'registry-listen': { type: 'string' },
  'tls-dir': { type: 'string' },
  'heartbeat-interval': { type: 'string' },
  'down-time': { type: 'string' },
  'acpi-timeout': { type: 'string' },
  'network-resync': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const USAGE = `usage: strato-conductor [--config FILE.json] [--data-dir DIR] [--listen HOST:PORT]
       [--registry-listen HOST:PORT] [--tls-dir DIR] [--heartbeat-interval S]
       [--down-time S] [--acpi-timeout S] [--network-resync S]
Environment: STRATO_CONDUCTOR_DATA_DIR, _LISTEN, _REGISTRY_LISTEN, _TLS_DIR,
_HEARTBEAT_INTERVAL, _DOWN_TIME, _ACPI_TIMEOUT, _NETWORK_RESYNC (flags win over them,
they win over the file).`;

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw bad(`${name} must be a number, got ${JSON.stringify(v)}`);
  return n;
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** From argv and the environment; undefined when --help was asked for. */
export async function loadConfig(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ConductorConfig | undefined> {
  const { values } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false });
  if (values.help) return undefined;
  let file: Partial<ConductorConfig> = {};
  if (values.config) {
    try {
      file = JSON.parse(await readFile(values.config, 'utf8')) as Partial<ConductorConfig>;
    } catch (err) {
      throw bad(`cannot read config file ${values.config}: ${(err as Error).message}`);
    }
  }
  const e = (k: string) => env[`STRATO_CONDUCTOR_${k}`] || undefined;
  const fromEnv = defined({
    dataDir: e('DATA_DIR'),
    listen: e('LISTEN'),
    registryListen: e('REGISTRY_LISTEN'),
    tlsDir: e('TLS_DIR'),
    heartbeatIntervalS: num('STRATO_CONDUCTOR_HEARTBEAT_INTERVAL', e('HEARTBEAT_INTERVAL')),
    downTimeS: num('STRATO_CONDUCTOR_DOWN_TIME', e('DOWN_TIME')),
    acpiTimeoutS: num('STRATO_CONDUCTOR_ACPI_TIMEOUT', e('ACPI_TIMEOUT')),
    networkResyncS: num('STRATO_CONDUCTOR_NETWORK_RESYNC', e('NETWORK_RESYNC')),
  });
  const fromFlags = defined({
    dataDir: values['data-dir'],
    listen: values.listen,
    registryListen: values['registry-listen'],
    tlsDir: values['tls-dir'],
    heartbeatIntervalS: num('--heartbeat-interval', values['heartbeat-interval']),
    downTimeS: num('--down-time', values['down-time']),
    acpiTimeoutS: num('--acpi-timeout', values['acpi-timeout']),
    networkResyncS: num('--network-resync', values['network-resync']),
  });
  return resolveConfig({ ...file, ...fromEnv, ...fromFlags });
}
