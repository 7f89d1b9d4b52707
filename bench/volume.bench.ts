// Volumes through the whole stack (real conductor, real agents in simulated hosts, their
// own tgtd, a TCG guest), each figure against the same work done by hand in the same run:
//   create → available, per backend   vs the backend's own tool (truncate; lvcreate)
//   attach → in-use, per backend      vs libvirt hot-plugging a local raw file into the
//                                      same guest (the hypervisor's floor)
//   image → volume copy (file)        vs `qemu-img convert` of the same image by hand
//   guest sequential write and read   on an iSCSI volume vs on a local raw file, same guest
// h0 is compute + file storage (the guest runs there), h1 compute + LVM storage on a
// volume group over a loop device made here (the LVM data path through the test-only
// loop stand-in where the kernel has no device-mapper; printed).
// Run: node bench/volume.bench.ts [--smoke]
import { chmod, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AffectFlags } from '../agent/hypervisor/libvirt/flags.ts';
import { hasDeviceMapper } from '../agent/storage/lvm/lv-activator.ts';
import { type LoopVg, makeLoopVg } from '../test/conformance/volume-driver/lvm-vg.ts';
import { run } from '../test/harness/exec.ts';
import { testImage } from '../test/harness/test-image.ts';
import { stratoOk } from '../test/e2e/lib/cli.ts';
import { type Cloud, startCloud } from '../test/e2e/lib/cloud.ts';
import { withLibvirt } from '../test/e2e/lib/host-libvirt.ts';
import { BOOT_TIMEOUT_MS } from '../test/e2e/lib/servers.ts';
import { attach, createVolume, deleteVolume, detach, GiB, MiB } from '../test/e2e/lib/volumes.ts';
import { median, report, sample, smoke } from './lib/measure.ts';

const RUNS = smoke ? 1 : 5;
/** MiB each guest pass writes and reads. */
const IO_MIB = smoke ? 8 : 64;
const LOCAL_SERIAL = 'bench-local-raw';

/** Guest shell: for each serial, RUNS times, writes IO_MIB MiB (flushed) and reads them back past the cache. */
function ioScript(serials: string[]): string {
  return [
    '#!/bin/sh',
    'dev_of() { for d in /sys/block/vd*; do [ "$(cat $d/serial 2>/dev/null)" = "$1" ] && basename $d && return 0; done; return 1; }',
    "t() { cut -d' ' -f1 /proc/uptime; }",
    `io() { until dev=$(dev_of "$1"); do sleep 1; done; a=$(t)`,
    `  dd if=/dev/zero of=/dev/$dev bs=1M count=${IO_MIB} conv=fsync 2>/dev/null || echo BENCH-IOERR; b=$(t)`,
    `  dd if=/dev/$dev of=/dev/null bs=1M count=${IO_MIB} iflag=direct 2>/dev/null || echo BENCH-IOERR; c=$(t)`,
    '  echo "BENCH-IO $1 $a $b $c"; }',
    `(i=0; while [ $i -lt ${RUNS} ]; do i=$((i+1)); for s in ${serials.join(' ')}; do io $s; done; done; echo BENCH-IO-END) &`,
    '',
  ].join('\n');
}

/** Seconds of each guest pass, per serial: [write, read]. */
function ioTimes(lines: string[], serial: string): { write: number[]; read: number[] } {
  const out = { write: [] as number[], read: [] as number[] };
  for (const l of lines) {
    const m = new RegExp(`BENCH-IO ${serial} ([\\d.]+) ([\\d.]+) ([\\d.]+)`).exec(l);
    if (!m) continue;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    out.write.push((b - a) * 1000);
    out.read.push((c - b) * 1000);
  }
  return out;
}

const localDiskXml = (file: string, target: string, serial: string) =>
  `<disk type='file' device='disk'><driver name='qemu' type='raw' cache='none'/><source file='${file}'/>` +
  `<target dev='${target}' bus='virtio'/><serial>${serial}</serial></disk>`;

async function main(): Promise<void> {
  // Room for every LV the run makes at once (RUNS volumes, RUNS by hand), sparse.
  const vg = await makeLoopVg((2 * RUNS + 1) * GiB);
  let cloud: Cloud | undefined;
  try {
    cloud = await startCloud({
      hosts: 2,
      storage: { 0: { backend: 'file' }, 1: { backend: 'lvm', volumeGroup: vg.vg } },
    });
    await measure(cloud, vg);
  } finally {
    await cloud?.stop();
    await vg.close();
  }
}

