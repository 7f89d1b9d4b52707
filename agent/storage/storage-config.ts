// The storage role's part of strato-agent's command line: which roles the host has
// and, with `storage`, its backend, where volumes live, the wipe policy and the iSCSI
// portal. Pure (config.ts calls it with the parsed flags); a bad value fails with
// INVALID_ARGUMENT naming the flag, like every agent flag.
import { join } from 'node:path';
import type { FlagTable, FlagValues } from '../../common/daemon-flags.ts';
import { invalidArgument, isStratoError } from '../../common/errors.ts';
import { parsePortal } from './iscsi/iscsi-names.ts';
import type { WipePolicy } from './volume-driver.ts';

/** network: routers (qrouter namespaces) may be placed here. */
export type AgentRole = 'compute' | 'storage' | 'network';
const AGENT_ROLES: readonly AgentRole[] = ['compute', 'storage', 'network'];

export interface StorageConfig {
  backend: 'file' | 'lvm';
  /** file: where volumes live (0700). @default <state-dir>/volumes */
  dir: string;
  /** lvm: the operator's volume group. */
  volumeGroup?: string;
  /** @default zero */
  wipe: WipePolicy;
  /** file: what volumes may take in all. @default the filesystem's size */
  capacityBytes?: number;
  /** Where tgtd listens; @default the underlay address, port 3260 (resolved at start). */
  portal?: { address: string; port: number };
  /** tgtd's management port. @default 0 (the host's tgtd) */
  tgtControlPort: number;
  /**
   * lvm without device-mapper: run the data path through the TEST-ONLY loop stand-in.
   * Never for production: it is for test machines whose kernel lacks device-mapper.
   */
  lvmTestLoopStandIn: boolean;
}

/** The storage role's flags, merged into the agent's flag table (common/daemon-flags.ts). */
export const STORAGE_FLAGS = {
  roles: {
    value: 'compute[,storage][,network]',
    help: "this host's roles (network: routers may run here)",
    default: 'compute',
  },
  'storage-backend': { value: 'file|lvm', help: 'where volumes live (storage role)', default: 'file' },
  'storage-dir': { value: 'DIR', help: 'file backend: the volumes directory', default: '<state-dir>/volumes' },
  'volume-group': { value: 'VG', help: 'lvm backend: the volume group (required with lvm)' },
  'storage-wipe': { value: 'zero|none', help: 'what a deleted volume is overwritten with', default: 'zero' },
  'storage-capacity-gib': {
    value: 'N',
    help: 'file backend: what volumes may take in all',
    default: 'the file system',
  },
  'iscsi-portal': { value: 'IP[:PORT]', help: "tgtd's iSCSI portal", default: 'the underlay address, port 3260' },
  'tgt-control-port': { value: 'N', help: "tgtd's management port", default: 0 },
  'lvm-test-loop-stand-in': {
    help: 'TEST ONLY: lvm data path through loop devices where the kernel has no device-mapper',
  },
} as const satisfies FlagTable;

function bad(flag: string, message: string): never {
  throw invalidArgument('INVALID_AGENT_CONFIG', `--${flag}: ${message}`, { details: { flag } });
}

export function parseRoles(value: string | undefined): AgentRole[] {
  const roles = (value ?? 'compute').split(',').map((r) => r.trim());
  for (const r of roles) {
    if (!(AGENT_ROLES as readonly string[]).includes(r)) bad('roles', `unknown role ${JSON.stringify(r)}`);
  }
  // Compute's wiring (libvirt, networks) is not optional in the agent yet.
  if (!roles.includes('compute')) bad('roles', 'must include compute (a storage-only agent is not supported yet)');
  return [...new Set(roles)] as AgentRole[];
}

const uint = (flag: string, v: string, max: number): number => {
  if (!/^\d{1,9}$/.test(v) || Number(v) > max) bad(flag, `must be an integer from 0 to ${max}`);
  return Number(v);
};

/** The storage settings, or undefined without the storage role (its flags are then refused). */
export function parseStorageConfig(
  values: FlagValues,
  roles: readonly AgentRole[],
  stateDir: string,
): StorageConfig | undefined {
  const s = (k: keyof typeof STORAGE_FLAGS): string | undefined => values[k] as string | undefined;
  if (!roles.includes('storage')) {
    for (const k of Object.keys(STORAGE_FLAGS)) {
      if (k !== 'roles' && values[k] !== undefined) bad(k, 'needs --roles with storage');
    }
    return undefined;
  }
  const backend = s('storage-backend') ?? 'file';
  if (backend !== 'file' && backend !== 'lvm') bad('storage-backend', 'must be file or lvm');
  const dir = s('storage-dir') ?? join(stateDir, 'volumes');
  // tgtadm takes the backing path inside a comma-separated list.
  if (!dir.startsWith('/') || /[,\s]/.test(dir))
    bad('storage-dir', 'must be an absolute path without commas or spaces');
  const wipe = s('storage-wipe') ?? 'zero';
  if (wipe !== 'zero' && wipe !== 'none') bad('storage-wipe', 'must be zero or none');
  const config: StorageConfig = {
    backend,
    dir,
    wipe,
    tgtControlPort: s('tgt-control-port') === undefined ? 0 : uint('tgt-control-port', s('tgt-control-port')!, 65535),
    lvmTestLoopStandIn: values['lvm-test-loop-stand-in'] === true,
  };
  const vg = s('volume-group');
  if (backend === 'lvm') {
    if (vg === undefined || !/^[A-Za-z0-9+_.][A-Za-z0-9+_.-]{0,126}$/.test(vg)) {
      bad('volume-group', 'is required with --storage-backend lvm (a volume group name)');
    }
    config.volumeGroup = vg;
  } else {
    if (vg !== undefined) bad('volume-group', 'only applies to --storage-backend lvm');
    if (config.lvmTestLoopStandIn) bad('lvm-test-loop-stand-in', 'only applies to --storage-backend lvm');
  }
  const cap = s('storage-capacity-gib');
  if (cap !== undefined) {
    if (backend !== 'file') bad('storage-capacity-gib', 'only applies to --storage-backend file (lvm: the VG size)');
    const gib = uint('storage-capacity-gib', cap, 1 << 20);
    if (gib === 0) bad('storage-capacity-gib', 'must be at least 1');
    config.capacityBytes = gib * 1024 ** 3;
  }
  const portal = s('iscsi-portal');
  if (portal !== undefined) {
    try {
      config.portal = parsePortal(portal);
    } catch (err) {
      if (isStratoError(err)) bad('iscsi-portal', 'must be IP[:PORT] with a specific (not wildcard) address');
      throw err;
    }
  }
  return config;
}
