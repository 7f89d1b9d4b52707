// libvirt's error struct (virNetMessageError) → strato's error model. Callers branch on
// StratoError.code/reason; libvirt's own code, domain and message stay in `details`
// (libvirtCode, libvirtDomain, libvirtCodeName) for logs and for callers that need them.
import { type ErrorCode, StratoError } from '../../../common/errors.ts';
import type { XdrReader } from './xdr.ts';

export interface LibvirtErrorStruct {
  code: number;
  domain: number;
  message: string | null;
  level: number;
  str1: string | null;
  str2: string | null;
  str3: string | null;
  int1: number;
  int2: number;
}

function skipNonnullDomain(r: XdrReader): void {
  r.string();
  r.fixedOpaque(16);
  r.int();
}

function skipNonnullNetwork(r: XdrReader): void {
  r.string();
  r.fixedOpaque(16);
}

/** Decodes every field in order: a short read here would desynchronise nothing, but keeps us honest. */
export function decodeErrorStruct(r: XdrReader): LibvirtErrorStruct {
  const code = r.int();
  const domain = r.int();
  const message = r.optionalString();
  const level = r.int();
  r.optional(skipNonnullDomain);
  const str1 = r.optionalString();
  const str2 = r.optionalString();
  const str3 = r.optionalString();
  const int1 = r.int();
  const int2 = r.int();
  r.optional(skipNonnullNetwork);
  return { code, domain, message, level, str1, str2, str3, int1, int2 };
}

/** virErrorNumber values strato reacts to (include/libvirt/virterror.h). */
export const LibvirtErrorCode = {
  INTERNAL_ERROR: 1,
  NO_MEMORY: 2,
  NO_SUPPORT: 3,
  INVALID_ARG: 8,
  OPERATION_FAILED: 9,
  XML_ERROR: 27,
  DOM_EXIST: 28,
  OPERATION_DENIED: 29,
  XML_DETAIL: 35,
  SYSTEM_ERROR: 38,
  RPC: 39,
  NO_DOMAIN: 42,
  NO_NETWORK: 43,
  AUTH_FAILED: 45,
  NO_STORAGE_POOL: 49,
  NO_STORAGE_VOL: 50,
  NO_NODE_DEVICE: 53,
  OPERATION_INVALID: 55,
  NO_INTERFACE: 57,
  NO_NWFILTER: 62,
  INVALID_SECRET: 65,
  NO_SECRET: 66,
  CONFIG_UNSUPPORTED: 67,
  OPERATION_TIMEOUT: 68,
  NO_DOMAIN_SNAPSHOT: 72,
  ARGUMENT_UNSUPPORTED: 74,
  OPERATION_ABORTED: 78,
  NO_DOMAIN_METADATA: 80,
  OVERFLOW: 82,
  OPERATION_UNSUPPORTED: 84,
  AGENT_UNRESPONSIVE: 86,
  RESOURCE_BUSY: 87,
  ACCESS_DENIED: 88,
  STORAGE_VOL_EXIST: 90,
  XML_INVALID_SCHEMA: 92,
  AGENT_UNSYNCED: 97,
  DEVICE_MISSING: 99,
} as const;

const codeNames = new Map<number, string>(
  Object.entries(LibvirtErrorCode).map(([name, code]) => [code, `VIR_ERR_${name}`]),
);

