// Hot-plug and unplug of one instance's NIC, run under the instance's lock by the
// instance manager. A hot-plug needs the port wired first (the conductor pushes the
// host's network state before it calls AttachPort) and then only asks the hypervisor
// for the NIC; an unplug leaves the tap to the network driver, which removes it when
// the next pushed state no longer has the port. Both are idempotent, and the domain's
// metadata records the change (the hypervisor keeps it), so a restarted agent knows
// the instance's NICs from the host alone.
import { invalidArgument, notFound } from '../../common/errors.ts';
import { tapName } from '../../common/network-names.ts';
import { validatePort } from '../hypervisor/instance-spec-validate.ts';
import { checkInstanceId } from './instance-paths.ts';
import { requirePortsWired } from './port-wiring.ts';
import type { SpawnDeps } from './spawn.ts';
import { portSpecOf, type SpawnPort } from './spawn-request.ts';

const PORT_ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;

export async function attachPort(deps: SpawnDeps, id: string, port: SpawnPort): Promise<void> {
  checkInstanceId(id);
  const spec = portSpecOf(port);
  try {
    validatePort(spec);
  } catch (err) {
    throw invalidArgument('INVALID_PORT', (err as Error).message, { cause: err });
  }
  if ((await deps.hv.powerState(id)) === undefined) {
    throw notFound('INSTANCE_NOT_FOUND', `instance ${id} does not exist on this host`);
  }
  await requirePortsWired(deps, [port], 'FAILED_PRECONDITION');
  await deps.hv.attachPort(id, spec);
  deps.log.info({ instanceId: id, portId: port.id, tap: port.tap }, 'port attached');
}

export async function detachPort(deps: SpawnDeps, id: string, portId: string): Promise<void> {
  checkInstanceId(id);
  if (!PORT_ID.test(portId)) {
    throw invalidArgument('INVALID_PORT', `port_id ${JSON.stringify(portId)} is not an id`, {
      details: { field: 'port_id' },
    });
  }
  await deps.hv.detachPort(id, tapName(portId));
  deps.log.info({ instanceId: id, portId }, 'port detached');
}
