// `server list --name/--status/--host`: ListServers has no filters, so the
// CLI filters the listed servers itself (as openstack's client does for
// what Nova cannot filter). Pure, so the rules are unit-tested.
import { InvalidArgumentError } from 'commander';
import type { Server__Output } from '../../common/gen/strato/compute/v1/Server.ts';

/** Nova's vm_states (proto/strato/compute/v1/server.proto). */
export const VM_STATES = ['BUILD', 'ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED', 'ERROR', 'DELETED', 'RESIZED'] as const;

export interface ServerFilter {
  /** A regular expression the name must match (openstack's --name). */
  name?: RegExp;
  /** One of VM_STATES. */
  status?: string;
  /** The host's name, exactly. */
  host?: string;
}

/** --status: any case, one of the vm_states. */
export function vmStateArg(value: string): string {
  const v = value.trim().toUpperCase();
  if (!(VM_STATES as readonly string[]).includes(v)) {
    throw new InvalidArgumentError(`must be one of ${VM_STATES.join(', ')}`);
  }
  return v;
}

export function filterServers(servers: readonly Server__Output[], f: ServerFilter): Server__Output[] {
  return servers.filter(
    (s) =>
      (f.name === undefined || f.name.test(s.name)) &&
      (f.status === undefined || s.vmState === f.status) &&
      (f.host === undefined || s.host === f.host),
  );
}
