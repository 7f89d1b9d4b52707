// The test guest image (scripts/build-test-image) and OpenStack config drives for it.
// The console markers the guest prints are listed in scripts/test-image/README.md.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StratoError } from '../../common/errors.ts';
import { runExit } from './exec.ts';

export interface TestImage {
  /** BIOS-bootable qcow2 (extlinux passes `cmdline`); never write to it: use an overlay or -snapshot. */
  disk: string;
  /** Kernel and initramfs for direct kernel boot (`-kernel`/`-initrd`, libvirt `<kernel>`). */
  kernel: string;
  initrd: string;
  /**
   * The same kernel uncompressed (ELF with a PVH entry): QEMU's `-kernel` boots it ~3 s
   * faster under TCG because nothing is decompressed. Direct kernel boot only.
   */
  pvhKernel: string;
  /** Kernel command line the guest needs (serial console on ttyS0). */
  cmdline: string;
}

const SCRIPT = fileURLToPath(new URL('../../scripts/build-test-image', import.meta.url));

let building: Promise<TestImage> | undefined;

/** Builds the image once per process (the script itself caches across processes). */
export function testImage(): Promise<TestImage> {
  building ??= build().catch((err: unknown) => {
    building = undefined; // let a later caller retry instead of caching the failure
    throw err;
  });
  return building;
}

async function build(): Promise<TestImage> {
  // A first build logs much (packages, modules): room for it; its last stdout line is the disk.
  const { code, stdout, stderr } = await runExit(SCRIPT, [], { maxBuffer: 64 * 1024 * 1024 });
  const disk = stdout.trim().split('\n').at(-1)?.trim() ?? '';
  if (code !== 0 || !disk.startsWith('/')) {
    throw new StratoError(
      'FAILED_PRECONDITION',
      'TEST_IMAGE_BUILD_FAILED',
      `build-test-image failed (exit ${code}): ${stderr.trim().split('\n').slice(-10).join('\n')}`,
      {
        details: { exitCode: String(code) },
      },
    );
  }
  const dir = dirname(disk);
  const cmdline = (await readFile(join(dir, 'cmdline'), 'utf8')).trim();
  return {
    disk,
    kernel: join(dir, 'vmlinuz'),
    initrd: join(dir, 'initrd.img'),
    pvhKernel: join(dir, 'vmlinux'),
    cmdline,
  };
}

export interface ConfigDriveOptions {
  /** openstack/latest/user_data; the guest runs it when it starts with "#!". */
  userData?: string;
  /** openstack/latest/meta_data.json; the guest reads `uuid`, `hostname`, `name`. */
  metaData?: object;
  /** openstack/latest/network_data.json (the test guest itself uses DHCP). */
  networkData?: object;
}

/**
 * Writes an ISO9660 config drive labelled `config-2` in the OpenStack layout into `dir`
 * and returns its path. Each call makes a new file, so one directory can hold several.
 */
export async function makeConfigDrive(dir: string, opts: ConfigDriveOptions): Promise<string> {
  const id = randomUUID().slice(0, 8);
  const src = join(dir, `config-drive-${id}.d`);
  const iso = join(dir, `config-drive-${id}.iso`);
  const latest = join(src, 'openstack', 'latest');
  await mkdir(latest, { recursive: true });
  try {
    await writeFile(join(latest, 'meta_data.json'), JSON.stringify(opts.metaData ?? {}));
    if (opts.userData !== undefined) await writeFile(join(latest, 'user_data'), opts.userData);
    if (opts.networkData !== undefined) {
      await writeFile(join(latest, 'network_data.json'), JSON.stringify(opts.networkData));
    }
    const { code, stderr } = await runExit('genisoimage', ['-quiet', '-V', 'config-2', '-J', '-R', '-o', iso, src]);
    if (code !== 0) {
      throw new StratoError('INTERNAL', 'CONFIG_DRIVE_FAILED', `genisoimage failed (exit ${code}): ${stderr.trim()}`);
    }
  } finally {
    await rm(src, { recursive: true, force: true });
  }
  return iso;
}
