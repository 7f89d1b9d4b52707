// Asserting on the errors strato returns: every failure that crosses a boundary is a
// StratoError, so tests check its code and reason, never its message text.
import assert from 'node:assert/strict';
import { type ErrorCode, isStratoError, type StratoError } from '../../common/errors.ts';

/** For `assert.rejects(p, isCode('NOT_FOUND', 'SERVER_NOT_FOUND'))`: the code, and the reason when given. */
export const isCode =
  (code: ErrorCode, reason?: string) =>
  (err: unknown): boolean =>
    isStratoError(err, code) && (reason === undefined || err.reason === reason);

/** The StratoError `p` rejects with; fails the test when `p` succeeds or rejects with anything else. */
export async function rejection(p: Promise<unknown>): Promise<StratoError> {
  try {
    await p;
  } catch (err) {
    assert.ok(isStratoError(err), `expected a StratoError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to fail, but it succeeded');
}

/** The field an INVALID_ARGUMENT error thrown by `fn` names (`details.field`); undefined when `fn` does not throw. */
export function invalidField(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    assert.ok(isStratoError(err, 'INVALID_ARGUMENT'), `expected INVALID_ARGUMENT, got ${String(err)}`);
    return err.details.field;
  }
  return undefined;
}
