// RAM fit after the RAM allocation ratio and the host's reserved memory.
import { shortfall } from '../resources.ts';
import type { FilterFn, HostFilter } from '../types.ts';

export const ramFilter: FilterFn = (host, request) => shortfall(host, 'ramMiB', request.flavor.ramMiB, 'MiB RAM');

export const RAM_FILTER: HostFilter = { name: 'ram', check: ramFilter };
