// The conductor's configuration: defaults < JSON file (--config) < environment
// (STRATO_CONDUCTOR_*) < command-line flags. Everything is checked here, once,
// so the rest of the daemon gets a complete, valid ConductorConfig.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type DaemonArgs,
  type DaemonCommand,
  envSettings,
  envVarName,
  type FlagTable,
  type FlagValues,
  helpText,
  parseDaemonArgs,
} from '../common/daemon-flags.ts';
import { invalidArgument } from '../common/errors.ts';
import { isLoopbackAddress } from '../common/loopback.ts';
import { parseMetricsListen } from '../common/metrics/metrics-listen.ts';
import { resolveDefaults } from './quotas/check.ts';
import { DEFAULT_LIMITS, type QuotaDelta } from './quotas/model.ts';

export interface ConductorConfig {
  /** State (state.db), image bytes, the admin password file. @default /var/lib/strato/conductor */
  dataDir: string;
  /** Public API (TLS unless listenPlaintext, bearer tokens). @default 127.0.0.1:8774 */
  listen: string;
  /**
   * The public API's certificate chain and key (PEM), e.g. from a public CA
   * for the API's name. '' = tlsDir's conductor.crt and conductor.key (made by
   * scripts/make-certs). Both or neither. @default ''
   */
  tlsCert: string;
  tlsKey: string;
  /**
   * Serve the public API without TLS (e.g. behind a local TLS proxy). Only on
   * a loopback address: anything else is refused at start. @default false
   */
  listenPlaintext: boolean;
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
  /** Lifetime of a login token. @default 3600 (1 h) */
  tokenTtlS: number;
  /** Validity of a host certificate the conductor issues or renews (HostCertificates). @default 365 */
  certificateValidityDays: number;
  /** How long shutdown waits for running calls. @default 5 */
  shutdownGraceS: number;
  /** Every host's network state is pushed again this often (the safety net behind change-driven pushes). @default 30 */
  networkResyncS: number;
  /** MTU of the hosts' underlay; vxlan networks get 50 less by default. @default 1500 */
  underlayMtu: number;
  /**
   * How long a volume operation (create, extend, delete, snapshot, attach, detach)
   * waits for a host that gives no answer before it fails saying so. @default 600
   */
  volumeTimeoutS: number;
  /** How long a detach waits for the guest to release the disk (DETACH_TIMEOUT). @default 60 */
  detachTimeoutS: number;
  /** Every storage host's iSCSI exports are reconciled with the attachments this often. @default 60 */
  exportReconcileS: number;
  /**
   * A resize left in RESIZED (VERIFY_RESIZE) this long is confirmed by the
   * conductor, giving the source host's resources back (Nova's
   * resize_confirm_window); 0 = never. @default 86400 (24 h)
   */
  resizeConfirmAfterS: number;
  /** Prometheus metrics (HTTP, no authentication): HOST:PORT, or 'off'. @default 127.0.0.1:9180 */
  metricsListen: string;
  /**
   * Quota limits of every project an admin set none for, by resource (-1:
   * unlimited); the ones not given keep Nova's, Cinder's and Neutron's defaults:
   * @default { instances: 10, cores: 20, ramMib: 51200, volumes: 10, gigabytes: 1000,
   *   snapshots: 10, networks: 100, ports: 500, securityGroups: 10, floatingIps: 50,
   *   routers: 10 }
   */
  quotaDefaults: QuotaDelta;
}

export const DEFAULT_CONFIG: Readonly<ConductorConfig> = {
  dataDir: '/var/lib/strato/conductor',
  listen: '127.0.0.1:8774',
  tlsCert: '',
  tlsKey: '',
  listenPlaintext: false,
  registryListen: '0.0.0.0:8775',
  tlsDir: '/etc/strato/tls',
  heartbeatIntervalS: 10,
  downTimeS: 60,
  acpiTimeoutS: 60,
  maxBuildAttempts: 3,
  allocationRatio: { cpu: 4, ram: 1, disk: 1 },
  spawnTimeoutS: 300,
  buildTimeoutS: 600,
  tokenTtlS: 3600,
  certificateValidityDays: 365,
  shutdownGraceS: 5,
  networkResyncS: 30,
  underlayMtu: 1500,
  volumeTimeoutS: 600,
  detachTimeoutS: 60,
  exportReconcileS: 60,
  resizeConfirmAfterS: 86_400,
  metricsListen: '127.0.0.1:9180',
  quotaDefaults: { ...DEFAULT_LIMITS },
};

