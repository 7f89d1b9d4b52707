// Removing a test's libvirt domains, whatever state a failed test left them in.
import { UndefineFlags } from '../../agent/hypervisor/libvirt/flags.ts';
import type { LibvirtClient } from '../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../common/errors.ts';

/** Destroys and undefines a domain (with its managed save and NVRAM); one already gone or stopped is fine. */
export async function removeDomain(client: LibvirtClient, name: string): Promise<void> {
  const ignoreGone = (err: unknown): void => {
    if (isStratoError(err, 'NOT_FOUND') || isStratoError(err, 'FAILED_PRECONDITION')) return;
    throw err;
  };
  await client.destroyDomain(name).catch(ignoreGone);
  await client.undefineDomain(name, UndefineFlags.MANAGED_SAVE | UndefineFlags.NVRAM).catch(ignoreGone);
}

/** True when libvirt knows no domain of that name (what a test's clean-up asserts). */
export async function domainGone(client: LibvirtClient, name: string): Promise<boolean> {
  return client.lookupDomain(name).then(
    () => false,
    (err: unknown) => {
      if (isStratoError(err, 'NOT_FOUND')) return true;
      throw err;
    },
  );
}
