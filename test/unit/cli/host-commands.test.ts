// strato host list|show in-process against a fake API: usage is shown against
// what the scheduler may place (over-commit applied), with the arithmetic
// that gets there, never against the physical size alone; show also says how long
// the agent runs, when it was last heard from, why it is degraded and its orphans.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  degradedCell,
  formatDuration,
  heartbeatCell,
  orphansCell,
  uptimeCell,
  usageDetail,
  usedOfUsable,
} from '../../../cli/commands/host.ts';
import type { Host__Output } from '../../../common/gen/strato/host/v1/Host.ts';
import { cli, fakeSession } from './helpers.ts';

function host(over: Partial<Host__Output> = {}): Host__Output {
  return {
    id: 'hv-1',
    address: '127.0.0.1:8776',
    enabled: true,
    state: 'up',
    lastHeartbeatAt: '2026-12-03T00:00:00.000Z',
    capacity: { vcpus: 2, ramMib: 7976, diskGib: 40 },
    usage: { vcpus: 8, ramMib: 2048, diskGib: 8 },
    instanceCount: 8,
    virtType: 'qemu',
    agentVersion: '0.1.0',
    underlayIp: '',
    usable: { vcpus: 8, ramMib: 7976, diskGib: 40 },
    allocationRatio: { cpu: 4, ram: 1, disk: 1 },
    reserved: { vcpus: 0, ramMib: 0, diskGib: 0 },
    roles: ['compute'],
    storage: null,
    storageReportedAt: '',
    agentStartedAt: '2026-12-02T22:00:00.000Z',
    uptimeS: 7200,
    degradedReasons: [],
    orphans: {
      domains: 0,
      taps: 0,
      bridges: 0,
      namespaces: 0,
      nftChains: 0,
      tgtTargets: 0,
      libvirtSecrets: 0,
      imageCacheFiles: 0,
      instanceDirs: 0,
      domainLogs: 0,
    },
    ...over,
  };
}

const hostsApi = (h: Host__Output) => ({
  hosts: {
    GetHost: async (q: { host: string }) => ({ ...h, id: q.host }),
    ListHosts: async () => ({ hosts: [h], nextPageToken: '' }),
  },
});

describe('host usage', () => {
  it('show: used / usable (physical × ratio) for every resource', async () => {
    const r = await cli(['host', 'show', 'hv-1'], fakeSession(hostsApi(host())));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\| vCPUs +\| 8 \/ 8 \(2 physical × 4\.0\) +\|/);
    assert.match(r.stdout, /\| RAM \(MiB\) +\| 2048 \/ 7976 \(7976 physical × 1\.0\) +\|/);
    assert.match(r.stdout, /\| Disk \(GiB\) +\| 8 \/ 40 \(40 physical × 1\.0\) +\|/);
    assert.doesNotMatch(r.stdout, /8\/2/);
  });

  it('list: used/usable', async () => {
    const r = await cli(
      ['host', 'list', '-c', 'ID', '-c', 'vCPUs', '-c', 'RAM (MiB)', '-f', 'value'],
      fakeSession(hostsApi(host())),
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'hv-1 8/8 2048/7976\n');
  });

  it('-f json carries usable, the ratios and the reservation as the API sends them', async () => {
    const r = await cli(['host', 'show', 'hv-1', '-f', 'json'], fakeSession(hostsApi(host())));
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.usable, { vcpus: 8, ramMib: 7976, diskGib: 40 });
    assert.deepEqual(j.allocationRatio, { cpu: 4, ram: 1, disk: 1 });
  });

  it('a reservation and a fractional ratio are spelled out', () => {
    const h = host({
      capacity: { vcpus: 3, ramMib: 4096, diskGib: 40 },
      reserved: { vcpus: 1, ramMib: 512, diskGib: 0 },
      allocationRatio: { cpu: 1.5, ram: 1, disk: 1 },
      usable: { vcpus: 3, ramMib: 3584, diskGib: 40 },
      usage: { vcpus: 1, ramMib: 256, diskGib: 1 },
    });
    assert.equal(usageDetail(h, 'vcpus'), '1 / 3 ((3 physical − 1 reserved) × 1.5)');
    assert.equal(usageDetail(h, 'ramMib'), '256 / 3584 ((4096 physical − 512 reserved) × 1.0)');
    assert.equal(usedOfUsable(h, 'vcpus'), '1/3');
  });

  it('a conductor that sends no usable (older) is shown against the physical size, and says so', () => {
    const h = host({ usable: null, allocationRatio: null, reserved: null });
    assert.equal(usageDetail(h, 'vcpus'), '8 / 2 physical');
    assert.equal(usedOfUsable(h, 'vcpus'), '8/2');
  });
});

describe('host show: what an operator reads first', () => {
  it('shows version, uptime, last heartbeat, degraded reasons and orphans in rows', async () => {
    const h = host({
      degradedReasons: ['libvirt unreachable'],
      orphans: { ...host().orphans!, domains: 2, nftChains: 1 },
    });
    const r = await cli(['host', 'show', 'hv-1'], fakeSession(hostsApi(h)));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\| Degraded +\| libvirt unreachable +\|/);
    assert.match(r.stdout, /\| Uptime +\| 2h \(since 2026-12-02T22:00:00\.000Z\) +\|/);
    assert.match(r.stdout, /\| Last Heartbeat +\| 2026-12-03T00:00:00\.000Z \(.+ ago\) +\|/);
    assert.match(r.stdout, /\| Agent Version +\| 0\.1\.0 +\|/);
    assert.match(r.stdout, /\| Orphans +\| domains: 2 +\|\n\| +\| nft chains: 1 +\|/);
  });

  it('a healthy host: no reasons, no orphans', () => {
    assert.equal(degradedCell(host()), 'none');
    assert.equal(orphansCell(host()), 'none');
    assert.equal(orphansCell(host({ orphans: null })), 'none');
  });

  it('a down host: reasons marked as last reported, uptime unknown', () => {
    const down = host({ state: 'down', uptimeS: 0, degradedReasons: ['libvirt unreachable'] });
    assert.equal(degradedCell(down), 'libvirt unreachable\n(as last reported; the host is down)');
    assert.equal(uptimeCell(down), 'unknown while down (started 2026-12-02T22:00:00.000Z)');
    assert.equal(uptimeCell(host({ agentStartedAt: '' })), '');
  });

  it('durations read in their two largest units; heartbeats by their age', () => {
    const table: [number, string][] = [
      [0, '0s'],
      [59.9, '59s'],
      [75, '1m 15s'],
      [3600, '1h'],
      [93_784, '1d 2h'],
      [-5, '0s'],
    ];
    for (const [s, want] of table) assert.equal(formatDuration(s), want, String(s));
    const at = Date.parse('2026-12-03T00:00:00.000Z');
    assert.equal(heartbeatCell(host(), at + 4000), '2026-12-03T00:00:00.000Z (4s ago)');
    assert.equal(heartbeatCell(host({ lastHeartbeatAt: '' }), at), 'never');
  });
});
