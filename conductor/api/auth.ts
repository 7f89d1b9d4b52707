// Authentication of public API calls: every RPC except Login carries
// `authorization: Bearer <token>`; the token is checked against the identity
// store and becomes the Principal that the services scope everything by (their
// access rules are conductor/identity/access.ts).
import type { Metadata } from '@grpc/grpc-js';
import { StratoError } from '../../common/errors.ts';
import type { Identity } from '../identity/identity.ts';
import type { Principal } from '../identity/model.ts';

/** The bearer token in the call's metadata, or undefined when there is none. */
export function bearerToken(metadata: Metadata): string | undefined {
  const values = metadata.get('authorization');
  const header = values[0];
  if (typeof header !== 'string' || header === '') return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) {
    throw new StratoError('UNAUTHENTICATED', 'TOKEN_INVALID', 'the authorization header must be "Bearer <token>"');
  }
  return m[1];
}

/**
 * The caller's principal. Errors: UNAUTHENTICATED with reason TOKEN_MISSING (no
 * authorization metadata), TOKEN_INVALID (malformed, unknown or revoked) or
 * TOKEN_EXPIRED.
 */
export async function authenticate(ctx: { metadata: Metadata }, identity: Identity): Promise<Principal> {
  const token = bearerToken(ctx.metadata);
  if (token === undefined) {
    throw new StratoError(
      'UNAUTHENTICATED',
      'TOKEN_MISSING',
      'this call needs "authorization: Bearer <token>"; log in first',
    );
  }
  return identity.authenticate(token);
}
