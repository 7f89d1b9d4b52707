// Bearer tokens on test calls to the public API, as the CLI sends them: per call (call
// options carrying the metadata) or per channel (an interceptor, whose token may change
// after a login).
import { InterceptingCall, type Interceptor, Metadata } from '@grpc/grpc-js';
import type { CallOpts } from '../../common/grpc/client.ts';

const authorization = (token: string): string => `Bearer ${token}`;

/** Call options that authenticate one call with `token` (kept as `token` for reuse). */
export function bearer(token: string): CallOpts & { metadata: Metadata; token: string } {
  const metadata = new Metadata();
  metadata.set('authorization', authorization(token));
  return { metadata, token };
}

/** Adds the token to every call on a channel; `token()` is read per call, '' sends none. */
export function bearerInterceptor(token: string | (() => string)): Interceptor {
  const current = typeof token === 'string' ? () => token : token;
  return (options, next) =>
    new InterceptingCall(next(options), {
      start(metadata, listener, nextStart) {
        const t = current();
        if (t) metadata.set('authorization', authorization(t));
        nextStart(metadata, listener);
      },
    });
}
