// A domain built from an InstanceSpec boots the test image under the real libvirtd:
// qcow2 overlay with its backing chain spelled out, the config drive found as a
// read-only virtio disk, the serial console logged through virtlogd to the spec's
// path, and a clean ACPI power-off ending in shutoff (on_poweroff destroy).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { domainNameFor } from '../../../agent/hypervisor/domain-name.ts';
import { buildDomainXml } from '../../../agent/hypervisor/libvirt/domain-xml.ts';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { waitForLine } from '../../harness/console-log.ts';
import { makeConfigDrive, type TestImage, testImage } from '../../harness/test-image.ts';
import { minimalSpec } from '../../unit/domain-xml/specs.ts';
import { removeDomain, withFreshId } from './helpers.ts';

const run = promisify(execFile);

test('a spec-built domain boots the test image with its config drive and powers off by ACPI', {
  timeout: 240_000,
}, async (t) => {
  // No skip when the image is missing: scripts/setup-host builds it, so its absence is a failure.
  const image: TestImage = await testImage();
  // QEMU runs as libvirt-qemu: it must be able to traverse the directory, and files it
  // only reads are copies, so libvirt's relabelling never touches the shared cache.
  const dir = await mkdtemp(join(tmpdir(), 'strato-dxboot-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await chmod(dir, 0o755);
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
  const deadline = Date.now() + 60_000;
  let state = (await client.getDomainState(ref)).state;
  while (state !== 'SHUTOFF' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    state = (await client.getDomainState(ref)).state;
  }
  assert.equal(state, 'SHUTOFF', 'ACPI power-off must end in shutoff');
  t.diagnostic(`ACPI power-off to shutoff: ${Date.now() - stopping} ms`);
});
