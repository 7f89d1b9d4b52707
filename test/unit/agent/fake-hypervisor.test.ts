// The fake hypervisor passes the same contract as the libvirt driver.
import { FakeHypervisor } from '../../../agent/hypervisor/fake/fake-hypervisor.ts';
import type { InstanceSpec } from '../../../agent/hypervisor/instance-spec.ts';
import { hypervisorContract } from './hypervisor-contract.ts';

function spec(id: string): InstanceSpec {
  return {
    id,
    name: 'contract',
    projectId: 'p',
    imageId: 'img',
    createdAt: '2026-01-01T00:00:00Z',
    virtType: 'qemu',
    flavor: { name: 'm1.tiny', vcpus: 1, ramMiB: 128, diskGiB: 1 },
    rootDisk: { path: `/nonexistent/${id}/disk.qcow2` },
    ports: [],
    volumes: [],
    consoleLogPath: `/nonexistent/${id}/console.log`,
  };
}

const hv = new FakeHypervisor();
hypervisorContract('fake', async () => ({ hv, spec: async (id) => spec(id), cleanup: async (id) => hv.undefine(id) }));
