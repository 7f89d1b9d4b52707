// strato-agent's settings → a complete, validated configuration: defaults <
// environment (STRATO_AGENT_<FLAG>, what the systemd unit's EnvironmentFile sets) <
// command-line flags. Pure: the caller passes argv, the environment and the host name;
// facts about the host (virt type, capacity) are resolved later by main.ts. A bad value
// fails with INVALID_ARGUMENT naming the flag or variable that gave it.
import { isIP } from 'node:net';
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
import { invalidArgument, isStratoError } from '../common/errors.ts';
import { type ListenAddress, parseMetricsListen } from '../common/metrics/metrics-listen.ts';
import { ORPHAN_REMOVAL_MODES, type OrphanRemoval } from './reconcile/removal-plan.ts';
import {
  type AgentRole,
  parseRoles,
  parseStorageConfig,
  STORAGE_FLAGS,
  type StorageConfig,
} from './storage/storage-config.ts';

export type VirtTypeSetting = 'qemu' | 'kvm' | 'auto';

export interface AgentConfig {
  hostId: string;
  /** host:port the Agent service binds. @default 0.0.0.0:8776 */
  listen: string;
  /** host:port the conductor should dial; @default the listen address (host id when it is a wildcard). */
  advertise?: string;
  /** Conductor registry endpoints, tried in order; the first that answers wins. */
  conductors: string[];
  tlsDir: string;
  caFile: string;
  certFile: string;
  keyFile: string;
  libvirtSocket: string;
  stateDir: string;
  virtType: VirtTypeSetting;
  /** Operator overrides of the capacity the agent reports. */
  capacity: { vcpus?: number; ramMiB?: number; diskGiB?: number };
  /** Default wait for an ACPI stop/reboot before the hard fallback. @default 60 */
  acpiTimeoutS: number;
  /** Full state report period, the safety net behind events. @default 30 */
  resyncIntervalS: number;
  /** How long an orphan (e.g. a domain the conductor does not expect) is kept before removal. @default 120 */
  orphanGraceS: number;
  /** Whether orphans are removed (agent/reconcile/removal-plan.ts). @default 'off' (reported only) */
  orphanRemoval: OrphanRemoval;
  /** The image cache's size limit; unused images beyond it are evicted, least recently used first. @default 20 */
  imageCacheMaxGiB: number;
  /** Unused cached images older than this (since last use) are evicted; 0: no age limit. @default 168 */
  imageCacheMaxAgeH: number;
  /** A boot is refused while the state dir's file system has less free than this. @default 1024 */
  diskReserveMiB: number;
  /** Shown to guests in meta_data.json. @default 'nova' (what cloud-init images expect) */
  availabilityZone: string;
  /** Underlay (VXLAN) device; @default the device holding `underlayIp`. */
  underlayDevice?: string;
  /** Underlay (VTEP) IPv4 address; @default the source address towards the first conductor. */
  underlayIp?: string;
  /** Where libvirtd receives migrations (its TLS listener, QEMU's streams). @default the underlay IP */
  migrationAddress?: string;
  /** Desired network state and dnsmasq files. @default <state-dir>/network */
  networkStateDir: string;
  /** How long a spawn or hot-plug waits for the conductor's push to wire its ports. @default 5 */
  portWaitS: number;
  /** What this host does. @default ['compute'] */
  roles: AgentRole[];
  /** Set with the storage role (agent/storage/storage-config.ts). */
  storage?: StorageConfig;
  /** Where Prometheus metrics are served; undefined: off. @default 127.0.0.1:9181 */
  metricsListen?: ListenAddress;
  /**
   * TEST ONLY (benchmarks, control-plane scale): FAKE hypervisor and network drivers
   * (agent/fake-mode-drivers.ts) instead of libvirtd and netlink; guests do not run.
   */
  fakeHypervisor?: true;
}

export const DEFAULT_STATE_DIR = '/var/lib/strato/agent';
export const DEFAULT_LIBVIRT_SOCKET = '/run/libvirt/libvirt-sock';
export const DEFAULT_LISTEN = '0.0.0.0:8776';
export const DEFAULT_METRICS_LISTEN = '127.0.0.1:9181';
const DEFAULTS = {
  acpiTimeoutS: 60,
  resyncIntervalS: 30,
  orphanGraceS: 120,
  orphanRemoval: 'off' as OrphanRemoval,
  imageCacheMaxGiB: 20,
  imageCacheMaxAgeH: 168,
  diskReserveMiB: 1024,
  portWaitS: 5,
  availabilityZone: 'nova',
};

