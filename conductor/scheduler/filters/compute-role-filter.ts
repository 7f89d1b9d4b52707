// Drops hosts without the compute role (storage-only or network-only hosts): their
// agents serve volumes or routers, and an operator who left compute out of --roles
// wants no guests there.
import type { FilterFn, HostFilter } from '../types.ts';

export const computeRoleFilter: FilterFn = (host) =>
  host.compute === false ? `${host.hostId}: not a compute host (its roles leave compute out)` : null;

export const COMPUTE_ROLE_FILTER: HostFilter = { name: 'compute-role', check: computeRoleFilter };
