// lvm2's JSON reports (lvm2 2.03.16 output, captured on a loop-device VG) → plain data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLosetup } from '../../../agent/storage/lvm/loop-stand-in.ts';
import { hasDeviceMapper } from '../../../agent/storage/lvm/lv-activator.ts';
import { parseLvName } from '../../../agent/storage/lvm/lvm-names.ts';
import { groupLvs, parseLvSegments, parsePeRanges, parsePvs, parseVgs } from '../../../agent/storage/lvm/lvm-report.ts';
import { isStratoError } from '../../../common/errors.ts';

// `lvs --segments -o lv_name,lv_size,origin,seg_pe_ranges` after an lvextend that could not stay contiguous.
const SEGMENTS = `  {
      "report": [
          {
              "seg": [
                  {"lv_name":"strato-vol-a", "lv_size":"16777216", "origin":"", "seg_pe_ranges":"/dev/loop0:0-1"},
                  {"lv_name":"strato-vol-a", "lv_size":"16777216", "origin":"", "seg_pe_ranges":"/dev/loop0:5-6"},
                  {"lv_name":"strato-vol-b", "lv_size":"12582912", "origin":"", "seg_pe_ranges":"/dev/loop0:2-4"}
              ]
          }
      ]
  }`;
const VGS = `{"report":[{"vg":[{"vg_name":"stxvg", "vg_size":"62914560", "vg_free":"41943040", "vg_extent_size":"4194304"}]}]}`;
const PVS = `{"report":[{"pv":[{"pv_name":"/dev/loop0", "pe_start":"1048576", "vg_name":"stxvg"}]}]}`;
const LOSETUP = `{"loopdevices":[{"name":"/dev/loop1","back-file":"/dev/loop0","offset":1048576,"sizelimit":4194304},
  {"name":"/dev/loop0","back-file":"/tmp/stx/pv.img","offset":0,"sizelimit":0}]}`;

test('segments group into LVs with their extent ranges in order', () => {
  const lvs = groupLvs(parseLvSegments(JSON.parse(SEGMENTS)));
  assert.deepEqual(lvs.get('strato-vol-a'), {
    name: 'strato-vol-a',
    sizeBytes: 16777216,
    origin: '',
    ranges: [
      { pv: '/dev/loop0', first: 0, last: 1 },
      { pv: '/dev/loop0', first: 5, last: 6 },
    ],
  });
  assert.deepEqual(lvs.get('strato-vol-b')?.ranges, [{ pv: '/dev/loop0', first: 2, last: 4 }]);
  assert.deepEqual(parsePeRanges(''), []);
  assert.deepEqual(parsePeRanges('/dev/sda:0-9 /dev/sdb:0-9').length, 2);
});

test('vgs and pvs report sizes in bytes', () => {
  assert.deepEqual(parseVgs(JSON.parse(VGS)), [
    { name: 'stxvg', sizeBytes: 62914560, freeBytes: 41943040, extentSizeBytes: 4194304 },
  ]);
  assert.deepEqual(parsePvs(JSON.parse(PVS)), [{ name: '/dev/loop0', vg: 'stxvg', peStartBytes: 1048576 }]);
  assert.deepEqual(parseLosetup(JSON.parse(LOSETUP))[0], {
    name: '/dev/loop1',
    backFile: '/dev/loop0',
    offset: 1048576,
    sizelimit: 4194304,
  });
});

test('a report of the wrong shape is an error, not a guess', () => {
  for (const bad of [{}, { report: {} }, { report: [{ vg: [{ vg_name: 'x', vg_size: '12 MiB' }] }] }]) {
    assert.throws(
      () => parseVgs(bad),
      (e) => isStratoError(e, 'INTERNAL') && e.reason === 'LVM_REPORT_INVALID',
    );
  }
});

test('LV names: only strato-vol/snap/new-<uuid> are ours', () => {
  const id = '0a1b2c3d-0000-4000-8000-00000000abcd';
  assert.deepEqual(parseLvName(`strato-vol-${id}`), { kind: 'volume', id });
  assert.deepEqual(parseLvName(`strato-snap-${id}`), { kind: 'snapshot', id });
  assert.deepEqual(parseLvName(`strato-new-${id}`), { kind: 'in-progress', id });
  for (const other of ['root', 'strato-vol-x', `xstrato-vol-${id}`, `strato-vol-${id}-cow`]) {
    assert.equal(parseLvName(other), undefined);
  }
});

test('device-mapper is detected from the kernel, not from the /dev node libdevmapper may create', async (t) => {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const dir = await mkdtemp('/tmp/strato-misc-');
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(`${dir}/with`, '237 loop-control\n236 device-mapper\n');
  await writeFile(`${dir}/without`, '237 loop-control\n229 fuse\n');
  assert.equal(hasDeviceMapper(`${dir}/with`), true);
  assert.equal(hasDeviceMapper(`${dir}/without`), false);
  assert.equal(hasDeviceMapper(`${dir}/missing`), false);
});
