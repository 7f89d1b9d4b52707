// Did the agent answer? A failed agent call either carries the agent's own
// answer — a StratoError with its reason, sent in the grpc-status-details-bin
// trailer (every strato server sends one, even for an unexpected INTERNAL) — or
// says only that no answer came: the connection was refused or dropped, the
// deadline passed, the stream was reset or cancelled under us. grpc-js makes
// those statuses itself, without the trailer, and fromGrpcStatus then names the
// reason after the code.
//
// The two mean different things to a workflow. An answer that a spawn failed
// means the agent rolled it back: try another host. No answer means the agent
// may be restarting, or may even have finished the work before it died: ask the
// same host again (every agent call is idempotent, keyed by the instance id).
import type { ErrorCode, StratoError } from '../../common/errors.ts';

/** The codes grpc-js itself ends a call with when the peer gives no answer. */
const TRANSPORT_CODES: ReadonlySet<ErrorCode> = new Set([
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'CANCELLED',
  'INTERNAL',
  'UNKNOWN',
]);

/** True when the call ended without an answer from the agent (see above). */
export function isNoAnswer(err: StratoError): boolean {
  return TRANSPORT_CODES.has(err.code) && err.reason === err.code;
}
