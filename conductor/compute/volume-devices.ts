// The hypervisor's names for a server's volumes: vda is the root disk, vdb the
// config drive, vdc … vdz the volumes attached later. Pure.
import { echo, invalidArgument, StratoError } from '../../common/errors.ts';
import { NAME_MAX } from '../naming/names.ts';

export const DEVICES: readonly string[] = Array.from({ length: 24 }, (_, i) => `vd${String.fromCharCode(99 + i)}`);

/** '' (the first free), vdc … vdz, or /dev/vdX: DEVICE_INVALID naming `device`. */
export function parseDevice(value: unknown): string {
  const v = typeof value === 'string' ? value.replace(/^\/dev\//, '') : '';
  if (v === '' || DEVICES.includes(v)) return v;
  throw invalidArgument('DEVICE_INVALID', `device must be one of vdc … vdz (or ''), got ${echo(String(value))}`, {
    details: { field: 'device' },
  });
}

/**
 * The device a new volume gets: `want` if free, else the first free.
 * Errors: FAILED_PRECONDITION/DEVICE_IN_USE (`want` is taken), RESOURCE_EXHAUSTED/DEVICE_LIMIT.
 */
export function pickDevice(taken: readonly { device: string; volumeId: string }[], want: string): string {
  const used = new Set(taken.map((t) => t.device));
  if (want !== '') {
    if (!used.has(want)) return want;
    const holder = taken.find((t) => t.device === want)?.volumeId ?? '';
    throw new StratoError(
      'FAILED_PRECONDITION',
      'DEVICE_IN_USE',
      `the server has a disk at ${want} (volume ${holder})`,
      {
        details: { field: 'device', device: want },
      },
    );
  }
  const free = DEVICES.find((d) => !used.has(d));
  if (free === undefined) {
    throw new StratoError('RESOURCE_EXHAUSTED', 'DEVICE_LIMIT', `the server has volumes at every device of vdc … vdz`, {
      details: { field: 'device' },
    });
  }
  return free;
}

/** "<server name>-boot", the name cut so that the whole fits the naming rule. */
export function bootVolumeName(serverName: string): string {
  return `${serverName.slice(0, NAME_MAX - '-boot'.length)}-boot`;
}
