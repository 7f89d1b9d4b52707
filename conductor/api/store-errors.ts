// The last line between the store and callers. The store's errors name its keys
// (`key "/compute/names/<project>/…" must …`) and are written for the code that
// calls the store, not for users: a caller must never see one. Each service
// checks its input before it builds a key, so none should get this far; one
// that does is rewritten here into what the caller's request means (a lookup
// by a name no key can hold is NOT_FOUND) without the key, and the call's log
// line keeps the original so the missing check can be added.
import { StratoError } from '../../common/errors.ts';

/** Reasons of conductor/store/store.ts that name keys or internal limits. */
const STORE_REASONS: ReadonlyMap<string, (requestId: string) => StratoError> = new Map([
  // A key that cannot exist names nothing that exists.
  ['KEY_INVALID', notFound],
  ['PREFIX_INVALID', notFound],
  ['KEY_NOT_FOUND', notFound],
  ['KEY_EXISTS', () => new StratoError('ALREADY_EXISTS', 'ALREADY_EXISTS', 'it already exists')],
  [
    'REVISION_MISMATCH',
    () => new StratoError('ABORTED', 'CONCURRENT_CHANGE', 'it was changed by another call at the same time; retry'),
  ],
  [
    'VALUE_TOO_LARGE',
    () => new StratoError('INVALID_ARGUMENT', 'REQUEST_TOO_LARGE', 'the request holds more than can be stored'),
  ],
  ['VALUE_INVALID', internal],
  ['LIMIT_INVALID', internal],
  ['REVISION_INVALID', internal],
  ['TXN_INVALID', internal],
  ['REVISION_COMPACTED', internal],
  ['REVISION_IN_FUTURE', internal],
]);

function notFound(): StratoError {
  return new StratoError('NOT_FOUND', 'NOT_FOUND', 'not found');
}

function internal(requestId: string): StratoError {
  const ref = requestId ? ` (request id ${requestId})` : '';
  return new StratoError('INTERNAL', 'INTERNAL_ERROR', `internal error${ref}`, {
    details: requestId ? { requestId } : {},
  });
}

/** For StratoServer's `mapError`: a store error becomes one fit for a caller; anything else passes. */
export function hideStoreErrors(err: StratoError, requestId = ''): StratoError {
  const rewrite = STORE_REASONS.get(err.reason);
  return rewrite ? rewrite(requestId) : err;
}
