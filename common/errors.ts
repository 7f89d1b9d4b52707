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

/** How many characters of a caller's input an error message may quote. */
export const ECHO_MAX = 48;

/**
 * A caller's input, fit to quote in an error message: JSON-quoted (so control
 * characters show as escapes and cannot reach a terminal raw), cut after `max`
 * characters with the full length noted. Every message that repeats input goes
 * through this: a status message travels in an HTTP/2 trailer, and an
 * unbounded one breaks the call (or floods the logs) instead of explaining it.
 */
export function echo(value: unknown, max: number = ECHO_MAX): string {
  const s = typeof value === 'string' ? value : String(value);
  if (s.length <= max) return quote(s);
  const kept = clip(s, max).slice(0, -1); // without clip's '…'
  return `${quote(kept).slice(0, -1)}…" (${s.length} characters)`;
}

// JSON escapes C0 controls but not DEL, the C1 controls (ESC's 8-bit cousins)
// or the line separators.
const UNESCAPED_CONTROLS = /[\u007f-\u009f\u2028\u2029]/g;

function quote(s: string): string {
  return JSON.stringify(s).replace(UNESCAPED_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A caller's input for an error's machine-readable details: the value itself
 * (unquoted), cut after `max` characters with a trailing '…'.
 */
export function clip(value: unknown, max: number = ECHO_MAX): string {
  const s = typeof value === 'string' ? value : String(value);
  if (s.length <= max) return s;
  const c = s.charCodeAt(max - 1);
  return `${s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max)}…`;
}
