// strato's <metadata>: what buildDomainXml writes must come back out of
// parseDomainMetadata unchanged — from our own XML, and from what libvirt 9.0 returns
// after re-serialising it (fixtures captured from `virsh dumpxml` and
// `virsh metadata`, see fixtures/).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { type InstanceMetadata, metadataFromSpec } from '../../../agent/hypervisor/instance-metadata.ts';
import { parseDomainMetadata } from '../../../agent/hypervisor/libvirt/domain-metadata.ts';
import { buildDomainXml, buildMetadataXml } from '../../../agent/hypervisor/libvirt/domain-xml.ts';
import { isStratoError } from '../../../common/errors.ts';
import { bootVolumeSpec, GOLDEN_SPECS, INSTANCE_ID, twoNicsConfigDriveSpec, volumeSpec } from './specs.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

describe('domain metadata round trip', () => {
  for (const [name, makeSpec] of Object.entries(GOLDEN_SPECS)) {
    test(`${name}: parse(build(spec)) equals the spec's metadata`, () => {
      const spec = makeSpec();
      assert.deepEqual(parseDomainMetadata(buildDomainXml(spec)), metadataFromSpec(spec));
    });
  }

  test('carries every field a restarted agent needs', () => {
    const meta = parseDomainMetadata(buildDomainXml(volumeSpec()))!;
    assert.equal(meta.specVersion, 1);
    assert.equal(meta.instanceId, INSTANCE_ID);
    assert.deepEqual(meta.flavor, { name: 'm1.tiny', vcpus: 1, ramMiB: 256, diskGiB: 1 });
    assert.equal(meta.ports.length, 1);
    assert.deepEqual(Object.keys(meta.ports[0]!).sort(), ['bridge', 'id', 'mac', 'mode', 'networkId', 'tap']);
    assert.deepEqual(meta.volumes, [{ id: 'c0ffee00-1234-4567-89ab-cdef01234567', target: 'vdc' }]);
  });

  test('a boot from volume records its root volume as vda, first, and an empty image id', () => {
    const meta = parseDomainMetadata(buildDomainXml(bootVolumeSpec()))!;
    assert.equal(meta.imageId, '');
    assert.deepEqual(meta.volumes, [
      { id: 'da7a0000-1234-4567-89ab-cdef01234567', target: 'vda' },
      { id: 'b0a710ad-0000-4000-8000-00000000000b', target: 'vdd' },
    ]);
  });

  test('names with markup, quotes, whitespace and non-ASCII survive', () => {
    for (const name of [
      `a</strato:instance><x y='1'/>`,
      `"double" 'single' & more`,
      '  padded  ',
      'ünï 中文 🚀',
      ']]>',
    ]) {
      const spec = { ...twoNicsConfigDriveSpec(), name };
      assert.equal(parseDomainMetadata(buildDomainXml(spec))?.name, name);
    }
  });

  test('the setMetadata element round-trips too', () => {
    const meta = metadataFromSpec(volumeSpec());
    meta.volumes.push({ id: 'vol-2', target: 'vdd' });
    const xml = buildMetadataXml(meta);
    assert.match(xml, /^<instance /, 'virDomainSetMetadata wants an element without a namespace prefix');
    assert.doesNotMatch(xml, /xmlns/);
    assert.deepEqual(parseDomainMetadata(xml), meta);
  });
});

describe('parsing what libvirt 9.0 gives back', () => {
  test('virsh dumpxml of a defined domain (double quotes, &#xFC;, added elements)', async () => {
    const xml = await readFile(path.join(FIXTURES, 'libvirt-9.0-dumpxml.xml'), 'utf8');
    assert.deepEqual(parseDomainMetadata(xml), metadataFromSpec(twoNicsConfigDriveSpec()));
  });

  test('virsh metadata --uri after a setMetadata (no namespace at all)', async () => {
    const xml = await readFile(path.join(FIXTURES, 'libvirt-9.0-get-metadata.xml'), 'utf8');
    const expected: InstanceMetadata = metadataFromSpec(volumeSpec());
    expected.name = `renamed <&> 'q' "d"`;
    expected.volumes.push({ id: 'v2', target: 'vdd' });
    assert.deepEqual(parseDomainMetadata(xml), expected);
  });

  test('finds the element by namespace URI, whatever the prefix', () => {
    const ours = buildDomainXml(volumeSpec()).replaceAll('strato:', 'x:').replace('xmlns:strato=', 'xmlns:x=');
    assert.equal(parseDomainMetadata(ours)?.instanceId, INSTANCE_ID);
  });
});

describe('domains that are not ours, or are damaged', () => {
  test('a domain without metadata, or with someone else’s, yields undefined', () => {
    assert.equal(parseDomainMetadata("<domain type='kvm'><name>other</name></domain>"), undefined);
    const nova = `<domain type='kvm'><metadata><nova:instance xmlns:nova="http://openstack.org/xmlns/libvirt/nova/1.1"><nova:name>x</nova:name></nova:instance></metadata></domain>`;
    assert.equal(parseDomainMetadata(nova), undefined);
    const wrongNs = buildDomainXml(volumeSpec()).replace('https://strato.io/xmlns/instance/1', 'https://example.com/1');
    assert.equal(parseDomainMetadata(wrongNs), undefined);
  });

  const expectReason = (xml: string, code: string, reason: string): void => {
    assert.throws(
      () => parseDomainMetadata(xml),
      (err) => isStratoError(err) && err.code === code && err.reason === reason,
    );
  };

  test('malformed XML or missing fields are DATA_LOSS', () => {
    const good = buildDomainXml(volumeSpec());
    expectReason(good.slice(0, 200), 'DATA_LOSS', 'DOMAIN_METADATA_INVALID');
    expectReason(good.replace(/ projectId='[^']*'/, ''), 'DATA_LOSS', 'DOMAIN_METADATA_INVALID');
    expectReason(good.replace("vcpus='1'", "vcpus='one'"), 'DATA_LOSS', 'DOMAIN_METADATA_INVALID');
    expectReason(good.replace("mode='bridge'/>", "mode='macvtap'/>"), 'DATA_LOSS', 'DOMAIN_METADATA_INVALID');
    expectReason(good.replace(/<strato:ports>[\s\S]*<\/strato:ports>/, ''), 'DATA_LOSS', 'DOMAIN_METADATA_INVALID');
  });

  test('metadata from a newer agent is FAILED_PRECONDITION', () => {
    const newer = buildDomainXml(volumeSpec()).replace("specVersion='1'", "specVersion='2'");
    expectReason(newer, 'FAILED_PRECONDITION', 'DOMAIN_METADATA_UNSUPPORTED_VERSION');
  });
});
