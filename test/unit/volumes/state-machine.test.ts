// The volume and snapshot state machines, table-tested: every action in every
// status, legal (null) or refused with the reason volume.proto names, and the
// details a caller acts on (the server holding it, its snapshots, the status).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEVICES, parseDevice } from '../../../conductor/compute/volume-devices.ts';
import { VOLUME_STATUSES, type VolumeStatus } from '../../../conductor/volumes/model.ts';
import { snapshotRefusal, type VolumeAction, volumeRefusal } from '../../../conductor/volumes/state-machine.ts';
import { validateBackend, validateSizeGib } from '../../../conductor/volumes/validate.ts';

const v = (status: VolumeStatus) => ({
  id: 'vol-1',
  name: 'data',
  status,
  serverId: status === 'in-use' || status === 'attaching' ? 'srv-1' : undefined,
});

// [action, status] → '' (legal) or the reason of the refusal.
const TABLE: Record<VolumeAction, Record<VolumeStatus, string>> = {
  update: {
    creating: '',
    downloading: '',
    available: '',
    attaching: '',
    'in-use': '',
    detaching: '',
    extending: '',
    deleting: 'INVALID_STATE',
    error: '',
  },
  extend: {
    creating: 'INVALID_STATE',
    downloading: 'INVALID_STATE',
    available: '',
    attaching: 'INVALID_STATE',
    'in-use': '',
    detaching: 'INVALID_STATE',
    extending: 'INVALID_STATE',
    deleting: 'INVALID_STATE',
    error: 'INVALID_STATE',
  },
  delete: {
    creating: 'INVALID_STATE',
    downloading: 'INVALID_STATE',
    available: '',
    attaching: 'INVALID_STATE',
    'in-use': 'VOLUME_IN_USE',
    detaching: 'INVALID_STATE',
    extending: 'INVALID_STATE',
    deleting: 'INVALID_STATE',
    error: '',
  },
  snapshot: {
    creating: 'INVALID_STATE',
    downloading: 'INVALID_STATE',
    available: '',
    attaching: 'INVALID_STATE',
    'in-use': 'VOLUME_IN_USE',
    detaching: 'INVALID_STATE',
    extending: 'INVALID_STATE',
    deleting: 'INVALID_STATE',
    error: 'INVALID_STATE',
  },
  attach: {
    creating: 'VOLUME_NOT_AVAILABLE',
    downloading: 'VOLUME_NOT_AVAILABLE',
    available: '',
    attaching: 'VOLUME_IN_USE',
    'in-use': 'VOLUME_IN_USE',
    detaching: 'VOLUME_NOT_AVAILABLE',
    extending: 'VOLUME_NOT_AVAILABLE',
    deleting: 'VOLUME_NOT_AVAILABLE',
    error: 'VOLUME_NOT_AVAILABLE',
  },
  copy: {
    creating: 'VOLUME_NOT_AVAILABLE',
    downloading: 'VOLUME_NOT_AVAILABLE',
    available: '',
    attaching: 'VOLUME_IN_USE',
    'in-use': 'VOLUME_IN_USE',
    detaching: 'VOLUME_NOT_AVAILABLE',
    extending: 'VOLUME_NOT_AVAILABLE',
    deleting: 'VOLUME_NOT_AVAILABLE',
    error: 'VOLUME_NOT_AVAILABLE',
  },
  detach: {
    creating: 'INVALID_STATE',
    downloading: 'INVALID_STATE',
    available: 'INVALID_STATE',
    attaching: 'INVALID_STATE',
    'in-use': '',
    detaching: 'INVALID_STATE',
    extending: 'INVALID_STATE',
    deleting: 'INVALID_STATE',
    error: 'INVALID_STATE',
  },
};