export function tlsFiles(c: Pick<ConductorConfig, 'tlsDir'>) {
  return {
    caFile: join(c.tlsDir, 'ca.crt'),
    certFile: join(c.tlsDir, 'conductor.crt'),
    keyFile: join(c.tlsDir, 'conductor.key'),
  };
}

/** The CA the conductor signs host certificates with (scripts/make-certs --ca made them there). */
export function caFiles(c: Pick<ConductorConfig, 'tlsDir'>) {
  return { caFile: join(c.tlsDir, 'ca.crt'), keyFile: join(c.tlsDir, 'ca.key') };
}

/** The public API's certificate and key files: --tls-cert/--tls-key, else the registry's pair in tlsDir. */
export function publicTlsFiles(c: Pick<ConductorConfig, 'tlsDir' | 'tlsCert' | 'tlsKey'>) {
  const own = tlsFiles(c);
  return { certFile: c.tlsCert || own.certFile, keyFile: c.tlsKey || own.keyFile };
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
  'certificateValidityDays',
  'shutdownGraceS',
  'networkResyncS',
  'underlayMtu',
  'volumeTimeoutS',
  'detachTimeoutS',
  'exportReconcileS',
] as const;
const STRINGS = ['dataDir', 'listen', 'registryListen', 'tlsDir'] as const;

/** Fills defaults and refuses nonsense early. */
export function resolveConfig(partial: Partial<ConductorConfig>): ConductorConfig {
  const c: ConductorConfig = {
    ...DEFAULT_CONFIG,
    ...partial,
    allocationRatio: { ...DEFAULT_CONFIG.allocationRatio, ...partial.allocationRatio },
    quotaDefaults: resolveDefaults(DEFAULT_LIMITS, partial.quotaDefaults, 'quotaDefaults'),
  };
  for (const k of STRINGS) if (typeof c[k] !== 'string' || c[k] === '') throw bad(`${k} must be a non-empty string`);
  for (const k of NUMERIC) if (!(typeof c[k] === 'number' && c[k] > 0)) throw bad(`${k} must be a number > 0`);
  if (!Number.isInteger(c.maxBuildAttempts)) throw bad('maxBuildAttempts must be an integer');
  if (!Number.isInteger(c.certificateValidityDays) || c.certificateValidityDays > 3650) {
    throw bad('certificateValidityDays must be an integer from 1 to 3650');
  }
  if (!Number.isInteger(c.underlayMtu) || c.underlayMtu < 576) throw bad('underlayMtu must be an integer >= 576');
  if (typeof c.metricsListen !== 'string') throw bad('metricsListen must be HOST:PORT or off');
  try {
    parseMetricsListen(c.metricsListen);
  } catch (err) {
    throw bad(`metricsListen ${(err as Error).message}`);
  }
  if (!(typeof c.resizeConfirmAfterS === 'number' && c.resizeConfirmAfterS >= 0)) {
    throw bad('resizeConfirmAfterS must be a number >= 0 (0: never)');
  }
  if (c.downTimeS <= c.heartbeatIntervalS) {
    throw bad(`downTimeS (${c.downTimeS}) must exceed heartbeatIntervalS (${c.heartbeatIntervalS})`);
  }
  if (c.buildTimeoutS < c.spawnTimeoutS) {
    throw bad(`buildTimeoutS (${c.buildTimeoutS}) must be at least spawnTimeoutS (${c.spawnTimeoutS})`);
  }
  for (const [k, v] of Object.entries(c.allocationRatio)) {
    if (!(typeof v === 'number' && v > 0)) throw bad(`allocationRatio.${k} must be a number > 0`);
  }
  if (typeof c.tlsCert !== 'string' || typeof c.tlsKey !== 'string' || (c.tlsCert === '') !== (c.tlsKey === '')) {
    throw bad('tlsCert and tlsKey go together: give both or neither');
  }
  if (typeof c.listenPlaintext !== 'boolean') throw bad('listenPlaintext must be true or false');
  if (c.listenPlaintext && c.tlsCert !== '') throw bad('listenPlaintext serves no certificate: drop tlsCert/tlsKey');
  if (c.listenPlaintext && !isLoopbackAddress(c.listen)) {
    throw bad(`listenPlaintext only on a loopback address (127.0.0.0/8, ::1, localhost), not ${c.listen}: use TLS`);
  }
  return c;
}

