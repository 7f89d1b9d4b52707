// A short-lived connection to a simulated host's own libvirtd, for tests that check
// what the host holds (domains, disks, secrets) against what the API claims.
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { log } from '../../../common/log.ts';
import type { CloudHost } from './cloud.ts';

const quiet = log.child({ component: 'e2e-libvirt' }, { level: 'warn' });

export async function withLibvirt<T>(host: CloudHost, fn: (lv: LibvirtClient) => Promise<T>): Promise<T> {
  const lv = await LibvirtClient.connect({ socketPath: host.sim.libvirtSocket, log: quiet });
  try {
    return await fn(lv);
  } finally {
    await lv.close();
  }
}
