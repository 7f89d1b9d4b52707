// Create-request checks that need no store but more than one field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BootFlavor, BootImage } from '../../../conductor/compute/catalog.ts';
import { checkForceHost, checkImageFitsFlavor } from '../../../conductor/compute/validate.ts';

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
  // Names, user data and metadata are the API edge's (test/unit/api/request-schemas.test.ts).
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
