// Drops hosts an operator disabled (maintenance, draining): they keep running
// their instances but receive no new ones.
import type { FilterFn, HostFilter } from '../types.ts';

export const enabledFilter: FilterFn = (host) => (host.enabled ? null : `${host.hostId}: disabled by an operator`);

export const ENABLED_FILTER: HostFilter = { name: 'enabled', check: enabledFilter };
