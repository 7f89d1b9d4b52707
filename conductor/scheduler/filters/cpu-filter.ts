// vCPU fit after the CPU allocation ratio: with ratio 4.0 a 2-core host takes 8 vCPUs.
import { shortfall } from '../resources.ts';
import type { FilterFn, HostFilter } from '../types.ts';

export const cpuFilter: FilterFn = (host, request) => shortfall(host, 'vcpus', request.flavor.vcpus, 'vCPU');

export const CPU_FILTER: HostFilter = { name: 'cpu', check: cpuFilter };
