// The libvirt driver passes the hypervisor contract against the real libvirtd,
// with domains booting the test image from a qcow2 overlay.
import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { InstanceSpec } from '../../../agent/hypervisor/instance-spec.ts';
import { LibvirtHypervisor } from '../../../agent/hypervisor/libvirt/libvirt-hypervisor.ts';
import { run } from '../../harness/exec.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { testImage } from '../../harness/test-image.ts';
import { type ContractSubject, hypervisorContract } from '../../unit/agent/hypervisor-contract.ts';

let dir: string;
let base: string;
let hv: LibvirtHypervisor;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strato-hv-contract-'));
  await chmod(dir, 0o755);
  base = join(dir, 'base.qcow2');
  await copyFile((await testImage()).disk, base);
  hv = await LibvirtHypervisor.connect({ log: quiet });
});

after(async () => {
  await hv?.close();
  await rm(dir, { recursive: true, force: true });
});

async function spec(id: string): Promise<InstanceSpec> {
  const idir = join(dir, id);
  await mkdir(idir, { mode: 0o755 });
  const disk = join(idir, 'disk.qcow2');
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', 'qcow2', '-b', base, disk]);
  return {
    id,
    name: 'contract',
    projectId: 'p',
    imageId: 'img',
    createdAt: '2026-01-01T00:00:00Z',
    virtType: 'qemu',
    flavor: { name: 'm1.tiny', vcpus: 1, ramMiB: 128, diskGiB: 1 },
    rootDisk: { path: disk, backing: { path: base, format: 'qcow2' } },
    ports: [],
    volumes: [],
    consoleLogPath: join(idir, 'console.log'),
  };
}

const subject = async (): Promise<ContractSubject> => ({
  hv,
  spec,
  cleanup: async (id) => {
    await hv.destroy(id);
    await hv.undefine(id);
    await rm(join(dir, id), { recursive: true, force: true });
  },
});

hypervisorContract('libvirt', subject);
