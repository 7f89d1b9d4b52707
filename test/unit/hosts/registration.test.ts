// What an agent's Register may say about its host, table-tested: each bad
// field answers INVALID_ARGUMENT with its own reason and the field it names,
// quoting the input within bounds; a good request becomes what the registry
// records (capacity in the registry's units, the underlay address trimmed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import {
  MAX_DEGRADED_REASONS,
  type Registration,
  registerInput,
  selfReport,
  validateHostId,
} from '../../../conductor/hosts/registration.ts';
import type { StorageReportInput } from '../../../conductor/hosts/storage-report.ts';

const good: Registration = {
  address: '10.0.0.5:9090',
  capacity: { vcpus: 4, ramMib: 8192, diskGib: 100 },
  virtType: 'qemu',
  agentVersion: '0.1.0',
  underlayIp: ' 192.0.2.5 ',
};

function refusal(f: () => unknown): { reason: string; field: string; message: string } {
  try {
    f();
  } catch (err) {
    assert.ok(isStratoError(err, 'INVALID_ARGUMENT'), String(err));
    return { reason: err.reason, field: err.details['field'] ?? '', message: err.message };
  }
  return assert.fail('accepted');
}

describe('host registration', () => {
  it('turns a good request into the record input', () => {
    assert.deepEqual(registerInput('hv-1', good), {
      id: 'hv-1',
      address: '10.0.0.5:9090',
      capacity: { vcpus: 4, ramMiB: 8192, diskGiB: 100 },
      virtType: 'qemu',
      agentVersion: '0.1.0',
      underlayIp: '192.0.2.5',
      roles: ['compute'],
      agentStartedAt: '',
    });
    assert.equal(
      registerInput('hv-1', { ...good, startedAt: '2026-12-03T07:00:00.000Z' }).agentStartedAt,
      '2026-12-03T07:00:00.000Z',
    );
    assert.equal(registerInput('hv-1', { ...good, underlayIp: '', address: '[fd00::1]:9090' }).underlayIp, '');
  });

  const hostIds: [unknown, string][] = [
    ['', 'FIELD_REQUIRED'],
    [undefined, 'FIELD_REQUIRED'],
    ['-starts-with-dash', 'HOST_ID_INVALID'],
    ['has space', 'HOST_ID_INVALID'],
    ['x'.repeat(254), 'HOST_ID_INVALID'],
  ];
  for (const [value, reason] of hostIds) {
    it(`host_id ${JSON.stringify(value)?.slice(0, 30)} → ${reason}`, () => {
      const r = refusal(() => validateHostId(value));
      assert.deepEqual([r.reason, r.field], [reason, 'host_id']);
      assert.ok(r.message.length < 200, r.message);
    });
  }
  it('takes a host name as host_id', () => {
    assert.equal(validateHostId('hv-1.rack2.example'), 'hv-1.rack2.example');
  });

  const fields: [string, Partial<Registration>, string, string][] = [
    ['no address', { address: '' }, 'FIELD_REQUIRED', 'address'],
    ['an address without a port', { address: '10.0.0.5' }, 'ADDRESS_INVALID', 'address'],
    ['an address with a path', { address: 'h:1/x' }, 'ADDRESS_INVALID', 'address'],
    ['no capacity', { capacity: null }, 'CAPACITY_INVALID', 'capacity'],
    ['no vCPUs', { capacity: { vcpus: 0, ramMib: 1, diskGib: 1 } }, 'CAPACITY_INVALID', 'capacity'],
    ['no RAM', { capacity: { vcpus: 1, ramMib: 0, diskGib: 1 } }, 'CAPACITY_INVALID', 'capacity'],
    ['no disk', { capacity: { vcpus: 1, ramMib: 1, diskGib: -1 } }, 'CAPACITY_INVALID', 'capacity'],
    ['an underlay that is no IPv4 address', { underlayIp: '192.0.2.300' }, 'UNDERLAY_IP_INVALID', 'underlay_ip'],
    ['an IPv6 underlay', { underlayIp: 'fd00::1' }, 'UNDERLAY_IP_INVALID', 'underlay_ip'],
    ['a start that is no time', { startedAt: 'yesterday-ish' }, 'STARTED_AT_INVALID', 'started_at'],
    [
      'a start too long to be a time',
      { startedAt: `2026-12-03T07:00:00${'0'.repeat(80)}Z` },
      'STARTED_AT_INVALID',
      'started_at',
    ],
  ];
  for (const [what, change, reason, field] of fields) {
    it(`refuses ${what}: ${reason} naming ${field}`, () => {
      const r = refusal(() => registerInput('hv-1', { ...good, ...change }));
      assert.deepEqual([r.reason, r.field], [reason, field]);
    });
  }

  it('keeps what the host says about itself: reasons trimmed, orphans above 0', () => {
    assert.deepEqual(selfReport({}), { degradedReasons: [], orphans: {} });
    assert.deepEqual(
      selfReport({ degradedReasons: [' libvirt unreachable '], orphans: { domains: 2, taps: 0, nftChains: 1 } }),
      { degradedReasons: ['libvirt unreachable'], orphans: { domains: 2, nftChains: 1 } },
    );
  });

  const reasons: [string, string[]][] = [
    ['too many degraded reasons', Array.from({ length: MAX_DEGRADED_REASONS + 1 }, (_, i) => `reason ${i}`)],
    ['an empty degraded reason', ['  ']],
    ['a degraded reason too long', ['x'.repeat(201)]],
    ['a degraded reason with a control character', ['libvirt\u001b[31m unreachable']],
    ['a degraded reason with a line break', ['one\ntwo']],
  ];
  for (const [what, degradedReasons] of reasons) {
    it(`refuses ${what}: DEGRADED_REASONS_INVALID naming degraded_reasons, without echoing it`, () => {
      const r = refusal(() => selfReport({ degradedReasons }));
      assert.deepEqual([r.reason, r.field], ['DEGRADED_REASONS_INVALID', 'degraded_reasons']);
      assert.ok(r.message.length < 120, r.message);
      assert.doesNotMatch(r.message, /x{50}|reason 1/);
      assert.ok(!r.message.includes('\u001b'), 'no control character echoed');
    });
  }

  const report: StorageReportInput = {
    backend: 'file',
    totalBytes: String(10 * 1024 ** 3),
    allocatedBytes: '0',
    freeBytes: String(10 * 1024 ** 3),
    sizeGranularityBytes: String(1024 ** 2),
    snapshotsSupported: false,
    snapshotsUnsupportedReason: 'no reflink here',
    wipePolicy: 'zero',
    iscsiPortal: '192.0.2.5:3260',
  };

  it('accepts the network role (routers may be placed there)', () => {
    assert.deepEqual(registerInput('hv-1', { ...good, roles: ['compute', 'network'] }).roles, ['compute', 'network']);
  });

  it('keeps a storage host roles and its report in bytes', () => {
    const r = registerInput('hv-1', { ...good, roles: ['compute', 'storage', 'storage'], storage: report });
    assert.deepEqual(r.roles, ['compute', 'storage']);
    assert.deepEqual(r.storage, {
      backend: 'file',
      totalBytes: 10 * 1024 ** 3,
      allocatedBytes: 0,
      freeBytes: 10 * 1024 ** 3,
      granularityBytes: 1024 ** 2,
      snapshotsSupported: false,
      snapshotsUnsupportedReason: 'no reflink here',
      wipePolicy: 'zero',
      iscsiPortal: '192.0.2.5:3260',
    });
    assert.equal(registerInput('hv-1', { ...good, roles: [] }).storage, undefined);
  });

  const storageCases: [string, Partial<Registration>, string, string][] = [
    ['an unknown role', { roles: ['compute', 'router'] }, 'ROLES_INVALID', 'roles'],
    ['the storage role without a report', { roles: ['storage'] }, 'ROLES_INVALID', 'roles'],
    ['a report without the storage role', { roles: ['compute'], storage: report }, 'ROLES_INVALID', 'roles'],
    ['an unknown backend', { storage: { ...report, backend: 'ceph' } }, 'STORAGE_INVALID', 'storage.backend'],
    [
      'free above total',
      { storage: { ...report, freeBytes: String(11 * 1024 ** 3) } },
      'STORAGE_INVALID',
      'storage.free_bytes',
    ],
    [
      'a size that is no number',
      { storage: { ...report, totalBytes: '1e9' } },
      'STORAGE_INVALID',
      'storage.total_bytes',
    ],
    [
      'a size beyond 2^53',
      { storage: { ...report, totalBytes: '99999999999999999' } },
      'STORAGE_INVALID',
      'storage.total_bytes',
    ],
    [
      'no granularity',
      { storage: { ...report, sizeGranularityBytes: '0' } },
      'STORAGE_INVALID',
      'storage.size_granularity_bytes',
    ],
    [
      'an unknown wipe policy',
      { storage: { ...report, wipePolicy: 'shred' } },
      'STORAGE_INVALID',
      'storage.wipe_policy',
    ],
    [
      'a portal without a port',
      { storage: { ...report, iscsiPortal: '192.0.2.5' } },
      'STORAGE_INVALID',
      'storage.iscsi_portal',
    ],
    [
      'a wildcard portal',
      { storage: { ...report, iscsiPortal: '0.0.0.0:3260' } },
      'STORAGE_INVALID',
      'storage.iscsi_portal',
    ],
    [
      'a host name as portal',
      { storage: { ...report, iscsiPortal: 'st-1:3260' } },
      'STORAGE_INVALID',
      'storage.iscsi_portal',
    ],
    [
      'control characters in the reason',
      { storage: { ...report, snapshotsUnsupportedReason: 'a\x1b[2J' } },
      'STORAGE_INVALID',
      'storage.snapshots_unsupported_reason',
    ],
  ];
  for (const [what, change, reason, field] of storageCases) {
    it(`refuses ${what}: ${reason} naming ${field}`, () => {
      const withRole = change.roles ?? ['compute', 'storage'];
      const r = refusal(() => registerInput('hv-1', { ...good, roles: withRole, ...change }));
      assert.deepEqual([r.reason, r.field], [reason, field]);
    });
  }

  it('quotes a long address within bounds', () => {
    const r = refusal(() => registerInput('hv-1', { ...good, address: 'y'.repeat(5000) }));
    assert.doesNotMatch(r.message, /y{200}/);
  });
});
