// One error model for the whole project. Every failure that crosses a boundary
// (gRPC, agent <-> conductor, driver -> service) is a StratoError carrying a gRPC
// status code name, a stable machine-readable reason and optional details, so
// callers branch on `code`/`reason`, never on message text.

export type ErrorCode =
  | 'CANCELLED'
  | 'UNKNOWN'
  | 'INVALID_ARGUMENT'
  | 'DEADLINE_EXCEEDED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION'
  | 'ABORTED'
  | 'OUT_OF_RANGE'
  | 'UNIMPLEMENTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'DATA_LOSS'
  | 'UNAUTHENTICATED';

export interface StratoErrorOptions {
  /** Extra key/value facts a caller may act on (e.g. `{ libvirtCode: '42' }`). */
  details?: Record<string, string>;
  cause?: unknown;
}

export class StratoError extends Error {
  readonly code: ErrorCode;
  /** Stable UPPER_SNAKE identifier, e.g. `DOMAIN_NOT_FOUND`; part of the API. */
  readonly reason: string;
  readonly details: Record<string, string>;

  constructor(code: ErrorCode, reason: string, message: string, options: StratoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StratoError';
    this.code = code;
    this.reason = reason;
    this.details = options.details ?? {};
  }
}

export function isStratoError(err: unknown, code?: ErrorCode): err is StratoError {
  return err instanceof StratoError && (code === undefined || err.code === code);
}

export const notFound = (reason: string, message: string, options?: StratoErrorOptions): StratoError =>
  new StratoError('NOT_FOUND', reason, message, options);
export const alreadyExists = (reason: string, message: string, options?: StratoErrorOptions): StratoError =>
  new StratoError('ALREADY_EXISTS', reason, message, options);
export const invalidArgument = (reason: string, message: string, options?: StratoErrorOptions): StratoError =>
  new StratoError('INVALID_ARGUMENT', reason, message, options);
export const failedPrecondition = (reason: string, message: string, options?: StratoErrorOptions): StratoError =>
  new StratoError('FAILED_PRECONDITION', reason, message, options);
export const unavailable = (reason: string, message: string, options?: StratoErrorOptions): StratoError =>
  new StratoError('UNAVAILABLE', reason, message, options);
export const internal = (reason: string, message: string, options?: StratoErrorOptions): StratoError =>
  new StratoError('INTERNAL', reason, message, options);
