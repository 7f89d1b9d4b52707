// StratoError <-> gRPC status, both ways, in one place. On the wire an error
// is a status code, a message and a `grpc-status-details-bin` trailer holding
// google.rpc.Status { details: [ErrorInfo { reason, domain, metadata }] }, so
// a Go or grpcurl client reads the same reason a strato client does.
import { status as GrpcStatus, Metadata, type StatusObject } from '@grpc/grpc-js';
import { type ErrorCode, StratoError } from '../errors.ts';
import { decodeRpcStatus, encodeRpcStatus } from './status-details.ts';

export const STATUS_DETAILS_KEY = 'grpc-status-details-bin';
export const ERROR_DOMAIN = 'strato.io';
/** Reason of the INTERNAL error that replaces any non-StratoError a handler throws. */
export const INTERNAL_REASON = 'INTERNAL_ERROR';

const CODE_NAMES = new Map<number, ErrorCode>();
for (const [name, value] of Object.entries(GrpcStatus)) {
  if (typeof value === 'number' && name !== 'OK') CODE_NAMES.set(value, name as ErrorCode);
}

export function grpcCode(code: ErrorCode): GrpcStatus {
  return GrpcStatus[code];
}

/** The code name for a numeric gRPC status; UNKNOWN for numbers outside the spec (and for OK). */
export function codeName(code: number): ErrorCode {
  return CODE_NAMES.get(code) ?? 'UNKNOWN';
}

/** What a server sends for an error: grpc-js takes this as a callback error or a stream 'error'. */
export type GrpcErrorStatus = Pick<StatusObject, 'code' | 'details' | 'metadata'>;

/**
 * Makes any thrown value a StratoError fit to send. A StratoError passes
 * unchanged; anything else becomes a generic INTERNAL error naming the request
 * id, so neither messages nor stack traces of internal failures reach callers
 * (the server logs the original).
 */
export function toStratoError(err: unknown, requestId?: string): StratoError {
  if (err instanceof StratoError) return err;
  const ref = requestId ? ` (request id ${requestId})` : '';
  return new StratoError('INTERNAL', INTERNAL_REASON, `internal error${ref}`, {
    details: requestId ? { requestId } : {},
    cause: err,
  });
}

/**
 * Bounds of what an error sends. The message and the details travel in HTTP/2
 * trailers, which peers cap (grpc-js: 16 KiB of metadata); one over the cap
 * kills the call with a protocol error instead of delivering the status.
 * Messages should quote input through `echo()` and stay far below these; the
 * bounds are the last line for anything that did not.
 */
export const STATUS_LIMITS = { message: 1024, detailEntries: 16, detailKey: 64, detailValue: 256 } as const;

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = s.charCodeAt(max - 2) >= 0xd800 && s.charCodeAt(max - 2) <= 0xdbff ? max - 2 : max - 1;
  return `${s.slice(0, end)}…`;
}

function boundedDetails(details: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(details).slice(0, STATUS_LIMITS.detailEntries)) {
    out[cut(k, STATUS_LIMITS.detailKey)] = cut(String(v), STATUS_LIMITS.detailValue);
  }
  return out;
}

export function toGrpcStatus(err: StratoError, trailers: Metadata = new Metadata()): GrpcErrorStatus {
  const code = grpcCode(err.code);
  const message = cut(err.message, STATUS_LIMITS.message);
  trailers.set(
    STATUS_DETAILS_KEY,
    encodeRpcStatus({
      code,
      message,
      errorInfo: {
        reason: cut(err.reason, STATUS_LIMITS.detailKey),
        domain: ERROR_DOMAIN,
        metadata: boundedDetails(err.details),
      },
    }),
  );
  return { code, details: message, metadata: trailers };
}

/** Anything grpc-js reports a failed call with (ServiceError, StatusObject). */
export interface StatusLike {
  code: number;
  details: string;
  metadata?: Metadata | null;
}

/**
 * Converts a failed call's status into a StratoError: code, message, and the
 * reason and details from the ErrorInfo when the server sent one; otherwise
 * (a local deadline, a refused connection, a non-strato server) the reason is
 * the code name.
 */
export function fromGrpcStatus(status: StatusLike, cause?: unknown): StratoError {
  const code = codeName(status.code);
  let reason: string = code;
  let details: Record<string, string> = {};
  const raw = status.metadata?.get(STATUS_DETAILS_KEY)[0];
  if (Buffer.isBuffer(raw)) {
    try {
      const info = decodeRpcStatus(raw).errorInfo;
      if (info?.reason) {
        reason = info.reason;
        details = info.metadata;
      }
    } catch {
      // A malformed trailer must not hide the status code itself.
    }
  }
  return new StratoError(code, reason, status.details, { details, cause: cause ?? status });
}

export function isStatusLike(err: unknown): err is StatusLike {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as StatusLike).code === 'number' &&
    typeof (err as StatusLike).details === 'string'
  );
}

/** Client side: any error from a grpc-js call as a StratoError (StratoErrors pass through). */
export function fromCallError(err: unknown): StratoError {
  if (err instanceof StratoError) return err;
  if (isStatusLike(err)) return fromGrpcStatus(err, err);
  return new StratoError('UNKNOWN', 'UNKNOWN', err instanceof Error ? err.message : String(err), { cause: err });
}
