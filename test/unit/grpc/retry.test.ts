// Retry policy arithmetic: backoff growth, cap and jitter bounds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { status } from '@grpc/grpc-js';
import { backoffMs, DEFAULT_RETRY_POLICY, RETRYABLE_CODES, withRetryDefaults } from '../../../common/grpc/retry.ts';

describe('retry policy', () => {
  it('retries only UNAVAILABLE and ABORTED', () => {
    assert.deepEqual([...RETRYABLE_CODES].sort(), [status.ABORTED, status.UNAVAILABLE].sort());
  });

  it('grows exponentially up to the cap, with jitter in [base/2, base]', () => {
    const p = withRetryDefaults({ initialBackoffMs: 100, maxBackoffMs: 1000, multiplier: 2 });
    const bases = [100, 200, 400, 800, 1000, 1000];
    bases.forEach((base, i) => {
      assert.equal(
        backoffMs(i + 1, p, () => 0),
        base / 2,
      );
      assert.equal(
        backoffMs(i + 1, p, () => 1),
        base,
      );
      const r = backoffMs(i + 1, p);
      assert.ok(r >= base / 2 && r <= base, `attempt ${i + 1}: ${r}`);
    });
  });

  it('fills defaults and rejects nonsense', () => {
    assert.deepEqual(withRetryDefaults(), DEFAULT_RETRY_POLICY);
    assert.throws(() => withRetryDefaults({ maxAttempts: 0 }), RangeError);
    assert.throws(() => withRetryDefaults({ maxAttempts: 1.5 }), RangeError);
    assert.throws(() => withRetryDefaults({ initialBackoffMs: 10, maxBackoffMs: 5 }), RangeError);
    assert.throws(() => withRetryDefaults({ multiplier: 0.5 }), RangeError);
  });
});
