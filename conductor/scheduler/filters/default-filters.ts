// The filter chain, in order. A rejected host is counted against the FIRST filter
// that rejects it, so the order shapes the "No valid host" report: request-specific
// narrowing first (force-host, exclude-hosts), then host state, then capacity —
// "cpu: 12 hosts rejected" then really means "up and enabled, but full".

import type { HostFilter } from '../types.ts';
import { COMPUTE_ROLE_FILTER } from './compute-role-filter.ts';
import { CPU_FILTER } from './cpu-filter.ts';
import { DISK_FILTER } from './disk-filter.ts';
import { ENABLED_FILTER } from './enabled-filter.ts';
import { EXCLUDE_HOSTS_FILTER } from './exclude-hosts-filter.ts';
import { FORCE_HOST_FILTER } from './force-host-filter.ts';
import { RAM_FILTER } from './ram-filter.ts';
import { UP_FILTER } from './up-filter.ts';

export const DEFAULT_FILTERS: readonly HostFilter[] = [
  FORCE_HOST_FILTER,
  EXCLUDE_HOSTS_FILTER,
  COMPUTE_ROLE_FILTER,
  ENABLED_FILTER,
  UP_FILTER,
  CPU_FILTER,
  RAM_FILTER,
  DISK_FILTER,
];
