// Hosts where this build already failed: a reschedule must not retry them.
import type { FilterFn, HostFilter } from '../types.ts';

export const excludeHostsFilter: FilterFn = (host, request) =>
  request.excludeHosts?.includes(host.hostId)
    ? `${host.hostId}: ${request.excludeWhy ?? 'already failed this build'}`
    : null;

export const EXCLUDE_HOSTS_FILTER: HostFilter = { name: 'exclude-hosts', check: excludeHostsFilter };
