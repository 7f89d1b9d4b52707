// `server list --name/--status/--host`: ListServers has no filters, so the
// CLI filters the listed servers itself (as openstack's client does for
// what Nova cannot filter). Pure, so the rules are unit-tested.
import { InvalidArgumentError } from 'commander';
import type { Server__Output } from '../../common/gen/strato/compute/v1/Server.ts';

/** Nova's vm_states (proto/strato/compute/v1/server.proto). */
export const VM_STATES = ['BUILD', 'ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED', 'ERROR', 'DELETED', 'RESIZED'] as const;

/** What --status accepts: a vm_state, or one of the statuses Nova derives from the task (Server.status). */
export const STATUSES = [...VM_STATES, 'VERIFY_RESIZE', 'REVERT_RESIZE', 'RESIZE', 'MIGRATING'] as const;

export interface ServerFilter {
  /** A regular expression the name must match (openstack's --name). */
  name?: RegExp;
  /** One of STATUSES: matches the server's vm_state or its status. */
  status?: string;
  /** The host's name, exactly. */
  host?: string;
}

/** --status: any case, one of STATUSES. */
export function vmStateArg(value: string): string {
  const v = value.trim().toUpperCase();
  if (!(STATUSES as readonly string[]).includes(v)) {
    throw new InvalidArgumentError(`must be one of ${STATUSES.join(', ')}`);
  }
  return v;
}

export function filterServers(servers: readonly Server__Output[], f: ServerFilter): Server__Output[] {
  return servers.filter(
    (s) =>
      (f.name === undefined || f.name.test(s.name)) &&
      (f.status === undefined || s.vmState === f.status || s.status === f.status) &&
      (f.host === undefined || s.host === f.host),
  );
}
