// Image inspection verdicts from `qemu-img info --output=json` samples (captured
// from qemu-img 7.2 on this platform), table-tested: what is refused and why.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type InfoResult, judgeImage } from '../../../conductor/images/inspect-verdict.ts';
import type { DiskFormat } from '../../../conductor/images/model.ts';

const qcow2Data = (extra: Record<string, unknown> = {}) => ({
  type: 'qcow2',
  data: {
    compat: '1.1',
    'compression-type': 'zlib',
    'lazy-refcounts': false,
    'refcount-bits': 16,
    corrupt: false,
    'extended-l2': false,
    ...extra,
  },
});

const QCOW2 = {
  'virtual-size': 67108864,
  filename: '/d/images/x.part',
  'cluster-size': 65536,
  format: 'qcow2',
  'actual-size': 200704,
  'format-specific': qcow2Data(),
  'dirty-flag': false,
};
const OVERLAY = {
  ...QCOW2,
  'backing-filename-format': 'qcow2',
  'full-backing-filename': '/etc/shadow',
  'backing-filename': '/etc/shadow',
};
const DATA_FILE = { ...QCOW2, 'format-specific': qcow2Data({ 'data-file': '/dev/sda', 'data-file-raw': false }) };
const ENCRYPTED = { ...QCOW2, encrypted: true, 'format-specific': qcow2Data({ encrypt: { format: 'luks' } }) };
const CORRUPT = { ...QCOW2, 'format-specific': qcow2Data({ corrupt: true }) };
const RAW = { 'virtual-size': 8388608, filename: '/d/images/x.part', format: 'raw', 'actual-size': 4096 };
const QCOW2_READ_AS_RAW = { ...RAW, 'virtual-size': 197120 };
const VMDK = { 'virtual-size': 1048576, filename: '/d/images/x.part', format: 'vmdk' };
const EMPTY_RAW = { ...RAW, 'virtual-size': 0 };

const ok = (info: unknown): InfoResult => ({ ok: true, info });
const fail = (error: string): InfoResult => ({ ok: false, error });

type Row = [what: string, declared: DiskFormat, declaredRun: InfoResult, probe: InfoResult, expect: string | number];

const TABLE: Row[] = [
  ['a plain qcow2', 'qcow2', ok(QCOW2), ok(QCOW2), 67108864],
  ['a plain raw', 'raw', ok(RAW), ok(RAW), 8388608],
  ['a qcow2 overlay with a backing file', 'qcow2', ok(OVERLAY), ok(OVERLAY), 'BACKING_FILE'],
  ['only backing-filename set', 'qcow2', ok({ ...QCOW2, 'backing-filename': 'base' }), ok(QCOW2), 'BACKING_FILE'],
  ['an external data file', 'qcow2', ok(DATA_FILE), ok(DATA_FILE), 'DATA_FILE'],
  ['an encrypted qcow2', 'qcow2', ok(ENCRYPTED), ok(ENCRYPTED), 'ENCRYPTED'],
  ['a corrupt qcow2', 'qcow2', ok(CORRUPT), ok(CORRUPT), 'CORRUPT'],
  ['a qcow2 declared raw (probe finds qcow2)', 'raw', ok(QCOW2_READ_AS_RAW), ok(QCOW2), 'FORMAT_MISMATCH'],
  ['an overlay declared raw (probe finds the backing file)', 'raw', ok(RAW), ok(OVERLAY), 'FORMAT_MISMATCH'],
  ['a vmdk declared raw', 'raw', ok(RAW), ok(VMDK), 'FORMAT_MISMATCH'],
  ['qemu-img reading another format than asked', 'qcow2', ok(RAW), ok(RAW), 'FORMAT_MISMATCH'],
  [
    'raw bytes declared qcow2',
    'qcow2',
    fail("qemu-img: Could not open 'x': Image is not in qcow2 format"),
    ok(RAW),
    'UNREADABLE',
  ],
  ['a probe killed by its limits', 'raw', ok(RAW), fail('qemu-img killed by SIGKILL (resource limit)'), 'UNREADABLE'],
  ['a timeout', 'qcow2', fail('qemu-img timed out after 60000 ms'), ok(QCOW2), 'UNREADABLE'],
  ['output that is not an object', 'raw', ok([1, 2]), ok(RAW), 'UNREADABLE'],
  ['no virtual size', 'raw', ok({ format: 'raw' }), ok(RAW), 'UNREADABLE'],
  ['a zero virtual size', 'raw', ok(EMPTY_RAW), ok(EMPTY_RAW), 'EMPTY'],
];

describe('judgeImage', () => {
  for (const [what, declared, declaredRun, probe, expect] of TABLE) {
    it(`${typeof expect === 'number' ? 'accepts' : `refuses (${expect})`} ${what}`, () => {
      const v = judgeImage(declared, declaredRun, probe);
      if (typeof expect === 'number') {
        assert.deepEqual(v, { ok: true, format: declared, virtualSizeBytes: expect });
      } else {
        assert.equal(v.ok, false);
        if (!v.ok) {
          assert.equal(v.code, expect, v.why);
          assert.ok(v.why.length > 0);
        }
      }
    });
  }

  it('names the offending path so the uploader can act', () => {
    const v = judgeImage('qcow2', ok(OVERLAY), ok(OVERLAY));
    assert.ok(!v.ok && v.why.includes('/etc/shadow'));
  });
});
