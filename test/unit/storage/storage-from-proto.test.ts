// AgentStorage messages → plain data: sizes, the create source oneof, image refs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesFromProto, createFromProto } from '../../../agent/server/storage-from-proto.ts';
import { invalidField } from '../../harness/errors.ts';

const V = '0a1b2c3d-0000-4000-8000-00000000abcd';

test('the source oneof becomes the create source; none is an empty volume', () => {
  const base = { volumeId: V, sizeBytes: '1048576' };
  assert.deepEqual(createFromProto(base), { volumeId: V, sizeBytes: 1048576, source: { kind: 'empty' } });
  assert.deepEqual(createFromProto({ ...base, source: 'snapshotId', snapshotId: 's' }).source, {
    kind: 'snapshot',
    snapshotId: 's',
  });
  assert.deepEqual(createFromProto({ ...base, source: 'sourceVolumeId', sourceVolumeId: 'v' }).source, {
    kind: 'volume',
    volumeId: 'v',
  });
  const image = { id: 'img', sha256: 'AB'.repeat(32), sizeBytes: '42', diskFormat: 'qcow2' };
  assert.deepEqual(createFromProto({ ...base, source: 'image', image }).source, {
    kind: 'image',
    image: { id: 'img', sha256: 'ab'.repeat(32), sizeBytes: 42, diskFormat: 'qcow2' },
  });
});

test('sizes and image formats are checked, naming the field', () => {
  assert.equal(bytesFromProto('size_bytes', '0'), 0);
  assert.equal(
    invalidField(() => bytesFromProto('size_bytes', '18446744073709551615')),
    'size_bytes',
  );
  assert.equal(
    invalidField(() => bytesFromProto('size_bytes', '-1')),
    'size_bytes',
  );
  const base = { volumeId: V, sizeBytes: '1048576', source: 'image' as const };
  assert.equal(
    invalidField(() => createFromProto({ ...base, image: null })),
    'image',
  );
  const image = { id: 'img', sha256: 'a'.repeat(64), sizeBytes: '42', diskFormat: '' };
  assert.equal(
    invalidField(() => createFromProto({ ...base, image })),
    'image.disk_format',
    'the format is never guessed',
  );
});
