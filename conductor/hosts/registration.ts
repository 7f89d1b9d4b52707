// What an agent's Register says about its host, checked before anything is
// written: a host id that can be a certificate's CN and a store key, an
// address to call back, a capacity the scheduler can place on, an optional
// VXLAN underlay address, the host's roles with, for a storage host, its
// storage report, and what it says about itself (start time, degraded reasons,
// orphan counts; also in every Heartbeat). Bad input gets INVALID_ARGUMENT
// naming the field.
import { echo, invalidArgument } from '../../common/errors.ts';
import { HOST_ID_RE, requireField } from '../naming/names.ts';
import { parseIp } from '../network/ipv4.ts';
import {
  HOST_ROLES,
  type HostRole,
  type HostSelfReport,
  ORPHAN_KINDS,
  type OrphanCounts,
  type OrphanKind,
  type StorageFacts,
} from './host-record.ts';
import type { RegisterInput } from './host-registry.ts';
import { type StorageReportInput, storageFacts } from './storage-report.ts';

/** The fields of RegisterRequest (strato.host.v1) this reads, as plain data. */
export interface Registration {
  address: string;
  capacity: { vcpus: number; ramMib: number; diskGib: number } | null;
  virtType: string;
  agentVersion: string;
  underlayIp: string;
  /** Absent or empty: compute only (an agent older than roles). */
  roles?: readonly string[];
  storage?: StorageReportInput | null;
  /** RFC 3339; '' or absent: unsaid. */
  startedAt?: string;
}

/** The fields of RegisterRequest and HeartbeatRequest saying how the host is, as plain data. */
export interface SelfReport {
  degradedReasons?: string[];
  orphans?: Partial<Record<OrphanKind, number>> | null;
}

/** Reasons are short phrases for people; a host that says more is broken or hostile. */
export const MAX_DEGRADED_REASONS = 16;
export const MAX_REASON_CHARS = 200;
const PRINTABLE = /^[^\p{Cc}\p{Cf}\u2028\u2029]+$/u;

const ADDRESS_RE = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

/** The host id an agent speaks for. Errors: INVALID_ARGUMENT FIELD_REQUIRED / HOST_ID_INVALID. */
export function validateHostId(value: unknown): string {
  const id = requireField('host_id', value);
  if (!HOST_ID_RE.test(id)) {
    throw invalidArgument('HOST_ID_INVALID', `host_id must be a host name, got ${echo(id)}`, {
      details: { field: 'host_id' },
    });
  }
  return id;
}

const rolesInvalid = (message: string) => invalidArgument('ROLES_INVALID', message, { details: { field: 'roles' } });

/**
 * The roles and storage report of a Register: every role known, and a storage
 * report exactly when the host has the storage role.
 * Errors: INVALID_ARGUMENT ROLES_INVALID / STORAGE_INVALID.
 */
export function rolesAndStorage(
  roles: readonly string[] | undefined,
  storage: StorageReportInput | null | undefined,
): { roles: HostRole[]; storage?: StorageFacts } {
  const out: HostRole[] = [];
  for (const r of roles ?? []) {
    if (!(HOST_ROLES as readonly string[]).includes(r)) {
      throw rolesInvalid(`roles: unknown role ${echo(r)} (known: ${HOST_ROLES.join(', ')})`);
    }
    if (!out.includes(r as HostRole)) out.push(r as HostRole);
  }
  if (out.length === 0) out.push('compute');
  if (out.includes('storage') !== Boolean(storage)) {
    throw rolesInvalid(
      storage ? 'a storage report needs the storage role in roles' : 'the storage role needs a storage report',
    );
  }
  return { roles: out, ...(storage ? { storage: storageFacts(storage) } : {}) };
}

/**
 * What HostRegistry.register records for host `hostId` (already validated).
 * Errors: INVALID_ARGUMENT FIELD_REQUIRED / ADDRESS_INVALID / CAPACITY_INVALID / UNDERLAY_IP_INVALID /
 * ROLES_INVALID / STORAGE_INVALID.
 */
export function registerInput(hostId: string, r: Registration): RegisterInput {
  const address = requireField('address', r.address);
  if (!ADDRESS_RE.test(address)) {
    throw invalidArgument('ADDRESS_INVALID', `address must be host:port, got ${echo(address)}`, {
      details: { field: 'address' },
    });
  }
  const cap = r.capacity;
  if (!cap || !(cap.vcpus > 0) || !(cap.ramMib > 0) || !(cap.diskGib > 0)) {
    throw invalidArgument('CAPACITY_INVALID', 'capacity needs vcpus, ram_mib and disk_gib above 0', {
      details: { field: 'capacity' },
    });
  }
  const underlayIp = r.underlayIp.trim();
  if (underlayIp !== '' && parseIp(underlayIp) === undefined) {
    throw invalidArgument('UNDERLAY_IP_INVALID', `underlay_ip must be an IPv4 address, got ${echo(underlayIp)}`, {
      details: { field: 'underlay_ip' },
    });
  }
  const startedAt = (r.startedAt ?? '').trim();
  if (startedAt !== '' && (startedAt.length > 64 || !Number.isFinite(Date.parse(startedAt)))) {
    throw invalidArgument('STARTED_AT_INVALID', `started_at must be an RFC 3339 time, got ${echo(startedAt, 64)}`, {
      details: { field: 'started_at' },
    });
  }
  return {
    id: hostId,
    address,
    capacity: { vcpus: cap.vcpus, ramMiB: cap.ramMib, diskGiB: cap.diskGib },
    virtType: r.virtType,
    agentVersion: r.agentVersion,
    underlayIp,
    ...rolesAndStorage(r.roles, r.storage),
    agentStartedAt: startedAt,
  };
}

/**
 * What a Register or Heartbeat says about the host itself, checked.
 * Errors: INVALID_ARGUMENT DEGRADED_REASONS_INVALID (too many, too long, empty or
 * with control characters).
 */
export function selfReport(r: SelfReport): HostSelfReport {
  const reasons = r.degradedReasons ?? [];
  const bad = (why: string) =>
    invalidArgument('DEGRADED_REASONS_INVALID', `degraded_reasons: ${why}`, { details: { field: 'degraded_reasons' } });
  if (reasons.length > MAX_DEGRADED_REASONS) throw bad(`at most ${MAX_DEGRADED_REASONS}, got ${reasons.length}`);
  const degradedReasons = reasons.map((reason, i) => {
    if (typeof reason !== 'string' || reason.trim() === '') throw bad(`entry ${i} is empty`);
    if (reason.length > MAX_REASON_CHARS) throw bad(`entry ${i} is longer than ${MAX_REASON_CHARS} characters`);
    if (!PRINTABLE.test(reason)) throw bad(`entry ${i} holds control characters`);
    return reason.trim();
  });
  const orphans: OrphanCounts = {};
  for (const kind of ORPHAN_KINDS) {
    const n = r.orphans?.[kind];
    // uint32 on the wire: anything else cannot arrive through the decoder.
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) orphans[kind] = n;
  }
  return { degradedReasons, orphans };
}
