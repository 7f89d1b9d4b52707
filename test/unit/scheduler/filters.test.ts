import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cpuFilter } from '../../../conductor/scheduler/filters/cpu-filter.ts';
import { diskFilter } from '../../../conductor/scheduler/filters/disk-filter.ts';
import { computeRoleFilter } from '../../../conductor/scheduler/filters/compute-role-filter.ts';
import { enabledFilter } from '../../../conductor/scheduler/filters/enabled-filter.ts';
import { excludeHostsFilter } from '../../../conductor/scheduler/filters/exclude-hosts-filter.ts';
import { forceHostFilter } from '../../../conductor/scheduler/filters/force-host-filter.ts';
import { ramFilter } from '../../../conductor/scheduler/filters/ram-filter.ts';
import { upFilter } from '../../../conductor/scheduler/filters/up-filter.ts';
import type { FilterContext, FilterFn, HostSnapshot, PlacementRequest } from '../../../conductor/scheduler/types.ts';
import { adminCtx, ctx, host, NOW, request } from './fixtures.ts';

interface Case {
  name: string;
  filter: FilterFn;
  host: HostSnapshot;
  req?: PlacementRequest;
  ctx?: FilterContext;
  /** null = passes; a string = the reason must contain it. */
  want: string | null;
}

const cases: Case[] = [
  { name: 'enabled host passes', filter: enabledFilter, host: host('h'), want: null },
  { name: 'disabled host rejected', filter: enabledFilter, host: host('h', { enabled: false }), want: 'disabled' },
  { name: 'compute host passes', filter: computeRoleFilter, host: host('h'), want: null },
  { name: 'compute: true passes', filter: computeRoleFilter, host: host('h', { compute: true }), want: null },
  {
    name: 'host without the compute role rejected',
    filter: computeRoleFilter,
    host: host('h', { compute: false }),
    want: 'not a compute host',
  },
  { name: 'fresh heartbeat is up', filter: upFilter, host: host('h'), want: null },
  {
    name: 'heartbeat exactly downTime ago is still up',
    filter: upFilter,
    host: host('h', { lastHeartbeatMs: NOW - 60_000 }),
    want: null,
  },
  {
    name: 'stale heartbeat is down',
    filter: upFilter,
    host: host('h', { lastHeartbeatMs: NOW - 75_000 }),
    want: 'last heartbeat 75 s ago, limit 60 s',
  },
  {
    name: 'downTimeMs is configurable',
    filter: upFilter,
    host: host('h', { lastHeartbeatMs: NOW - 20_000 }),
    ctx: { ...ctx, downTimeMs: 15_000 },
    want: 'down',
  },
  { name: 'never heard from is down', filter: upFilter, host: host('h', { lastHeartbeatMs: 0 }), want: 'never' },
  { name: 'cpu fits', filter: cpuFilter, host: host('h'), req: request({ vcpus: 8 }), want: null },
  {
    name: 'cpu too big',
    filter: cpuFilter,
    host: host('h'),
    req: request({ vcpus: 9 }),
    want: 'h: needs 9 vCPU, 8 free of 8 usable',
  },
  {
    name: 'cpu ratio 4.0 lets 8 vCPU on a 2-core host',
    filter: cpuFilter,
    host: host('h', { capacity: { vcpus: 2 }, allocationRatio: { cpu: 4 } }),
    req: request({ vcpus: 8 }),
    want: null,
  },
  {
    name: 'cpu ratio 4.0 refuses a 9th vCPU on a 2-core host',
    filter: cpuFilter,
    host: host('h', { capacity: { vcpus: 2 }, allocationRatio: { cpu: 4 }, usage: { vcpus: 8 } }),
    req: request({ vcpus: 1 }),
    want: 'needs 1 vCPU, 0 free of 8 usable',
  },
  {
    name: 'reserved cpus come off before the ratio',
    filter: cpuFilter,
    host: host('h', { capacity: { vcpus: 4 }, reserved: { vcpus: 2 }, allocationRatio: { cpu: 2 } }),
    req: request({ vcpus: 5 }),
    want: 'needs 5 vCPU, 4 free of 4 usable',
  },
  { name: 'ram fits exactly', filter: ramFilter, host: host('h'), req: request({ ramMiB: 16_384 }), want: null },
  {
    name: 'ram reserved for the hypervisor',
    filter: ramFilter,
    host: host('h', { reserved: { ramMiB: 1024 } }),
    req: request({ ramMiB: 16_384 }),
    want: 'needs 16384 MiB RAM, 15360 free',
  },
  {
    name: 'ram ratio 1.5 with usage',
    filter: ramFilter,
    host: host('h', { capacity: { ramMiB: 1000 }, allocationRatio: { ram: 1.5 }, usage: { ramMiB: 1000 } }),
    req: request({ ramMiB: 500 }),
    want: null,
  },
  {
    name: 'over-committed host reports 0 free, not negative',
    filter: ramFilter,
    host: host('h', { capacity: { ramMiB: 1000 }, usage: { ramMiB: 1200 } }),
    req: request({ ramMiB: 1 }),
    want: '0 free of 1000 usable',
  },
  { name: 'disk fits', filter: diskFilter, host: host('h'), req: request({ diskGiB: 100 }), want: null },
  {
    name: 'disk full',
    filter: diskFilter,
    host: host('h', { usage: { diskGiB: 90 } }),
    req: request({ diskGiB: 20 }),
    want: 'needs 20 GiB disk, 10 free',
  },
  {
    name: 'disk ratio floors fractional capacity',
    filter: diskFilter,
    host: host('h', { capacity: { diskGiB: 3 }, allocationRatio: { disk: 1.5 } }),
    req: request({ diskGiB: 5 }),
    want: '4 free of 4 usable',
  },
  { name: 'no forced host keeps all', filter: forceHostFilter, host: host('h'), want: null },
  {
    name: 'forced host kept for admin',
    filter: forceHostFilter,
    host: host('h'),
    req: request({}, { forceHost: 'h' }),
    ctx: adminCtx,
    want: null,
  },
  {
    name: 'other host dropped when forcing',
    filter: forceHostFilter,
    host: host('g'),
    req: request({}, { forceHost: 'h' }),
    ctx: adminCtx,
    want: 'not the requested host h',
  },
  {
    name: 'forcing without admin is rejected even for the named host',
    filter: forceHostFilter,
    host: host('h'),
    req: request({}, { forceHost: 'h' }),
    want: 'admin',
  },
  { name: 'no exclusions', filter: excludeHostsFilter, host: host('h'), want: null },
  {
    name: 'excluded host dropped',
    filter: excludeHostsFilter,
    host: host('h'),
    req: request({}, { excludeHosts: ['x', 'h'] }),
    want: 'already failed',
  },
  {
    name: 'other exclusions keep the host',
    filter: excludeHostsFilter,
    host: host('h'),
    req: request({}, { excludeHosts: ['x'] }),
    want: null,
  },
];

describe('scheduler filters', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = c.filter(c.host, c.req ?? request(), c.ctx ?? ctx);
      if (c.want === null) assert.equal(got, null);
      else {
        assert.equal(typeof got, 'string', `expected a rejection containing ${c.want}`);
        assert.ok((got as string).includes(c.want), `reason ${JSON.stringify(got)} lacks ${JSON.stringify(c.want)}`);
      }
    });
  }
});