export const USAGE = `usage: strato-agent --conductor HOST:PORT [--conductor HOST:PORT ...] --tls-dir DIR [options]`;

/** Every flag, in the order --help lists them (common/daemon-flags.ts has the naming rules). */
export const AGENT_FLAGS: FlagTable = {
  conductor: {
    value: 'HOST:PORT',
    multiple: true,
    help: "a conductor's registry endpoint, tried in order; at least one",
  },
  'tls-dir': { value: 'DIR', help: 'holds ca.crt, <host-id>.crt and <host-id>.key (required)' },
  'host-id': { value: 'ID', help: "this host's name, as its certificate states it", default: 'the host name' },
  listen: { value: 'HOST:PORT', help: 'where the Agent service listens', default: DEFAULT_LISTEN },
  advertise: {
    value: 'HOST:PORT',
    help: 'where the conductor dials this agent',
    default: 'the listen address, with the host id for a wildcard',
  },
  'metrics-listen': {
    value: 'HOST:PORT',
    help: 'Prometheus metrics over plain HTTP at /metrics, no authentication: keep it on loopback; off disables',
    default: DEFAULT_METRICS_LISTEN,
  },
  'libvirt-socket': { value: 'PATH', help: "libvirtd's socket", default: DEFAULT_LIBVIRT_SOCKET },
  'state-dir': { value: 'DIR', help: 'instance files, image cache, state', default: DEFAULT_STATE_DIR },
  'virt-type': {
    value: 'qemu|kvm|auto',
    help: 'auto: kvm when /dev/kvm exists and the CPU has vmx or svm',
    default: 'auto',
  },
  vcpus: { value: 'N', help: 'the vCPUs to report', default: "the host's CPUs" },
  'ram-mib': { value: 'N', help: 'the memory to report, in MiB', default: "the host's memory" },
  'disk-gib': { value: 'N', help: 'the disk to report, in GiB', default: "the state directory's file system" },
  'acpi-timeout-s': {
    value: 'S',
    help: 'soft stop or reboot: seconds of ACPI before acting hard',
    default: DEFAULTS.acpiTimeoutS,
  },
  'resync-interval-s': {
    value: 'S',
    help: 'seconds between full state reports, the safety net behind events',
    default: DEFAULTS.resyncIntervalS,
  },
  'orphan-grace-s': {
    value: 'S',
    help: 'seconds an orphan (a strato object the conductor does not expect here) must stay one before removal',
    default: DEFAULTS.orphanGraceS,
  },
  'orphan-removal': {
    value: 'off|on|force',
    help:
      'off: orphans are only reported (strato host show, metrics, logs); on: removed after the grace period, ' +
      'only strato-named ones, never while no conductor answered, its last answer is older than 3 heartbeats, ' +
      'or it expects no instance while instances are here; force: as on, also then (to empty a host whose ' +
      'servers the conductor has forgotten: set force, restart, wait one grace period, set it back)',
    default: DEFAULTS.orphanRemoval,
  },
  'image-cache-max-gib': {
    value: 'N',
    help: 'image cache size limit: unused images beyond it are evicted, least recently used first; 0 keeps none unused',
    default: DEFAULTS.imageCacheMaxGiB,
  },
  'image-cache-max-age-h': {
    value: 'H',
    help: 'unused cached images not used for this many hours are evicted; 0: no age limit',
    default: DEFAULTS.imageCacheMaxAgeH,
  },
  'disk-reserve-mib': {
    value: 'N',
    help: "a boot is refused (RESOURCE_EXHAUSTED HOST_DISK_FULL) while the state dir's file system has less free",
    default: DEFAULTS.diskReserveMiB,
  },
  'availability-zone': { value: 'NAME', help: 'shown to guests in meta_data.json', default: DEFAULTS.availabilityZone },
  'underlay-device': { value: 'DEV', help: 'the VXLAN underlay device', default: 'the one holding the underlay IP' },
  'underlay-ip': {
    value: 'IP',
    help: 'the VXLAN tunnel endpoint, IPv4',
    default: 'the source address towards the first conductor',
  },
  'migration-address': {
    value: 'IP',
    help: "where this host's libvirtd receives migrations (its TLS listener and QEMU's streams)",
    default: 'the underlay IP',
  },
  'network-state-dir': {
    value: 'DIR',
    help: 'desired network state and dnsmasq files',
    default: '<state-dir>/network',
  },
  'port-wait-s': {
    value: 'S',
    help: "seconds a spawn or hot-plug waits for the conductor's push to wire its ports",
    default: DEFAULTS.portWaitS,
  },
  ...STORAGE_FLAGS,
  'fake-hypervisor': {
    help:
      'TEST ONLY: a FAKE hypervisor and network (no libvirtd, no links, no guests), for benchmarks and ' +
      'control-plane scale tests; never on a real host',
  },
};

