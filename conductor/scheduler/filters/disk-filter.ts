// Local disk fit (instance overlays live on the host) after the disk allocation ratio.
import { shortfall } from '../resources.ts';
import type { FilterFn, HostFilter } from '../types.ts';

export const diskFilter: FilterFn = (host, request) => shortfall(host, 'diskGiB', request.flavor.diskGiB, 'GiB disk');

export const DISK_FILTER: HostFilter = { name: 'disk', check: diskFilter };
