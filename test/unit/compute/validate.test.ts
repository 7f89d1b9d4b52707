// Create-request checks that need no store.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BootFlavor, BootImage } from '../../../conductor/compute/catalog.ts';
import {
  checkForceHost,
  checkImageFitsFlavor,
  MAX_USER_DATA_BYTES,
  validateMetadata,
  validateServerName,
  validateUserData,
} from '../../../conductor/compute/validate.ts';

const GIB = 1024 ** 3;
const image = (over: Partial<BootImage> = {}): BootImage => ({
  id: 'i',
  name: 'img',
  projectId: 'p',
  public: true,
  status: 'active',
  diskFormat: 'qcow2',
  sha256: 'a'.repeat(64),
  sizeBytes: 1,
  virtualSizeBytes: GIB,
  ...over,
});
const flavor: BootFlavor = { id: 'f', name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 };

describe('server create validation', () => {
  it('accepts good names and refuses bad ones', () => {
    assert.equal(validateServerName('vm-1.test_a'), 'vm-1.test_a');
    for (const bad of ['', '-x', 'has space', 'a/b', 'x'.repeat(64), '0e6c1a5e-5a3b-4c1e-9b1e-2a2b3c4d5e6f']) {
      assert.throws(() => validateServerName(bad), { code: 'INVALID_ARGUMENT', reason: 'NAME_INVALID' }, bad);
    }
  });

  it('limits user data to 64 KiB', () => {
    assert.equal(validateUserData(undefined).length, 0);
    assert.equal(validateUserData(Buffer.alloc(MAX_USER_DATA_BYTES)).length, 65536);
    assert.throws(() => validateUserData(Buffer.alloc(MAX_USER_DATA_BYTES + 1)), {
      code: 'INVALID_ARGUMENT',
      reason: 'USER_DATA_TOO_LARGE',
    });
  });

  it('bounds metadata', () => {
    assert.deepEqual(validateMetadata({ a: 'b' }), { a: 'b' });
    assert.throws(() => validateMetadata({ '': 'x' }), { reason: 'METADATA_INVALID' });
    assert.throws(() => validateMetadata({ k: 'v'.repeat(256) }), { reason: 'METADATA_INVALID' });
    const many = Object.fromEntries(Array.from({ length: 129 }, (_, i) => [`k${i}`, 'v']));
    assert.throws(() => validateMetadata(many), { reason: 'METADATA_INVALID' });
  });

  it('needs an active image that fits the flavor disk', () => {
    checkImageFitsFlavor(image(), flavor);
    assert.throws(() => checkImageFitsFlavor(image({ status: 'saving' }), flavor), {
      code: 'FAILED_PRECONDITION',
      reason: 'IMAGE_NOT_ACTIVE',
    });
    assert.throws(() => checkImageFitsFlavor(image({ virtualSizeBytes: GIB + 1 }), flavor), {
      code: 'FAILED_PRECONDITION',
      reason: 'IMAGE_TOO_LARGE_FOR_FLAVOR',
    });
  });

  it('keeps --host for admins', () => {
    assert.equal(checkForceHost('', false), undefined);
    assert.equal(checkForceHost('hv-1', true), 'hv-1');
    assert.throws(() => checkForceHost('hv-1', false), { code: 'PERMISSION_DENIED', reason: 'FORCE_HOST_NOT_ALLOWED' });
  });
});
