// `--host` for admins: keeps only the named host. The forced host still has to pass
// every other filter, so an admin cannot over-commit a host by naming it. Non-admins
// are refused before filtering (see select-hosts.ts); the isAdmin check here is a
// second line so the filter is safe on its own.
import type { FilterFn, HostFilter } from '../types.ts';

export const forceHostFilter: FilterFn = (host, request, ctx) => {
  const forced = request.forceHost;
  if (forced === undefined) return null;
  if (!ctx.isAdmin) return `${host.hostId}: forcing a host requires the admin role`;
  return host.hostId === forced ? null : `${host.hostId}: not the requested host ${forced}`;
};

export const FORCE_HOST_FILTER: HostFilter = { name: 'force-host', check: forceHostFilter };
