// A real LVM volume group for tests: a sparse file, a loop device over it as the PV,
// and a VG named per run. close() removes all of it (LVs, the stand-in's loop devices
// over the PV, the VG, the PV label, the loop device, the file), even after a failure.

import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasDeviceMapper } from '../../../agent/storage/lvm/lv-activator.ts';
import { LvmRunner } from '../../../agent/storage/lvm/lvm-runner.ts';
import { sh } from './fixtures.ts';

/** Tests keep no LVM metadata backups or archives (they would pile up in /etc/lvm). */
export const TEST_LVM_CONFIG = 'backup/backup=0 backup/archive=0';

export interface LoopVg {
  vg: string;
  /** The file under the PV: what the VG's extents are, byte for byte. */
  pvFile: string;
  pvDevice: string;
  runner: LvmRunner;
  close(): Promise<void>;
}

const lvmConfig = (): string[] => ['--config', `${hasDeviceMapper() ? '' : 'global/activation=0 '}${TEST_LVM_CONFIG}`];
const lvm = (argv: string[]): string => sh(argv, { LVM_SUPPRESS_FD_WARNINGS: '1' });

export async function makeLoopVg(sizeBytes: number): Promise<LoopVg> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-vg-'));
  const vg = `strato-test-${randomBytes(4).toString('hex')}`;
  const pvFile = join(dir, 'pv.img');
  const fh = await open(pvFile, 'w', 0o600);
  await fh.truncate(sizeBytes);
  await fh.close();
  let pvDevice = '';
  let vgMade = false;
  const close = async (): Promise<void> => {
    if (pvDevice !== '') {
      // Loop devices the stand-in made over the PV (listed by their backing file).
      for (const line of sh(['losetup', '--noheadings', '-O', 'NAME', '-j', pvDevice]).split('\n')) {
        if (line.trim() !== '') sh(['losetup', '-d', line.trim()]);
      }
      if (vgMade) lvm(['vgremove', ...lvmConfig(), '-f', vg]);
      lvm(['pvremove', ...lvmConfig(), '-y', pvDevice]);
      sh(['losetup', '-d', pvDevice]);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    pvDevice = sh(['losetup', '--find', '--show', pvFile]).trim();
    lvm(['pvcreate', ...lvmConfig(), '-y', pvDevice]);
    lvm(['vgcreate', ...lvmConfig(), vg, pvDevice]);
    vgMade = true;
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
  return {
    vg,
    pvFile,
    pvDevice,
    runner: new LvmRunner({ activation: hasDeviceMapper(), extraConfig: TEST_LVM_CONFIG }),
    close,
  };
}
