// Runs the Hypervisor conformance suite against the libvirt backend and the real
// libvirtd, with domains booting the test image (test/harness/test-image.ts) from a
// qcow2 overlay under TCG, and volumes served by a private tgtd (test/harness/
// iscsi-lab.ts) that QEMU's initiator logs in to with CHAP. Everything made here
// (domains and their logs, taps, files, the lab) is removed when the file ends, pass or fail.
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { domainNameFor } from '../../../agent/hypervisor/domain-name.ts';
import type { InstanceSpec, PortSpec } from '../../../agent/hypervisor/instance-spec.ts';
import { isDomainLog, LIBVIRT_QEMU_LOG_DIR } from '../../../agent/hypervisor/libvirt/domain-logs.ts';
import { LibvirtHypervisor } from '../../../agent/hypervisor/libvirt/libvirt-hypervisor.ts';
import { log } from '../../../common/log.ts';
import { readLines } from '../../harness/console-log.ts';
import { run } from '../../harness/exec.ts';
import { IscsiLab } from '../../harness/iscsi-lab.ts';
import { testImage } from '../../harness/test-image.ts';
import { hypervisorConformance } from './hypervisor-suite.ts';
import { conformanceSpec, definitionPort, volumeDisk } from './suite-helpers.ts';

const quiet = log.child({});
quiet.level = 'silent';
const BOOT_MARKER = 'STRATO-BOOT-OK';
const CONFIG_DRIVE_MARKER = /^STRATO-(NO-)?CONFIG-DRIVE/;
const BOOT_TIMEOUT_MS = 240_000;

hypervisorConformance('libvirt', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'strato-hv-conformance-'));
  // QEMU (libvirt-qemu) reads the base and writes the overlays below it.
  await chmod(dir, 0o755);
  const base = join(dir, 'base.qcow2');
  const ids = new Set<string>();
  const taps: string[] = [];
  /** Boot markers each guest showed so far: a reboot keeps the QEMU process and its log. */
  const ups = new Map<string, number>();
  let hv: LibvirtHypervisor | undefined;
  const lab = new IscsiLab();
  try {
    await copyFile((await testImage()).disk, base);
    await lab.open();
    hv = await LibvirtHypervisor.connect({ log: quiet });
  } catch (err) {
    await lab.close();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const consoleLog = (id: string): string => join(dir, id, 'console.log');
  return {
    hv,
    async spec(id): Promise<InstanceSpec> {
      ids.add(id);
      const idir = join(dir, id);
      await mkdir(idir, { recursive: true, mode: 0o755 });
      const disk = join(idir, 'disk.qcow2');
      await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', 'qcow2', '-b', base, disk]);
      return conformanceSpec(id, {
        rootDisk: { path: disk, backing: { path: base, format: 'qcow2' } },
        consoleLogPath: consoleLog(id),
      });
    },
    async port(): Promise<PortSpec> {
      const port = definitionPort();
      const tap = `tapc${randomBytes(4).toString('hex')}`;
      await run('ip', ['tuntap', 'add', 'dev', tap, 'mode', 'tap']);
      taps.push(tap);
      return { ...port, tap };
    },
    // Up means acpid runs too: the image starts it from inittab after the boot marker,
    // before its config-drive probe, whose marker (found or not) therefore comes after
    // it. An ACPI press between the two would be lost.
    async guestUp(id) {
      const seen = ups.get(id) ?? 0;
      const deadline = Date.now() + BOOT_TIMEOUT_MS;
      for (;;) {
        const lines = await readLines(consoleLog(id));
        const n = lines.filter((l) => l.includes(BOOT_MARKER)).length;
        const probed = lines.filter((l) => CONFIG_DRIVE_MARKER.test(l)).length;
        if (n > seen && probed >= n) {
          ups.set(id, n);
          return;
        }
        if (Date.now() > deadline) {
          const tail = lines.slice(-15).join('\n');
          throw new Error(
            `guest ${id} was not up again (${BOOT_MARKER}, then acpid) in ${BOOT_TIMEOUT_MS} ms:\n${tail}`,
          );
        }
        await sleep(200);
      }
    },
    filesDir: dir,
    async hasLogs(id) {
      const files = await readdir(LIBVIRT_QEMU_LOG_DIR).catch(() => [] as string[]);
      return files.some((f) => isDomainLog(f, domainNameFor(id)));
    },
    async volume() {
      const v = await lab.volume();
      return { spec: volumeDisk(v), chapSecret: v.chapSecret, sizeBytes: v.sizeBytes };
    },
    async growVolume(v, sizeBytes) {
      await lab.grow(v.spec.id, sizeBytes);
    },
    async close() {
      for (const id of ids) {
        await hv.destroy(id);
        await hv.undefine(id);
        await hv.removeLogs(id);
      }
      for (const tap of taps) await run('ip', ['link', 'del', tap]).catch(() => {});
      await hv.close();
      await lab.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
