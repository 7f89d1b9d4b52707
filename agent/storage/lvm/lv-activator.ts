// Turning an LV into a block device the data path can use (wipe, image copy, export).
// The real way is device-mapper (`lvchange -ay`, `/dev/<vg>/<lv>`); where the kernel
// has no device-mapper, the only other way is the TEST stand-in (loop-stand-in.ts),
// chosen explicitly, never by default. Without either, the data path is refused with
// a reason, not faked.
import { readFileSync } from 'node:fs';
import { failedPrecondition } from '../../../common/errors.ts';
import type { Support } from '../volume-driver.ts';
import type { PeRange } from './lvm-report.ts';
import type { LvmRunner } from './lvm-runner.ts';

/**
 * Whether the kernel has device-mapper. Not "does /dev/mapper/control exist": libdevmapper
 * creates that node itself (mknod 10:236) when it is missing, even on a kernel without the
 * driver (seen here: the node exists and open() fails ENODEV). The kernel's own list of
 * misc devices says whether the driver is there.
 */
export function hasDeviceMapper(procMisc = '/proc/misc'): boolean {
  try {
    return /^\s*\d+\s+device-mapper$/m.test(readFileSync(procMisc, 'utf8'));
  } catch {
    return false;
  }
}

/** Where an LV's bytes are: what any activator may need. */
export interface LvLocation {
  vg: string;
  lv: string;
  sizeBytes: number;
  extentSizeBytes: number;
  ranges: PeRange[];
}

export interface LvActivator {
  /** Printed by tests and logged at start: which data path runs. */
  readonly description: string;
  /** LVs must be one contiguous run of extents (lvcreate/lvextend `--alloc contiguous`). */
  readonly requiresContiguous: boolean;
  /** Whether LV snapshots work (they need device-mapper's snapshot target). */
  readonly snapshots: Support;
  /** The LV's block device, made available if it is not; idempotent. */
  activate(lv: LvLocation): Promise<string>;
  /** Makes the device go away (for removal, or before a size change); idempotent. */
  deactivate(lv: LvLocation): Promise<void>;
}

const DM_MISSING = "device-mapper is missing from this host's kernel";

export class DeviceMapperActivator implements LvActivator {
  readonly description = 'device-mapper (lvchange -ay)';
  readonly requiresContiguous = false;
  readonly #runner: LvmRunner;
  readonly #present: boolean;

  constructor(runner: LvmRunner, present = hasDeviceMapper()) {
    this.#runner = runner;
    this.#present = present;
  }

  get snapshots(): Support {
    return this.#present ? { supported: true } : { supported: false, reason: `${DM_MISSING}: LVM snapshots need it` };
  }

  #require(): void {
    if (!this.#present) {
      throw failedPrecondition(
        'DEVICE_MAPPER_MISSING',
        `${DM_MISSING}: LVM volumes cannot be activated, so their data path (wipe, image copy, export) is unavailable`,
      );
    }
  }

  async activate(lv: LvLocation): Promise<string> {
    this.#require();
    await this.#runner.run('lvchange', ['-ay', `${lv.vg}/${lv.lv}`]);
    return `/dev/${lv.vg}/${lv.lv}`;
  }

  async deactivate(lv: LvLocation): Promise<void> {
    if (!this.#present) return; // nothing can be active
    await this.#runner.run('lvchange', ['-an', `${lv.vg}/${lv.lv}`]);
  }
}
