// Runs the VolumeDriver conformance suite against the LVM backend on a real volume
// group (a loop device the test makes and removes). Where the kernel has
// device-mapper, LVs are activated for real; where it has none (HOST-FACTS), the data
// path runs through the test-only loop stand-in. The first test prints which one ran.
// The retained reader reads the PV's file at the LV's extents.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BackedVolumeDriver } from '../../../agent/storage/backed-volume-driver.ts';
import { TestOnlyLoopStandIn } from '../../../agent/storage/lvm/loop-stand-in.ts';
import { DeviceMapperActivator, hasDeviceMapper, type LvActivator } from '../../../agent/storage/lvm/lv-activator.ts';
import { LvmBackend } from '../../../agent/storage/lvm/lvm-backend.ts';
import { volumeLvName } from '../../../agent/storage/lvm/lvm-names.ts';
import { groupLvs, parseLvSegments, parsePvs, parseVgs } from '../../../agent/storage/lvm/lvm-report.ts';
import type { LvmRunner } from '../../../agent/storage/lvm/lvm-runner.ts';
import { makeLoopVg } from './lvm-vg.ts';
import { pathIo, readAt } from './path-io.ts';
import { id, MiB } from './suite-helpers.ts';
import { volumeDriverConformance } from './volume-driver-suite.ts';

const activatorFor = (runner: LvmRunner): LvActivator =>
  hasDeviceMapper() ? new DeviceMapperActivator(runner) : new TestOnlyLoopStandIn(runner);

const DATA_PATH = hasDeviceMapper() ? 'device-mapper' : 'test stand-in (loop device over the PV extents)';

/** Byte offset of the LV's first extent in the PV (one segment). */
async function lvOffset(runner: LvmRunner, vg: string, lv: string): Promise<number> {
  const lvs = groupLvs(
    parseLvSegments(await runner.report('lvs', ['--segments', '-o', 'lv_name,lv_size,origin,seg_pe_ranges', vg])),
  );
  const range = lvs.get(lv)?.ranges[0];
  assert.ok(range, `LV ${lv} has extents`);
  const pv = parsePvs(await runner.report('pvs', ['-o', 'pv_name,vg_name,pe_start', range.pv]))[0]!;
  const extent = parseVgs(await runner.report('vgs', ['-o', 'vg_name,vg_size,vg_free,vg_extent_size', vg]))[0]!
    .extentSizeBytes;
  return pv.peStartBytes + range.first * extent;
}

test(`lvm data path: ${DATA_PATH}`, (t) => {
  t.diagnostic(`LVM data path in this run: ${DATA_PATH}`);
  process.stdout.write(`# LVM data path in this run: ${DATA_PATH}\n`);
});

volumeDriverConformance(`lvm, data path: ${DATA_PATH}`, async ({ wipe, capacityBytes }) => {
  const fixture = await makeLoopVg(capacityBytes + 4 * MiB);
  const { runner, vg } = fixture;
  const driver = new BackedVolumeDriver(
    new LvmBackend({ volumeGroup: vg, wipe, runner, activator: activatorFor(runner) }),
  );
  return {
    driver,
    ...pathIo(driver),
    async retain(v) {
      const offset = await lvOffset(runner, vg, volumeLvName(v));
      return (at, length) => readAt(fixture.pvFile, offset + at, length);
    },
    close: fixture.close,
  };
});

test('lvm: init removes an LV a crash left mid-create, and lists only strato volumes', async (t) => {
  const fixture = await makeLoopVg(64 * MiB);
  t.after(fixture.close);
  const { runner, vg } = fixture;
  const v = id();
  await runner.run('lvcreate', ['-y', '-Zn', '-Wn', '-n', `strato-new-${v}`, '-L', `${4 * MiB}b`, vg]);
  await runner.run('lvcreate', ['-y', '-Zn', '-Wn', '-n', 'not-ours', '-L', `${4 * MiB}b`, vg]);
  const driver = new BackedVolumeDriver(
    new LvmBackend({ volumeGroup: vg, wipe: 'zero', runner, activator: activatorFor(runner) }),
  );
  await driver.init();
  const names = [
    ...groupLvs(
      parseLvSegments(await runner.report('lvs', ['--segments', '-o', 'lv_name,lv_size,origin,seg_pe_ranges', vg])),
    ).keys(),
  ];
  assert.deepEqual(names, ['not-ours']);
  assert.deepEqual(await driver.list(), { volumes: [], snapshots: [] });
  assert.equal((await driver.capacity()).allocatedBytes, 0, "an LV that is not strato's is nobody's");
});
