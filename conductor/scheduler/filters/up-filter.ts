// Drops hosts whose agent has not sent a heartbeat within downTimeMs: a boot sent
// there would most likely time out. The clock comes from the context so one request
// sees one consistent "now" across all hosts, and tests can set it.
import type { FilterFn, HostFilter } from '../types.ts';

export const upFilter: FilterFn = (host, _request, ctx) => {
  if (host.lastHeartbeatMs <= 0) return `${host.hostId}: down (never sent a heartbeat)`;
  const ageMs = ctx.nowMs - host.lastHeartbeatMs;
  if (ageMs <= ctx.downTimeMs) return null;
  return `${host.hostId}: down (last heartbeat ${Math.round(ageMs / 1000)} s ago, limit ${Math.round(ctx.downTimeMs / 1000)} s)`;
};

export const UP_FILTER: HostFilter = { name: 'up', check: upFilter };