export const USAGE = 'usage: strato-conductor [--config FILE.json] [options]';

/**
 * Every flag, in the order --help lists them (common/daemon-flags.ts has the
 * naming rules). All but --config can also be set in the environment as
 * STRATO_CONDUCTOR_<FLAG> (`--acpi-timeout-s` → STRATO_CONDUCTOR_ACPI_TIMEOUT_S),
 * old spellings included.
 */
export const CONDUCTOR_FLAGS: FlagTable = {
  config: {
    value: 'FILE.json',
    help: 'settings as JSON, camelCase (dataDir, acpiTimeoutS, allocationRatio: {cpu, ram, disk}, quotaDefaults: {instances, cores, ramMib ...} ...)',
  },
  'data-dir': { value: 'DIR', help: 'state.db, image bytes, the admin password file', default: DEFAULT_CONFIG.dataDir },
  listen: { value: 'HOST:PORT', help: 'the public API: TLS, bearer tokens', default: DEFAULT_CONFIG.listen },
  'tls-cert': {
    value: 'FILE',
    help: "the public API's certificate chain (PEM); default: conductor.crt of --tls-dir",
  },
  'tls-key': { value: 'FILE', help: "the public API's private key (PEM); default: conductor.key of --tls-dir" },
  'listen-plaintext': {
    help: 'serve the public API without TLS (only on a loopback --listen, e.g. behind a TLS proxy)',
  },
  'token-ttl-s': {
    value: 'S',
    help: 'seconds a login token lasts',
    default: DEFAULT_CONFIG.tokenTtlS,
  },
  'registry-listen': {
    value: 'HOST:PORT',
    help: "the agents' registry: mutual TLS",
    default: DEFAULT_CONFIG.registryListen,
  },
  'tls-dir': {
    value: 'DIR',
    help: 'holds ca.crt, conductor.crt and conductor.key, and ca.key (mode 0600) to issue host certificates',
    default: DEFAULT_CONFIG.tlsDir,
  },
  'certificate-validity-days': {
    value: 'DAYS',
    help: 'validity of the host certificates the conductor issues and renews',
    default: DEFAULT_CONFIG.certificateValidityDays,
  },
  'metrics-listen': {
    value: 'HOST:PORT',
    help: 'Prometheus metrics over plain HTTP at /metrics, no authentication: keep it on loopback; off disables',
    default: DEFAULT_CONFIG.metricsListen,
  },
  'heartbeat-interval-s': {
    value: 'S',
    aliases: ['heartbeat-interval'],
    help: "seconds between an agent's heartbeats",
    default: DEFAULT_CONFIG.heartbeatIntervalS,
  },
  'down-time-s': {
    value: 'S',
    aliases: ['down-time'],
    help: 'a host silent for this many seconds is down',
    default: DEFAULT_CONFIG.downTimeS,
  },
  'acpi-timeout-s': {
    value: 'S',
    aliases: ['acpi-timeout'],
    help: 'soft stop or reboot: seconds of ACPI before acting hard',
    default: DEFAULT_CONFIG.acpiTimeoutS,
  },
  'volume-timeout-s': {
    value: 'S',
    help: 'seconds a volume operation waits for a host that does not answer, then fails',
    default: DEFAULT_CONFIG.volumeTimeoutS,
  },
  'detach-timeout-s': {
    value: 'S',
    help: 'seconds a volume detach waits for the guest to release the disk',
    default: DEFAULT_CONFIG.detachTimeoutS,
  },
  'network-resync-s': {
    value: 'S',
    aliases: ['network-resync'],
    help: "seconds between full pushes of every host's network state",
    default: DEFAULT_CONFIG.networkResyncS,
  },
  'resize-confirm-after-s': {
    value: 'S',
    help: 'seconds a resize may wait for confirm or revert before the conductor confirms it (0: never)',
    default: DEFAULT_CONFIG.resizeConfirmAfterS,
  },
};

