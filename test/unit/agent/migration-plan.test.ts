// The pure halves of a move: the libvirt migration call planned from the options and
// the domain XML (flags, typed params, rewritten paths, which disks are copied), the
// destination URI, libvirt's job statistics read back, the flavor edit of a
// definition, and the root disk decision of a resize.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diskResizePlan } from '../../../agent/compute/resize.ts';
import type { InstanceSpec } from '../../../agent/hypervisor/instance-spec.ts';
import { buildDomainXml } from '../../../agent/hypervisor/libvirt/domain-xml.ts';
import { MigrateFlags } from '../../../agent/hypervisor/libvirt/flags.ts';
import {
  copiedDisks,
  destinationUri,
  migrationPlan,
  progressOf,
  withFlavor,
} from '../../../agent/hypervisor/libvirt/libvirt-migration.ts';
import { isStratoError } from '../../../common/errors.ts';

const ID = '0b7d5a52-3c39-4d8f-9f1e-6a4c1d2e3f40';
const SRC = `/var/lib/strato/agent/instances/${ID}`;
const spec: InstanceSpec = {
  specVersion: 1,
  id: ID,
  name: 'vm',
  projectId: 'p1',
  imageId: 'img',
  createdAt: '2026-12-03T00:00:00.000Z',
  flavor: { name: 'm1.tiny', vcpus: 1, ramMiB: 256, diskGiB: 1 },
  virtType: 'qemu',
  rootDisk: {
    kind: 'overlay',
    path: `${SRC}/disk.qcow2`,
    backing: { path: `/var/lib/strato/agent/images/${'a'.repeat(64)}`, format: 'qcow2' },
  },
  configDrive: { path: `${SRC}/disk.config` },
  consoleLogPath: `${SRC}/console.log`,
  ports: [],
  volumes: [],
} as unknown as InstanceSpec;
const xml = buildDomainXml(spec);
const rewrites = [
  { from: `${SRC}/`, to: `/srv/b/instances/${ID}/` },
  { from: '/var/lib/strato/agent/images/', to: '/srv/b/images/' },
];

test('only the writable file disk (the overlay) is copied; the read-only config drive is prepared there', () => {
  assert.deepEqual(copiedDisks(xml), ['vda']);
});

test('live: peer to peer, persistent on the destination, NBD copy, paths and listen address for the destination', () => {
  const { flags, params } = migrationPlan(
    { address: '10.0.0.2', live: true, rewrites, bandwidthMiBs: 0 },
    { live: xml, persistent: xml },
  );
  assert.equal(
    flags,
    MigrateFlags.PEER2PEER | MigrateFlags.PERSIST_DEST | MigrateFlags.LIVE | MigrateFlags.NON_SHARED_DISK,
  );
  const byName = (n: string) => params.filter((p) => p.field === n).map((p) => p.value);
  assert.deepEqual(byName('migrate_uri'), ['tcp://10.0.0.2']);
  assert.deepEqual(byName('listen_address'), ['10.0.0.2']);
  assert.deepEqual(byName('migrate_disks'), ['vda']);
  assert.deepEqual(byName('bandwidth'), [], 'unlimited: no bandwidth parameter');
  const dest = String(byName('destination_xml')[0]);
  assert.ok(!dest.includes('/var/lib/strato'), 'no source path travels');
  assert.ok(dest.includes(`/srv/b/instances/${ID}/disk.qcow2`));
  assert.ok(dest.includes(`/srv/b/images/${'a'.repeat(64)}`));
  assert.ok(dest.includes(`/srv/b/instances/${ID}/console.log`));
  assert.equal(byName('persistent_xml')[0], dest);
});

test('cold: the guest stays paused (PAUSED, not LIVE); a bandwidth limit is passed in MiB/s', () => {
  const { flags, params } = migrationPlan(
    { address: 'fd00::2', live: false, rewrites, bandwidthMiBs: 5 },
    { live: xml, persistent: xml },
  );
  assert.equal(flags & MigrateFlags.LIVE, 0);
  assert.equal(flags & MigrateFlags.PAUSED, MigrateFlags.PAUSED);
  assert.equal(flags & MigrateFlags.UNDEFINE_SOURCE, 0, 'the source keeps its definition');
  assert.deepEqual(
    params.find((p) => p.field === 'bandwidth'),
    { field: 'bandwidth', type: 4, value: 5 },
  );
  assert.equal(params.find((p) => p.field === 'migrate_uri')?.value, 'tcp://[fd00::2]');
});

