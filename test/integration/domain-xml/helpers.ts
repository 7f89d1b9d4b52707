// Shared pieces of the domain XML integration tests: a sample spec under a fresh
// instance id (so concurrent runs and leftovers never collide), and cleanup that
// removes a test domain whatever state it is in.
import { randomUUID } from 'node:crypto';
import type { InstanceSpec } from '../../../agent/hypervisor/instance-spec.ts';
import { UndefineFlags } from '../../../agent/hypervisor/libvirt/flags.ts';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import { INSTANCE_ID } from '../../unit/domain-xml/specs.ts';

/** `spec` with every occurrence of the sample instance id replaced by a new one. */
export function withFreshId(spec: InstanceSpec): InstanceSpec {
  return JSON.parse(JSON.stringify(spec).replaceAll(INSTANCE_ID, randomUUID())) as InstanceSpec;
}

/** Destroys and undefines a domain; one that is already gone (or stopped) is fine. */
export async function removeDomain(client: LibvirtClient, name: string): Promise<void> {
  const ignoreGone = (err: unknown): void => {
    if (isStratoError(err, 'NOT_FOUND') || isStratoError(err, 'FAILED_PRECONDITION')) return;
    throw err;
  };
  await client.destroyDomain(name).catch(ignoreGone);
  await client.undefineDomain(name, UndefineFlags.MANAGED_SAVE | UndefineFlags.NVRAM).catch(ignoreGone);
}