export const ENV_PREFIX = 'STRATO_AGENT';

export const HELP = helpText(
  USAGE,
  'strato-agent: runs the VMs, networks and volumes the strato conductor places on this host.\n' +
    'Settings: defaults < environment (STRATO_AGENT_<FLAG>, e.g. STRATO_AGENT_TLS_DIR; a repeatable\n' +
    'flag takes a comma-separated list) < flags.',
  AGENT_FLAGS,
);

const HOST_ID = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/;

function bad(flag: string, message: string): never {
  throw invalidArgument('INVALID_AGENT_CONFIG', `--${flag}: ${message}`, { details: { flag } });
}

/** `host:port` with a port from 0 to 65535 (0 only where binding); IPv6 hosts in brackets. */
export function parseHostPort(flag: string, value: string, allowZero = false): { host: string; port: number } {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value);
  if (!m) bad(flag, `must be host:port, got ${JSON.stringify(value)}`);
  const port = Number(m[2]);
  if (port > 65535 || (port === 0 && !allowZero)) bad(flag, `port out of range in ${JSON.stringify(value)}`);
  return { host: m[1]!, port };
}

function positiveInt(flag: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    bad(flag, `must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/**
 * What the command line asks for: help, the version, or a run with this configuration
 * (flags over the STRATO_AGENT_* variables of `env`).
 */
export function parseAgentCommand(
  argv: readonly string[],
  hostname: string,
  env: NodeJS.ProcessEnv = {},
): DaemonCommand<AgentConfig> {
  let args: DaemonArgs;
  let fromEnv: ReturnType<typeof envSettings>;
  try {
    args = parseDaemonArgs(argv, AGENT_FLAGS);
    if (args.kind !== 'run') return args;
    fromEnv = envSettings(AGENT_FLAGS, ENV_PREFIX, env);
  } catch (err) {
    throw invalidArgument('INVALID_AGENT_CONFIG', (err as Error).message);
  }
  const values = { ...fromEnv.values, ...args.values };
  let config: AgentConfig;
  try {
    config = agentConfig(values, hostname);
  } catch (err) {
    throw nameTheVariable(err, (flag) => args.values[flag] === undefined && fromEnv.values[flag] !== undefined);
  }
  return { kind: 'run', config, deprecated: [...fromEnv.deprecated, ...args.deprecated] };
}

/** A bad value that came from the environment is reported under its variable's name, not as a flag. */
function nameTheVariable(err: unknown, fromEnv: (flag: string) => boolean): unknown {
  if (!isStratoError(err, 'INVALID_ARGUMENT')) return err;
  const flag = err.details.flag;
  if (flag === undefined || !fromEnv(flag) || !err.message.startsWith(`--${flag}:`)) return err;
  const variable = envVarName(ENV_PREFIX, flag);
  return invalidArgument(err.reason, `${variable}${err.message.slice(flag.length + 2)}`, {
    details: { ...err.details, variable },
  });
}

/** The configuration of a run; --help or --version is INVALID_ARGUMENT here. */
export function parseAgentConfig(argv: readonly string[], hostname: string, env: NodeJS.ProcessEnv = {}): AgentConfig {
  const command = parseAgentCommand(argv, hostname, env);
  if (command.kind !== 'run') bad(command.kind, 'asks for no run');
  return command.config;
}

/** A flag's value as given (string flags only), undefined when absent. */
const flag = (values: FlagValues, name: string): string | undefined => values[name] as string | undefined;

/** `{ [key]: value }`, or nothing when the value is absent (the config has no undefined keys). */
function ifGiven<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function absolutePath(name: string, value: string): string {
  if (!value.startsWith('/')) bad(name, 'must be an absolute path');
  return value;
}

function hostIdOf(values: FlagValues, hostname: string): string {
  const hostId = flag(values, 'host-id') ?? hostname;
  if (!HOST_ID.test(hostId)) {
    bad('host-id', `must be a host name (letters, digits, . and -), got ${JSON.stringify(hostId)}`);
  }
  return hostId;
}

/** Where the agent listens, where the conductor dials it, and the conductors it registers with. */
function endpointsOf(values: FlagValues): Pick<AgentConfig, 'listen' | 'advertise' | 'conductors'> {
  const listen = flag(values, 'listen') ?? DEFAULT_LISTEN;
  parseHostPort('listen', listen, true);
  const advertise = flag(values, 'advertise');
  if (advertise !== undefined) parseHostPort('advertise', advertise);
  const conductors = (values.conductor as string[] | undefined) ?? [];
  if (conductors.length === 0) bad('conductor', 'at least one conductor endpoint is required');
  for (const c of conductors) parseHostPort('conductor', c);
  return { listen, ...ifGiven('advertise', advertise), conductors };
}

function metricsListenOf(values: FlagValues): Pick<AgentConfig, 'metricsListen'> {
  try {
    return ifGiven('metricsListen', parseMetricsListen(flag(values, 'metrics-listen') ?? DEFAULT_METRICS_LISTEN));
  } catch (err) {
    return bad('metrics-listen', (err as Error).message);
  }
}

/** The certificate files, named after the host in the TLS directory. */
function tlsFilesOf(
  values: FlagValues,
  hostId: string,
): Pick<AgentConfig, 'tlsDir' | 'caFile' | 'certFile' | 'keyFile'> {
  const tlsDir = flag(values, 'tls-dir');
  if (tlsDir === undefined || tlsDir === '') bad('tls-dir', 'is required (ca.crt, <host-id>.crt and .key)');
  return {
    tlsDir,
    caFile: join(tlsDir, 'ca.crt'),
    certFile: join(tlsDir, `${hostId}.crt`),
    keyFile: join(tlsDir, `${hostId}.key`),
  };
}

function virtTypeOf(values: FlagValues): VirtTypeSetting {
  const virtType = flag(values, 'virt-type') ?? 'auto';
  if (virtType !== 'qemu' && virtType !== 'kvm' && virtType !== 'auto') bad('virt-type', 'must be qemu, kvm or auto');
  return virtType;
}

function availabilityZoneOf(values: FlagValues): string {
  const az = flag(values, 'availability-zone') ?? DEFAULTS.availabilityZone;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(az)) bad('availability-zone', 'must be 1-64 of letters, digits, ._-');
  return az;
}

/** The host's files: instance state, libvirtd's socket, network state. */
function pathsOf(values: FlagValues): Pick<AgentConfig, 'stateDir' | 'libvirtSocket' | 'networkStateDir'> {
  const stateDir = absolutePath('state-dir', flag(values, 'state-dir') ?? DEFAULT_STATE_DIR);
  const libvirtSocket = absolutePath('libvirt-socket', flag(values, 'libvirt-socket') ?? DEFAULT_LIBVIRT_SOCKET);
  const networkStateDir = absolutePath(
    'network-state-dir',
    flag(values, 'network-state-dir') ?? join(stateDir, 'network'),
  );
  return { stateDir, libvirtSocket, networkStateDir };
}

/** The VXLAN underlay, when the operator names it (otherwise found at start). */
function underlayOf(values: FlagValues): Pick<AgentConfig, 'underlayDevice' | 'underlayIp' | 'migrationAddress'> {
  const underlayDevice = flag(values, 'underlay-device');
  if (underlayDevice !== undefined && !/^[A-Za-z0-9_.:@-]{1,15}$/.test(underlayDevice)) {
    bad('underlay-device', `must be an interface name (1-15 characters), got ${JSON.stringify(underlayDevice)}`);
  }
  const underlayIp = flag(values, 'underlay-ip');
  // Register's underlay_ip is IPv4: VXLAN here runs over IPv4 (50 bytes of overhead).
  if (underlayIp !== undefined && isIP(underlayIp) !== 4) {
    bad('underlay-ip', `must be an IPv4 address, got ${JSON.stringify(underlayIp)}`);
  }
  const migrationAddress = flag(values, 'migration-address');
  if (migrationAddress !== undefined && isIP(migrationAddress) === 0) {
    bad('migration-address', `must be an IP address, got ${JSON.stringify(migrationAddress)}`);
  }
  return {
    ...ifGiven('underlayDevice', underlayDevice),
    ...ifGiven('underlayIp', underlayIp),
    ...ifGiven('migrationAddress', migrationAddress),
  };
}

/** The operator's overrides of what the agent reports. */
function capacityOf(values: FlagValues): AgentConfig['capacity'] {
  return {
    ...ifGiven('vcpus', positiveInt('vcpus', flag(values, 'vcpus'))),
    ...ifGiven('ramMiB', positiveInt('ram-mib', flag(values, 'ram-mib'))),
    ...ifGiven('diskGiB', positiveInt('disk-gib', flag(values, 'disk-gib'), 0)),
  };
}

function orphanRemovalOf(values: FlagValues): OrphanRemoval {
  const mode = flag(values, 'orphan-removal') ?? DEFAULTS.orphanRemoval;
  if (!(ORPHAN_REMOVAL_MODES as readonly string[]).includes(mode)) {
    bad('orphan-removal', `must be off, on or force, got ${JSON.stringify(mode.slice(0, 32))}`);
  }
  return mode as OrphanRemoval;
}

/** The host's hygiene: orphans, the image cache, the free space a boot needs. */
function hygieneOf(
  values: FlagValues,
): Pick<AgentConfig, 'orphanRemoval' | 'imageCacheMaxGiB' | 'imageCacheMaxAgeH' | 'diskReserveMiB'> {
  const count = (name: string, fallback: number): number => positiveInt(name, flag(values, name), 0) ?? fallback;
  return {
    orphanRemoval: orphanRemovalOf(values),
    imageCacheMaxGiB: count('image-cache-max-gib', DEFAULTS.imageCacheMaxGiB),
    imageCacheMaxAgeH: count('image-cache-max-age-h', DEFAULTS.imageCacheMaxAgeH),
    diskReserveMiB: count('disk-reserve-mib', DEFAULTS.diskReserveMiB),
  };
}

function timingsOf(
  values: FlagValues,
): Pick<AgentConfig, 'acpiTimeoutS' | 'resyncIntervalS' | 'orphanGraceS' | 'portWaitS'> {
  const seconds = (name: string, fallback: number, min = 1): number =>
    positiveInt(name, flag(values, name), min) ?? fallback;
  return {
    acpiTimeoutS: seconds('acpi-timeout-s', DEFAULTS.acpiTimeoutS),
    resyncIntervalS: seconds('resync-interval-s', DEFAULTS.resyncIntervalS),
    orphanGraceS: seconds('orphan-grace-s', DEFAULTS.orphanGraceS, 0),
    portWaitS: seconds('port-wait-s', DEFAULTS.portWaitS, 0),
  };
}

/** The whole configuration, from parts that each check their own flags (the first bad flag fails). */
function agentConfig(values: FlagValues, hostname: string): AgentConfig {
  const hostId = hostIdOf(values, hostname);
  const endpoints = endpointsOf(values);
  const metrics = metricsListenOf(values);
  const tls = tlsFilesOf(values, hostId);
  const virtType = virtTypeOf(values);
  const paths = pathsOf(values);
  const availabilityZone = availabilityZoneOf(values);
  const underlay = underlayOf(values);
  const capacity = capacityOf(values);
  const timings = timingsOf(values);
  const hygiene = hygieneOf(values);
  const roles = parseRoles(flag(values, 'roles'));
  const storage = parseStorageConfig(values, roles, paths.stateDir);
  const fakeHypervisor = values['fake-hypervisor'] === true;
  if (fakeHypervisor && storage !== undefined) bad('fake-hypervisor', 'has no fake storage: drop the storage role');
  return {
    hostId,
    ...endpoints,
    ...metrics,
    ...tls,
    ...paths,
    virtType,
    capacity,
    ...timings,
    ...hygiene,
    availabilityZone,
    ...underlay,
    roles,
    ...ifGiven('storage', storage),
    ...(fakeHypervisor ? { fakeHypervisor: true as const } : {}),
  };
}

/**
 * `auto` picks kvm only when /dev/kvm exists AND the CPU advertises hardware
 * virtualisation (vmx or svm): some kernels offer a paravirtual /dev/kvm on
 * which stock guests spin forever (see HOST-FACTS.md).
 */
export function detectVirtType(setting: VirtTypeSetting, kvmDeviceExists: boolean, cpuinfo: string): 'qemu' | 'kvm' {
  if (setting !== 'auto') return setting;
  const hasHwVirt = /^flags\s*:.*\b(vmx|svm)\b/m.test(cpuinfo);
  return kvmDeviceExists && hasHwVirt ? 'kvm' : 'qemu';
}
