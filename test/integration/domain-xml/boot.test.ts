import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { domainNameFor } from '../../../agent/hypervisor/domain-name.ts';
import { buildDomainXml } from '../../../agent/hypervisor/libvirt/domain-xml.ts';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { waitForLine } from '../../harness/console-log.ts';
import { run } from '../../harness/exec.ts';
import { removeDomain } from '../../harness/libvirt-domains.ts';
import { scratchDir } from '../../harness/scratch-dir.ts';
import { makeConfigDrive, type TestImage, testImage } from '../../harness/test-image.ts';
import { waitFor } from '../../harness/wait.ts';
import { minimalSpec } from '../../unit/domain-xml/specs.ts';
import { withFreshId } from './helpers.ts';

test('a spec-built domain boots the test image with its config drive and powers off by ACPI', {
  timeout: 240_000,
}, async (t) => {
  // No skip when the image is missing: scripts/setup-host builds it, so its absence is a failure.
  const image: TestImage = await testImage();
  // QEMU runs as libvirt-qemu: it must be able to traverse the directory, and files it
  // only reads are copies, so libvirt's relabelling never touches the shared cache.
  const dir = await scratchDir('strato-dxboot-', { t, traversable: true });
  const base = join(dir, 'base.qcow2');
  const overlay = join(dir, 'disk');
  await copyFile(image.disk, base);
  await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', 'qcow2', '-b', base, overlay]);
  const kernel = join(dir, 'vmlinuz');
  const initrd = join(dir, 'initrd.img');
  await copyFile(image.kernel, kernel);
  await copyFile(image.initrd, initrd);

  const spec = withFreshId(minimalSpec());
  const configDrive = await makeConfigDrive(dir, { metaData: { uuid: spec.id, hostname: 'dx-boot', name: spec.name } });
  spec.rootDisk = { path: overlay, backing: { path: base, format: 'qcow2' } };
  spec.configDrive = { path: configDrive };
  spec.kernelBoot = { kernel, initrd, cmdline: image.cmdline };
  spec.consoleLogPath = join(dir, 'console.log');

  const client = await LibvirtClient.connect();
  const name = domainNameFor(spec.id);
  t.after(async () => {
    await removeDomain(client, name);
    await client.close();
  });

  const ref = await client.defineDomain(buildDomainXml(spec));
  const started = Date.now();
  await client.startDomain(ref);
  const log = spec.consoleLogPath;
  await waitForLine(log, 'STRATO-BOOT-OK', 120_000);
  await waitForLine(log, /^STRATO-DISK vda \d+$/, 10_000);
  await waitForLine(log, /^STRATO-CONFIG-DRIVE (\/dev\/)?vdb$/, 20_000);
  await waitForLine(log, `STRATO-META uuid ${spec.id}`, 10_000);

  t.diagnostic(`boot to config drive read: ${Date.now() - started} ms`);
  const stopping = Date.now();
  await client.shutdownDomain(ref);
  await waitForLine(log, 'STRATO-SHUTDOWN', 30_000);
  await waitFor(
    async () => (await client.getDomainState(ref)).state,
    (state) => state === 'SHUTOFF',
    { what: 'the ACPI power-off to end in shutoff', timeoutMs: 60_000, intervalMs: 200 },
  );
  t.diagnostic(`ACPI power-off to shutoff: ${Date.now() - stopping} ms`);
});