/** [gRPC code, strato reason] per libvirt code; anything else is UNKNOWN/LIBVIRT_ERROR. */
const mapping = new Map<number, readonly [ErrorCode, string]>([
  [LibvirtErrorCode.NO_DOMAIN, ['NOT_FOUND', 'DOMAIN_NOT_FOUND']],
  [LibvirtErrorCode.NO_SECRET, ['NOT_FOUND', 'SECRET_NOT_FOUND']],
  [LibvirtErrorCode.NO_NETWORK, ['NOT_FOUND', 'NETWORK_NOT_FOUND']],
  [LibvirtErrorCode.NO_STORAGE_POOL, ['NOT_FOUND', 'STORAGE_POOL_NOT_FOUND']],
  [LibvirtErrorCode.NO_STORAGE_VOL, ['NOT_FOUND', 'STORAGE_VOLUME_NOT_FOUND']],
  [LibvirtErrorCode.NO_NODE_DEVICE, ['NOT_FOUND', 'NODE_DEVICE_NOT_FOUND']],
  [LibvirtErrorCode.NO_INTERFACE, ['NOT_FOUND', 'INTERFACE_NOT_FOUND']],
  [LibvirtErrorCode.NO_NWFILTER, ['NOT_FOUND', 'NWFILTER_NOT_FOUND']],
  [LibvirtErrorCode.NO_DOMAIN_SNAPSHOT, ['NOT_FOUND', 'SNAPSHOT_NOT_FOUND']],
  [LibvirtErrorCode.NO_DOMAIN_METADATA, ['NOT_FOUND', 'DOMAIN_METADATA_NOT_FOUND']],
  [LibvirtErrorCode.DEVICE_MISSING, ['NOT_FOUND', 'DEVICE_NOT_FOUND']],
  [LibvirtErrorCode.DOM_EXIST, ['ALREADY_EXISTS', 'DOMAIN_EXISTS']],
  [LibvirtErrorCode.STORAGE_VOL_EXIST, ['ALREADY_EXISTS', 'STORAGE_VOLUME_EXISTS']],
  [LibvirtErrorCode.OPERATION_INVALID, ['FAILED_PRECONDITION', 'OPERATION_INVALID']],
  [LibvirtErrorCode.AGENT_UNSYNCED, ['FAILED_PRECONDITION', 'GUEST_AGENT_UNSYNCED']],
  [LibvirtErrorCode.INVALID_ARG, ['INVALID_ARGUMENT', 'INVALID_ARGUMENT']],
  [LibvirtErrorCode.INVALID_SECRET, ['INVALID_ARGUMENT', 'INVALID_SECRET']],
  [LibvirtErrorCode.XML_ERROR, ['INVALID_ARGUMENT', 'INVALID_XML']],
  [LibvirtErrorCode.XML_DETAIL, ['INVALID_ARGUMENT', 'INVALID_XML']],
  [LibvirtErrorCode.XML_INVALID_SCHEMA, ['INVALID_ARGUMENT', 'INVALID_XML']],
  [LibvirtErrorCode.CONFIG_UNSUPPORTED, ['INVALID_ARGUMENT', 'CONFIG_UNSUPPORTED']],
  [LibvirtErrorCode.ARGUMENT_UNSUPPORTED, ['INVALID_ARGUMENT', 'ARGUMENT_UNSUPPORTED']],
  [LibvirtErrorCode.NO_SUPPORT, ['UNIMPLEMENTED', 'NOT_SUPPORTED']],
  [LibvirtErrorCode.OPERATION_UNSUPPORTED, ['UNIMPLEMENTED', 'OPERATION_UNSUPPORTED']],
  [LibvirtErrorCode.OPERATION_DENIED, ['PERMISSION_DENIED', 'OPERATION_DENIED']],
  [LibvirtErrorCode.ACCESS_DENIED, ['PERMISSION_DENIED', 'ACCESS_DENIED']],
  [LibvirtErrorCode.AUTH_FAILED, ['UNAUTHENTICATED', 'AUTH_FAILED']],
  [LibvirtErrorCode.OPERATION_TIMEOUT, ['DEADLINE_EXCEEDED', 'LIBVIRT_TIMEOUT']],
  [LibvirtErrorCode.AGENT_UNRESPONSIVE, ['UNAVAILABLE', 'GUEST_AGENT_UNRESPONSIVE']],
  [LibvirtErrorCode.RESOURCE_BUSY, ['ABORTED', 'RESOURCE_BUSY']],
  [LibvirtErrorCode.OPERATION_ABORTED, ['ABORTED', 'OPERATION_ABORTED']],
  [LibvirtErrorCode.OVERFLOW, ['OUT_OF_RANGE', 'VALUE_OVERFLOW']],
  [LibvirtErrorCode.NO_MEMORY, ['RESOURCE_EXHAUSTED', 'LIBVIRT_OUT_OF_MEMORY']],
  [LibvirtErrorCode.INTERNAL_ERROR, ['INTERNAL', 'LIBVIRT_INTERNAL_ERROR']],
  [LibvirtErrorCode.SYSTEM_ERROR, ['INTERNAL', 'LIBVIRT_SYSTEM_ERROR']],
  [LibvirtErrorCode.OPERATION_FAILED, ['INTERNAL', 'LIBVIRT_OPERATION_FAILED']],
  [LibvirtErrorCode.RPC, ['INTERNAL', 'LIBVIRT_RPC_ERROR']],
]);

export function libvirtCodeName(code: number): string {
  return codeNames.get(code) ?? `VIR_ERR_${code}`;
}

/** Maps a decoded libvirt error to a StratoError; `procedure` names the call for the message. */
export function toStratoError(err: LibvirtErrorStruct, procedure?: string): StratoError {
  const [code, reason] = mapping.get(err.code) ?? (['UNKNOWN', 'LIBVIRT_ERROR'] as const);
  const details: Record<string, string> = {
    libvirtCode: String(err.code),
    libvirtCodeName: libvirtCodeName(err.code),
    libvirtDomain: String(err.domain),
  };
  if (procedure !== undefined) details.procedure = procedure;
  if (err.str1 !== null) details.str1 = err.str1;
  const message = err.message ?? `libvirt error ${libvirtCodeName(err.code)}`;
  return new StratoError(code, reason, message, { details });
}

/** True when `err` came from libvirt with the given virErrorNumber. */
export function hasLibvirtCode(err: unknown, code: number): boolean {
  return err instanceof StratoError && err.details.libvirtCode === String(code);
}