export const HELP = helpText(
  USAGE,
  'strato-conductor: the API, scheduler and state of a strato cloud. Settings: defaults < --config file\n' +
    '< environment (STRATO_CONDUCTOR_<FLAG>, e.g. STRATO_CONDUCTOR_DATA_DIR) < flags.',
  CONDUCTOR_FLAGS,
);

export const ENV_PREFIX = 'STRATO_CONDUCTOR';

/** STRATO_CONDUCTOR_ACPI_TIMEOUT_S for acpi-timeout-s. */
export const envName = (flag: string): string => envVarName(ENV_PREFIX, flag);

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw bad(`${name} must be a number, got ${JSON.stringify(v)}`);
  return n;
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The settings that flags (or environment variables named after them) give. */
function settings(v: FlagValues, spell: (flag: string) => string): Partial<ConductorConfig> {
  const str = (flag: string) => v[flag] as string | undefined;
  const seconds = (flag: string) => num(spell(flag), str(flag));
  return defined({
    dataDir: str('data-dir'),
    listen: str('listen'),
    tlsCert: str('tls-cert'),
    tlsKey: str('tls-key'),
    listenPlaintext: v['listen-plaintext'] as boolean | undefined,
    tokenTtlS: seconds('token-ttl-s'),
    registryListen: str('registry-listen'),
    tlsDir: str('tls-dir'),
    certificateValidityDays: num(spell('certificate-validity-days'), str('certificate-validity-days')),
    metricsListen: str('metrics-listen'),
    heartbeatIntervalS: seconds('heartbeat-interval-s'),
    downTimeS: seconds('down-time-s'),
    acpiTimeoutS: seconds('acpi-timeout-s'),
    networkResyncS: seconds('network-resync-s'),
    volumeTimeoutS: seconds('volume-timeout-s'),
    detachTimeoutS: seconds('detach-timeout-s'),
    resizeConfirmAfterS: seconds('resize-confirm-after-s'),
  });
}

/** What the command line asks for: help, the version, or a run with the layered configuration. */
export async function loadCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<DaemonCommand<ConductorConfig>> {
  let args: DaemonArgs;
  let fromEnv: ReturnType<typeof envSettings>;
  try {
    args = parseDaemonArgs(argv, CONDUCTOR_FLAGS);
    if (args.kind !== 'run') return args;
    // --config is a flag only; an empty variable counts as unset.
    const { config: _flagOnly, ...envFlags } = CONDUCTOR_FLAGS;
    fromEnv = envSettings(envFlags, ENV_PREFIX, env);
  } catch (err) {
    throw bad((err as Error).message);
  }
  const path = args.values.config as string | undefined;
  let file: Partial<ConductorConfig> = {};
  if (path) {
    try {
      file = JSON.parse(await readFile(path, 'utf8')) as Partial<ConductorConfig>;
    } catch (err) {
      throw bad(`cannot read config file ${path}: ${(err as Error).message}`);
    }
  }
  const config = resolveConfig({
    ...file,
    ...settings(fromEnv.values, envName),
    ...settings(args.values, (flag) => `--${flag}`),
  });
  return { kind: 'run', config, deprecated: [...fromEnv.deprecated, ...args.deprecated] };
}
