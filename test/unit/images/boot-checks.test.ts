// The boot-time image checks the compute workflow uses (conductor/images/images.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { assertImageFitsDisk, imageVirtualSize } from '../../../conductor/images/images.ts';
import type { ImageRecord } from '../../../conductor/images/model.ts';

const GiB = 1024 ** 3;
const image = (over: Partial<ImageRecord>): ImageRecord => ({
  id: 'i',
  name: 'img',
  projectId: 'p',
  status: 'active',
  diskFormat: 'qcow2',
  public: false,
  sha256: 'x',
  sizeBytes: 1000,
  virtualSizeBytes: GiB,
  createdAt: '',
  updatedAt: '',
  ...over,
});
const reason = (r: string) => (e: unknown) =>
  e instanceof StratoError && e.code === 'FAILED_PRECONDITION' && e.reason === r;

describe('boot-time image checks', () => {
  it('reports the virtual size, not the file size', () => {
    assert.equal(imageVirtualSize(image({ sizeBytes: 10, virtualSizeBytes: 5 * GiB })), 5 * GiB);
  });
  it('accepts an image that fits the disk exactly', () => {
    assert.doesNotThrow(() => assertImageFitsDisk(image({ virtualSizeBytes: GiB }), 1));
  });
  it('refuses an image larger than the flavor disk', () => {
    assert.throws(
      () => assertImageFitsDisk(image({ virtualSizeBytes: GiB + 1 }), 1),
      reason('IMAGE_TOO_LARGE_FOR_FLAVOR'),
    );
  });
  it('refuses an image that is not active', () => {
    for (const status of ['queued', 'saving', 'killed'] as const) {
      assert.throws(() => assertImageFitsDisk(image({ status }), 10), reason('IMAGE_NOT_ACTIVE'));
    }
  });
});
