// A storage host's report of its backend and capacity (strato.host.v1.StorageReport,
// sent with Register and Heartbeat), checked before it is recorded: the volume
// scheduler places by these numbers and hands the portal to compute hosts, so a
// report no storage agent can give is refused (INVALID_ARGUMENT/STORAGE_INVALID
// naming the field) rather than trusted.
import { isIP } from 'node:net';
import { echo, invalidArgument } from '../../common/errors.ts';
import { textProblem } from '../naming/names.ts';
import type { StorageFacts } from './host-record.ts';

/** The fields of StorageReport, as grpc-js hands them over (uint64 as strings). */
export interface StorageReportInput {
  backend: string;
  totalBytes: string | number;
  allocatedBytes: string | number;
  freeBytes: string | number;
  sizeGranularityBytes: string | number;
  snapshotsSupported: boolean;
  snapshotsUnsupportedReason: string;
  wipePolicy: string;
  iscsiPortal: string;
}

const bad = (field: string, message: string) =>
  invalidArgument('STORAGE_INVALID', `storage.${field} ${message}`, { details: { field: `storage.${field}` } });

function bytes(field: string, value: string | number): number {
  const n = typeof value === 'number' ? value : /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw bad(field, `must be a byte count, got ${echo(String(value))}`);
  return n;
}

/** "address:port" with a specific IP address (IPv6 in brackets), as the agent's portal is. */
export function portalProblem(value: string): string | undefined {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([0-9.]+)):(\d{1,5})$/.exec(value);
  const address = m?.[1] ?? m?.[2] ?? '';
  const port = Number(m?.[3] ?? 0);
  if (!m || isIP(address) === 0 || port < 1 || port > 65535) return 'must be address:port (IPv6 in brackets)';
  if (address === '0.0.0.0' || address === '::') return 'must not be a wildcard address';
  return undefined;
}

/** The report as the host record keeps it. Errors: INVALID_ARGUMENT/STORAGE_INVALID naming storage.<field>. */
export function storageFacts(r: StorageReportInput): StorageFacts {
  const backend = r.backend;
  if (backend !== 'file' && backend !== 'lvm') throw bad('backend', `must be file or lvm, got ${echo(backend)}`);
  const totalBytes = bytes('total_bytes', r.totalBytes);
  const allocatedBytes = bytes('allocated_bytes', r.allocatedBytes);
  const freeBytes = bytes('free_bytes', r.freeBytes);
  if (freeBytes > totalBytes) throw bad('free_bytes', 'must not exceed total_bytes');
  const granularityBytes = bytes('size_granularity_bytes', r.sizeGranularityBytes);
  if (granularityBytes === 0) throw bad('size_granularity_bytes', 'must be above 0');
  const wipePolicy = r.wipePolicy;
  if (wipePolicy !== 'zero' && wipePolicy !== 'none') {
    throw bad('wipe_policy', `must be zero or none, got ${echo(wipePolicy)}`);
  }
  const reason = r.snapshotsUnsupportedReason;
  const reasonProblem = textProblem(reason, 500);
  if (reasonProblem) throw bad('snapshots_unsupported_reason', reasonProblem);
  const portal = portalProblem(r.iscsiPortal);
  if (portal) throw bad('iscsi_portal', `${portal}, got ${echo(r.iscsiPortal)}`);
  return {
    backend,
    totalBytes,
    allocatedBytes,
    freeBytes,
    granularityBytes,
    snapshotsSupported: r.snapshotsSupported,
    snapshotsUnsupportedReason: r.snapshotsSupported ? '' : reason,
    wipePolicy,
    iscsiPortal: r.iscsiPortal,
  };
}