test('the destination URI is libvirt TLS with the client PKI directory', () => {
  assert.equal(destinationUri('10.0.0.2'), 'qemu+tls://10.0.0.2/system');
  assert.equal(
    destinationUri('10.0.0.2', '/var/lib/a/pki'),
    'qemu+tls://10.0.0.2/system?pkipath=%2Fvar%2Flib%2Fa%2Fpki',
  );
});

test("libvirt's job statistics become progress; downtime only when reported", () => {
  const p = progressOf({
    time_elapsed: 1200,
    memory_total: 10,
    memory_processed: 4,
    memory_remaining: 6,
    disk_total: 2n ** 60n,
  });
  assert.equal(p.elapsedMs, 1200);
  assert.equal(p.memoryRemaining, 6);
  assert.equal(p.diskTotal, 2 ** 60);
  assert.equal(p.downtimeMs, undefined);
  assert.equal(progressOf({ downtime: 42 }).downtimeMs, 42);
});

test('a flavor edit changes vCPUs and memory (KiB) and nothing else', () => {
  const inactive = xml.replace(/<memory[^>]*>\d+<\/memory>/, "<memory unit='KiB'>262144</memory>");
  const out = withFlavor(inactive, { vcpus: 2, ramMiB: 512 });
  assert.match(out, /<memory unit='KiB'>524288<\/memory>/);
  assert.match(out, /<currentMemory unit='KiB'>524288<\/currentMemory>/);
  assert.match(out, /<vcpu placement=["']static["']>2<\/vcpu>/);
  const rest = (x: string) => x.replace(/<(memory|currentMemory|vcpu)\b[^>]*>\d+<\/\1>/g, '');
  assert.equal(rest(out), rest(inactive));
});

test('a resize grows the root disk to the flavor, keeps it at 0 or equal, and never shrinks it', () => {
  const GiB = 1024 ** 3;
  assert.deepEqual(diskResizePlan(GiB, 2), { growTo: 2 * GiB });
  assert.deepEqual(diskResizePlan(GiB, 1), {});
  assert.deepEqual(diskResizePlan(GiB, 0), {});
  assert.throws(
    () => diskResizePlan(2 * GiB, 1),
    (e) =>
      isStratoError(e, 'INVALID_ARGUMENT') &&
      e.reason === 'DISK_SHRINK_REFUSED' &&
      e.details?.field === 'flavor.disk_gib',
  );
});

test('a volume (iSCSI, shared) is never copied; it arrives under the destination initiator name', () => {
  const VOL = '5f0c2b1e-8a3d-4c6f-9e2a-7b1d3c4e5f60';
  const withVolume = buildDomainXml({
    ...spec,
    volumes: [
      {
        id: VOL,
        target: 'vdc',
        iscsi: {
          host: '10.0.0.9',
          port: 3260,
          iqn: `iqn.2026-01.io.strato:${VOL}`,
          lun: 1,
          initiator: 'iqn.2026-01.io.strato:host:a',
          auth: { username: `strato-${VOL}`, secretUsage: `strato-volume-${VOL}` },
        },
      },
    ],
  } as unknown as InstanceSpec);
  assert.match(withVolume, /<target dev='vdc'/, 'the fixture has the volume disk');
  const { params } = migrationPlan(
    { address: '10.0.0.2', live: true, rewrites, bandwidthMiBs: 0, initiatorName: 'iqn.2026-01.io.strato:host:b' },
    { live: withVolume, persistent: withVolume },
  );
  const byName = (n: string) => params.filter((p) => p.field === n).map((p) => String(p.value));
  assert.deepEqual(byName('migrate_disks'), ['vda'], 'only the root overlay is copied');
  for (const x of [...byName('destination_xml'), ...byName('persistent_xml')]) {
    assert.ok(x.includes("<iqn name='iqn.2026-01.io.strato:host:b'/>"), 'the destination presents its own name');
    assert.ok(!x.includes('host:a'), "the source's name does not travel");
    assert.ok(x.includes(`iqn.2026-01.io.strato:${VOL}/1`), 'the same target');
  }
  // Without a name (no volumes on the destination's side) the XML is left as it was.
  const same = migrationPlan(
    { address: '10.0.0.2', live: true, rewrites, bandwidthMiBs: 0 },
    { live: withVolume, persistent: withVolume },
  );
  assert.ok(String(same.params.find((p) => p.field === 'destination_xml')?.value).includes('host:a'));
});