describe('volume state machine', () => {
  for (const [action, row] of Object.entries(TABLE) as [VolumeAction, Record<VolumeStatus, string>][]) {
    for (const status of VOLUME_STATUSES) {
      const want = row[status];
      it(`${action} in ${status}: ${want || 'legal'}`, () => {
        const r = volumeRefusal(v(status), action);
        if (want === '') {
          assert.equal(r, null);
          return;
        }
        assert.ok(r);
        assert.deepEqual([r.code, r.reason], ['FAILED_PRECONDITION', want]);
        if (want === 'VOLUME_IN_USE') assert.equal(r.details.server_id, 'srv-1');
        if (want !== 'VOLUME_IN_USE') assert.equal(r.details.status, status);
      });
    }
  }

  it('snapshots an in-use volume with force', () => {
    assert.equal(volumeRefusal(v('in-use'), 'snapshot', { force: true }), null);
  });

  it('refuses to delete a volume with snapshots, naming them', () => {
    const r = volumeRefusal(v('available'), 'delete', { snapshotIds: ['s1', 's2'] });
    assert.deepEqual([r?.reason, r?.details.snapshot_ids], ['VOLUME_HAS_SNAPSHOTS', 's1,s2']);
  });

  it('refuses to delete a volume being copied', () => {
    assert.equal(volumeRefusal({ ...v('available'), copiesInProgress: ['c1'] }, 'delete')?.reason, 'INVALID_STATE');
  });
});

describe('snapshot state machine', () => {
  const s = (status: 'creating' | 'available' | 'deleting' | 'error', volumesInProgress: string[] = []) => ({
    id: 's1',
    name: 'snap',
    status,
    volumesInProgress,
  });
  const table: [Parameters<typeof s>, 'delete' | 'source', string][] = [
    [['available'], 'delete', ''],
    [['error'], 'delete', ''],
    [['creating'], 'delete', 'INVALID_STATE'],
    [['available', ['v9']], 'delete', 'SNAPSHOT_IN_USE'],
    [['available'], 'source', ''],
    [['creating'], 'source', 'SNAPSHOT_NOT_AVAILABLE'],
    [['error'], 'source', 'SNAPSHOT_NOT_AVAILABLE'],
  ];
  for (const [args, action, want] of table) {
    it(`${action} of a ${args[0]} snapshot${args[1] ? ' being copied' : ''}: ${want || 'legal'}`, () => {
      const r = snapshotRefusal(s(...args), action);
      assert.equal(r?.reason ?? '', want);
      if (want === 'SNAPSHOT_IN_USE') assert.equal(r?.details.volume_id, 'v9');
    });
  }
});

describe('volume request fields', () => {
  const sizes: [unknown, boolean, number | string][] = [
    [1, false, 1],
    [65536, false, 65536],
    [0, true, 0],
    [0, false, 'SIZE_INVALID'],
    [65537, false, 'SIZE_INVALID'],
    [1.5, false, 'SIZE_INVALID'],
    [-1, true, 'SIZE_INVALID'],
  ];
  for (const [value, zero, want] of sizes) {
    it(`size ${value} (zero ${zero ? 'allowed' : 'not allowed'}): ${want}`, () => {
      if (typeof want === 'number') return assert.equal(validateSizeGib('size_gib', value, zero), want);
      assert.throws(() => validateSizeGib('size_gib', value, zero), { reason: want, details: { field: 'size_gib' } });
    });
  }
  it('backends: "", file, lvm; anything else BACKEND_INVALID', () => {
    assert.equal(validateBackend(''), undefined);
    assert.equal(validateBackend('lvm'), 'lvm');
    assert.throws(() => validateBackend('ceph'), { reason: 'BACKEND_INVALID', details: { field: 'backend' } });
  });
  it('devices: vdc … vdz, /dev/ prefix read, anything else DEVICE_INVALID', () => {
    assert.deepEqual([DEVICES[0], DEVICES.at(-1), DEVICES.length], ['vdc', 'vdz', 24]);
    assert.equal(parseDevice('/dev/vdd'), 'vdd');
    assert.equal(parseDevice(''), '');
    for (const bad of ['vda', 'vdb', 'sda', 'vdaa', '/dev/../vdc']) {
      assert.throws(() => parseDevice(bad), { reason: 'DEVICE_INVALID', details: { field: 'device' } }, bad);
    }
  });
});
