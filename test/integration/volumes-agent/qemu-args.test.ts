// What libvirt 9.0 makes of strato's volume disks for QEMU (virsh domxml-to-native,
// with the volumes' secrets defined the way the agent defines them): QEMU's own iSCSI
// initiator with the portal bracketed for IPv6 and the port kept, the initiator name
// the target admits, CHAP by secret object (the password never in the clear on the
// command line), and a raw format layer named over every volume, so QEMU never probes
// what a guest wrote. The root of a boot from volume is the iSCSI disk, with no overlay.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { specVolumes } from '../../../agent/hypervisor/instance-spec.ts';
import { buildDomainXml } from '../../../agent/hypervisor/libvirt/domain-xml.ts';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { removeVolumeSecret, setVolumeSecret } from '../../../agent/hypervisor/libvirt/volume-secrets.ts';
import { run } from '../../harness/exec.ts';
import { bootVolumeSpec } from '../../unit/domain-xml/specs.ts';

const PASSWORD = 'never-in-the-clear-123';
const spec = bootVolumeSpec();
let client: LibvirtClient;
let dir: string;

before(async () => {
  client = await LibvirtClient.connect();
  dir = await mkdtemp(join(tmpdir(), 'strato-qemu-args-'));
  for (const v of specVolumes(spec)) await setVolumeSecret(client, v.id, PASSWORD);
});

after(async () => {
  for (const v of specVolumes(spec)) await removeVolumeSecret(client, v.id).catch(() => {});
  await client?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every -blockdev of the QEMU command line libvirt would run for `xml`, and the whole line. */
async function blockdevs(xml: string): Promise<{ nodes: Record<string, unknown>[]; argv: string }> {
  const file = join(dir, 'domain.xml');
  await writeFile(file, xml);
  const { stdout } = await run('virsh', ['domxml-to-native', 'qemu-argv', file], { timeout: 60_000 });
  const nodes = [...stdout.matchAll(/-blockdev '(\{[^']*\})'/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
  return { nodes, argv: stdout };
}

test('iSCSI volumes reach QEMU with a bracketed IPv6 portal, the initiator name, CHAP by secret, raw named', async () => {
  const { nodes, argv } = await blockdevs(buildDomainXml(spec));
  const iscsi = nodes.filter((n) => n['driver'] === 'iscsi');
  assert.deepEqual(
    iscsi.map((n) => [n['portal'], n['target'], n['lun'], n['transport'], n['initiator-name'], n['user']]),
    specVolumes(spec).map((v) => [
      v.iscsi.host.includes(':') ? `[${v.iscsi.host}]:${v.iscsi.port}` : `${v.iscsi.host}:${v.iscsi.port}`,
      v.iscsi.iqn,
      v.iscsi.lun,
      'tcp',
      v.iscsi.initiator,
      v.iscsi.auth?.username,
    ]),
  );
  assert.ok(
    iscsi.some((n) => n['portal'] === '[fd00:10::2]:3260'),
    'the IPv6 portal, bracketed, port kept',
  );
  for (const n of iscsi) {
    assert.ok(typeof n['password-secret'] === 'string', 'CHAP comes from a secret object');
    const format = nodes.find((f) => f['file'] === n['node-name']);
    assert.equal(format?.['driver'], 'raw', `the format over ${String(n['node-name'])} is named raw`);
  }
  assert.doesNotMatch(argv, new RegExp(PASSWORD), 'the password is not on the command line');
  assert.doesNotMatch(argv, /qcow2/, 'a boot from volume has no overlay');
});
