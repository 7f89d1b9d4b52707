// Authentication of public API calls: every RPC but Login carries
// `authorization: Bearer <token>`; the token is checked against the identity
// store and becomes the Principal that the services scope everything by (their
// access rules are conductor/identity/access.ts). On the conductor's public
// server this happens once per call, in its policy hook (call-policy.ts), before
// any handler; handlers then take the Principal the hook established.
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
 * The principal of the call's token. Errors: UNAUTHENTICATED with reason
 * TOKEN_MISSING (no authorization metadata), TOKEN_INVALID (malformed,
 * unknown, revoked, or its user disabled, deleted or without a role in its
 * project any more) or TOKEN_EXPIRED.
 */
export async function principalFromToken(metadata: Metadata, identity: Identity): Promise<Principal> {
  const token = bearerToken(metadata);
  if (token === undefined) {
    throw new StratoError(
      'UNAUTHENTICATED',
      'TOKEN_MISSING',
      'this call needs "authorization: Bearer <token>"; log in first',
    );
  }
  return identity.authenticate(token);
}

export function isPrincipal(v: unknown): v is Principal {
  return typeof v === 'object' && v !== null && typeof (v as Principal).tokenHash === 'string';
}

/**
 * The caller's principal: the one the server's policy hook established, or
 * (on a server without it) from the token now. Errors: as principalFromToken.
 */
export async function authenticate(
  ctx: { metadata: Metadata; caller?: unknown },
  identity: Identity,
): Promise<Principal> {
  return isPrincipal(ctx.caller) ? ctx.caller : principalFromToken(ctx.metadata, identity);
}