async function measure(c: Cloud, vg: LoopVg): Promise<void> {
  const h0 = c.hosts[0]!;
  const scratch = join(c.dir, 'bench');
  await run('mkdir', ['-p', scratch]);
  console.log(
    `LVM data path: ${hasDeviceMapper() ? 'device-mapper' : 'the test-only loop stand-in (no device-mapper)'}`,
  );

  // More volumes at once than a project's default quota allows.
  await stratoOk(c, ['quota', 'set', '--volumes', '-1', '--gigabytes', '-1', 'admin']);

  // --- create → available, per backend -------------------------------------------------
  const created: Record<'file' | 'lvm', string[]> = { file: [], lvm: [] };
  const createMs = (backend: 'file' | 'lvm') =>
    sample(RUNS, async (i) => {
      created[backend].push((await createVolume(c.admin, { name: `b-${backend}-${i}`, sizeGib: 1, backend })).id);
    });
  const fileCreate = await createMs('file');
  const lvmCreate = await createMs('lvm');
  const truncate = await sample(RUNS, async (i) => {
    await run('truncate', ['-s', '1G', join(scratch, `t${i}`)]);
  });
  // What the agent runs for a new LV, without its wipe (the whole LV zeroed).
  const lvcreate = await sample(RUNS, async (i) => {
    await vg.runner.run('lvcreate', ['-y', '-Zn', '-Wn', '-L', '1G', '-n', `hand${i}`, vg.vg]);
  });
  for (let i = 0; i < RUNS; i++) await vg.runner.run('lvremove', ['-f', `${vg.vg}/hand${i}`]);

  // --- a guest that times its I/O on a file volume and on a local raw file --------------
  const ioVol = (await createVolume(c.admin, { name: 'b-io', sizeGib: 1, backend: 'file' })).id;
  created.file.push(ioVol);
  const serials = [ioVol.slice(0, 20), LOCAL_SERIAL];
  const s = await c.servers.create({
    name: 'bench-io',
    image: 'testvm',
    flavor: 'm1.tiny',
    host: h0.id,
    userData: Buffer.from(ioScript(serials)),
  });
  await c.servers.waitForState(s.id, 'ACTIVE', 'RUNNING', BOOT_TIMEOUT_MS);
  await c.servers.waitForConsole(s.id, 'STRATO-USERDATA-BEGIN', BOOT_TIMEOUT_MS);

  // --- attach → in-use, per backend, against hot-plugging a local raw file ---------------
  const attachMs = async (backend: 'file' | 'lvm') => {
    const ids = created[backend].slice(0, RUNS);
    const times = await sample(RUNS, async (i) => {
      await attach(c.admin, s.id, ids[i]!);
    });
    for (const id of ids) await detach(c.admin, s.id, id);
    return times;
  };
  const fileAttach = await attachMs('file');
  const lvmAttach = await attachMs('lvm');
  // A file and a target of its own each time (vdu, vdv, …: strato's volumes take vdc onwards).
  await chmod(scratch, 0o755);
  const hotplug = await sample(RUNS, async (i) => {
    const file = join(scratch, `local${i}.raw`);
    await run('truncate', ['-s', `${IO_MIB + 1}M`, file]);
    const serial = i === 0 ? LOCAL_SERIAL : `bench-hotplug-${i}`;
    const target = `vd${String.fromCharCode('u'.charCodeAt(0) + i)}`;
    await withLibvirt(h0, (lv) =>
      lv.attachDevice(`strato-${s.id}`, localDiskXml(file, target, serial), AffectFlags.LIVE),
    );
  });

  // --- the guest's I/O: the local file is plugged in; now the volume ------------------
  await attach(c.admin, s.id, ioVol);
  await c.servers.waitForConsole(s.id, 'BENCH-IO-END', 900_000);
  const lines = await c.servers.consoleLines(s.id);
  if (lines.some((l) => l.includes('BENCH-IOERR'))) throw new Error('the guest saw an I/O error');
  const iscsi = ioTimes(lines, serials[0]!);
  const local = ioTimes(lines, LOCAL_SERIAL);

  // --- image → volume, against qemu-img convert by hand ---------------------------------
  const image = (await testImage()).disk;
  const imageCopy = await sample(RUNS, async (i) => {
    created.file.push(
      (await createVolume(c.admin, { name: `b-img-${i}`, sizeGib: 1, image: 'testvm', backend: 'file' })).id,
    );
  });
  const convert = await sample(RUNS, async (i) => {
    await run('qemu-img', ['convert', '-f', 'qcow2', '-O', 'raw', image, join(scratch, `img${i}.raw`)]);
  });
  const virtualBytes = (await stat(join(scratch, 'img0.raw'))).size;

  report('volume', [
    { figure: 'create → available (file)', strato: fileCreate, baseline: truncate, baselineName: 'truncate' },
    { figure: 'create → available (lvm)', strato: lvmCreate, baseline: lvcreate, baselineName: 'lvcreate' },
    { figure: 'attach → in-use (file)', strato: fileAttach, baseline: hotplug, baselineName: 'local hot-plug' },
    {
      figure: 'attach → in-use (lvm, other host)',
      strato: lvmAttach,
      baseline: hotplug,
      baselineName: 'local hot-plug',
    },
    { figure: 'image → volume (file)', strato: imageCopy, baseline: convert, baselineName: 'qemu-img convert' },
    { figure: `guest write ${IO_MIB} MiB`, strato: iscsi.write, baseline: local.write, baselineName: 'local raw' },
    { figure: `guest read ${IO_MIB} MiB`, strato: iscsi.read, baseline: local.read, baselineName: 'local raw' },
  ]);
  const mbps = (bytes: number, ms: number[]) => (bytes / MiB / (median(ms) / 1000)).toFixed(1);
  console.log(
    `volume             throughput MB/s: image → volume ${mbps(virtualBytes, imageCopy)} vs qemu-img convert ${mbps(virtualBytes, convert)}; ` +
      `guest write ${mbps(IO_MIB * MiB, iscsi.write)} (iSCSI) vs ${mbps(IO_MIB * MiB, local.write)} (local raw), ` +
      `read ${mbps(IO_MIB * MiB, iscsi.read)} vs ${mbps(IO_MIB * MiB, local.read)}`,
  );

  await c.servers.deleteAndWait(s.id, 90_000);
  for (const id of [...created.file, ...created.lvm]) await deleteVolume(c.admin, id);
  await rm(scratch, { recursive: true, force: true });
}

await main();
