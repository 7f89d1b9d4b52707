// Kernel answers to netlink requests, as typed errors. The `netlink` package only
// says `Error("Request rejected: EEXIST")`, and the native addon throws Node-style
// system errors; both become a NetlinkError with errno/code, which the client wraps
// in a StratoError so callers branch on one error model.
import { constants } from 'node:os';
import { getSystemErrorMessage } from 'node:util';
import { type ErrorCode, StratoError } from '../../../common/errors.ts';

export class NetlinkError extends Error {
  /** Positive errno value, e.g. 17. 0 when the kernel's answer had none. */
  readonly errno: number;
  /** Symbolic errno name, e.g. 'EEXIST'. */
  readonly code: string;
  /** The operation that failed, e.g. 'createBridge'. */
  readonly op: string;

  constructor(errno: number, code: string, op: string, message: string) {
    super(message);
    this.name = 'NetlinkError';
    this.errno = errno;
    this.code = code;
    this.op = op;
  }
}

/** Plain-data form of a NetlinkError, as it crosses the worker boundary. */
export interface WireError {
  errno: number;
  code: string;
  op: string;
  message: string;
}

const errnoByName = constants.errno as Record<string, number>;

function nameOfErrno(errno: number): string {
  for (const [name, value] of Object.entries(errnoByName)) if (value === errno) return name;
  return 'UNKNOWN';
}

/** Extracts errno/code from whatever the netlink package, the addon or fs threw. */
export function toWireError(err: unknown, op: string): WireError {
  const e = err as { message?: unknown; errno?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (typeof e?.code === 'string' && /^E[A-Z0-9]+$/.test(e.code)) {
    const errno = typeof e.errno === 'number' ? Math.abs(e.errno) : (errnoByName[e.code] ?? 0);
    return { errno, code: e.code, op, message };
  }
  const m = /Request rejected: (-?\w+)/.exec(message);
  if (m?.[1] !== undefined) {
    const raw = m[1];
    if (/^-?\d+$/.test(raw)) {
      const errno = Math.abs(Number(raw));
      return { errno, code: nameOfErrno(errno), op, message };
    }
    return { errno: errnoByName[raw] ?? 0, code: raw, op, message };
  }
  return { errno: 0, code: 'UNKNOWN', op, message };
}

const MISSING = new Set(['ENODEV', 'ENOENT', 'ESRCH', 'EADDRNOTAVAIL', 'ENXIO']);

/** True for the answers that mean "no such link/address/entry/namespace". */
export function isMissingCode(code: string): boolean {
  return MISSING.has(code);
}

const CODE_MAP: Record<string, ErrorCode> = {
  EEXIST: 'ALREADY_EXISTS',
  ENOTEMPTY: 'ALREADY_EXISTS',
  ENODEV: 'NOT_FOUND',
  ENOENT: 'NOT_FOUND',
  ESRCH: 'NOT_FOUND',
  ENXIO: 'NOT_FOUND',
  EADDRNOTAVAIL: 'NOT_FOUND',
  EINVAL: 'INVALID_ARGUMENT',
  ERANGE: 'INVALID_ARGUMENT',
  E2BIG: 'INVALID_ARGUMENT',
  EAFNOSUPPORT: 'INVALID_ARGUMENT',
  EOPNOTSUPP: 'FAILED_PRECONDITION',
  EPROTONOSUPPORT: 'FAILED_PRECONDITION',
  EBUSY: 'FAILED_PRECONDITION',
  ELOOP: 'FAILED_PRECONDITION',
  EPERM: 'PERMISSION_DENIED',
  EACCES: 'PERMISSION_DENIED',
  ENOBUFS: 'RESOURCE_EXHAUSTED',
  ENOMEM: 'RESOURCE_EXHAUSTED',
  ENOSPC: 'RESOURCE_EXHAUSTED',
  EMFILE: 'RESOURCE_EXHAUSTED',
  EAGAIN: 'UNAVAILABLE',
  ETIMEDOUT: 'DEADLINE_EXCEEDED',
};

export function grpcCodeForErrno(code: string): ErrorCode {
  return CODE_MAP[code] ?? 'INTERNAL';
}

/** Wraps a wire error into the project's error model; `subject` names what was acted on. */
export function toStratoError(wire: WireError, subject?: string): StratoError {
  const cause = new NetlinkError(wire.errno, wire.code, wire.op, wire.message);
  const what = subject === undefined ? '' : ` ${subject}`;
  // The package's own text ("Request rejected: EEXIST") says less than libuv's.
  const text = wire.errno > 0 ? `${getSystemErrorMessage(-wire.errno)} (${wire.code})` : wire.message;
  const details: Record<string, string> = { errno: wire.code, op: wire.op };
  if (subject !== undefined) details['subject'] = subject;
  return new StratoError(grpcCodeForErrno(wire.code), `NETLINK_${wire.code}`, `${wire.op}${what}: ${text}`, {
    details,
    cause,
  });
}

/** The errno name behind an error thrown by the netlink client, if any. */
export function netlinkErrnoCode(err: unknown): string | undefined {
  if (err instanceof NetlinkError) return err.code;
  if (err instanceof StratoError && err.cause instanceof NetlinkError) return err.cause.code;
  return undefined;
}
