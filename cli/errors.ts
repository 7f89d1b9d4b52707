// How the CLI fails: one line on stderr and an exit code per class of failure,
// so scripts can tell "you typed it wrong" from "the cloud said no" without
// parsing messages.
import type { ErrorCode } from '../common/errors.ts';

/** Exit codes. Anything not listed below is 1. */
export const EXIT = {
  OK: 0,
  /** The API refused or failed the request (the error line names the code). */
  ERROR: 1,
  /** Bad command line: unknown flag, missing argument, bad value. Nothing was sent. */
  USAGE: 2,
  /** No usable configuration or credentials (config file, cloud, password). */
  CONFIG: 3,
  /** UNAUTHENTICATED or PERMISSION_DENIED. */
  AUTH: 4,
  /** NOT_FOUND. */
  NOT_FOUND: 5,
  /** The endpoint cannot be reached, a deadline passed, or --wait timed out. */
  UNAVAILABLE: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure detected by the CLI itself (before or instead of an API call). */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = EXIT.ERROR) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string): CliError => new CliError(message, EXIT.USAGE);
export const configError = (message: string): CliError => new CliError(message, EXIT.CONFIG);

export function exitCodeFor(code: ErrorCode): ExitCode {
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'PERMISSION_DENIED':
      return EXIT.AUTH;
    case 'NOT_FOUND':
      return EXIT.NOT_FOUND;
    case 'UNAVAILABLE':
    case 'DEADLINE_EXCEEDED':
      return EXIT.UNAVAILABLE;
    default:
      return EXIT.ERROR;
  }
}

/** The shape of a StratoError that formatting needs (no import of grpc code). */
export interface ApiErrorLike {
  code: ErrorCode;
  reason: string;
  message: string;
  details: Record<string, string>;
}

export function isApiError(err: unknown): err is ApiErrorLike {
  return err instanceof Error && err.name === 'StratoError';
}

/** `strato: error: <message> (code NOT_FOUND, reason IMAGE_NOT_FOUND, request id …)`. */
export function errorLine(err: unknown, requestId?: string): string {
  if (err instanceof CliError) return `strato: error: ${err.message}`;
  if (isApiError(err)) {
    const facts = [`code ${err.code}`];
    if (err.reason && err.reason !== err.code) facts.push(`reason ${err.reason}`);
    const rid = err.details['requestId'] ?? requestId;
    if (rid) facts.push(`request id ${rid}`);
    return `strato: error: ${oneLine(err.message) || err.code} (${facts.join(', ')})`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return `strato: error: ${oneLine(message)}`;
}

export function exitCodeOf(err: unknown): ExitCode {
  if (err instanceof CliError) return err.exitCode;
  if (isApiError(err)) return exitCodeFor(err.code);
  return EXIT.ERROR;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, '; ').trim();
}
