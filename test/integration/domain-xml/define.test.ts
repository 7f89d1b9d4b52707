// Every sample spec's domain XML is accepted by the real libvirtd (root namespace),
// comes back with the devices as we wrote them (explicit formats, our tap names, the
// console log) and with metadata that parses back to the spec's. The hot-plug
// builders' XML attaches to and detaches from a defined domain's config.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { domainNameFor } from '../../../agent/hypervisor/domain-name.ts';
import { metadataFromSpec } from '../../../agent/hypervisor/instance-metadata.ts';
import { parseDomainMetadata } from '../../../agent/hypervisor/libvirt/domain-metadata.ts';
import { buildDomainXml, buildInterfaceXml, buildVolumeDiskXml } from '../../../agent/hypervisor/libvirt/domain-xml.ts';
import { localName, type ParsedElement, parseXml } from '../../../agent/hypervisor/libvirt/domain-xml-parse.ts';
import { AffectFlags } from '../../../agent/hypervisor/libvirt/flags.ts';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { removeDomain } from '../../harness/libvirt-domains.ts';
import { GOLDEN_SPECS, minimalSpec, port, volume } from '../../unit/domain-xml/specs.ts';
import { withFreshId } from './helpers.ts';

const child = (n: ParsedElement, name: string): ParsedElement | undefined => n.children.find((c) => c.name === name);
const all = (n: ParsedElement, name: string): ParsedElement[] => n.children.filter((c) => localName(c.name) === name);

describe('domain XML in the real libvirtd', () => {
  let client: LibvirtClient;
  const created: string[] = [];

  before(async () => {
    client = await LibvirtClient.connect();
  });
  after(async () => {
    for (const name of created) await removeDomain(client, name);
    await client.close();
  });

  for (const [label, makeSpec] of Object.entries(GOLDEN_SPECS)) {
    test(`${label}: defines, and reads back as written`, async () => {
      const spec = withFreshId(makeSpec());
      const name = domainNameFor(spec.id);
      created.push(name);
      const ref = await client.defineDomain(buildDomainXml(spec));
      assert.equal(ref.name, name);
      assert.equal(ref.uuid, spec.id);

      const xml = await client.getDomainXml(ref);
      assert.deepEqual(parseDomainMetadata(xml), metadataFromSpec(spec));

      const dom = parseXml(xml);
      assert.equal(dom.attrs['type'], spec.virtType);
      const devices = child(dom, 'devices')!;
      const disks = all(devices, 'disk');
      assert.equal(disks.length, 1 + (spec.configDrive ? 1 : 0) + spec.volumes.length);
      // Only the overlay is qcow2; a root volume, like every volume and the config drive, is raw.
      const rootFormat = spec.rootDisk.kind === 'volume' ? 'raw' : 'qcow2';
      for (const disk of disks) {
        const target = child(disk, 'target')?.attrs['dev'];
        const format = child(disk, 'driver')?.attrs['type'];
        assert.equal(format, target === 'vda' ? rootFormat : 'raw', `format of ${target} must stay explicit`);
        if (target === 'vdb') assert.ok(child(disk, 'readonly'), 'the config drive stays read-only');
      }
      const taps = all(devices, 'interface').map((i) => child(i, 'target')?.attrs['dev']);
      assert.deepEqual(
        taps,
        spec.ports.map((p) => p.tap),
      );
      const log = child(child(devices, 'serial')!, 'log');
      assert.equal(log?.attrs['file'], spec.consoleLogPath);
      assert.equal(log?.attrs['append'], 'off');

      await client.undefineDomain(ref);
      await assert.rejects(client.lookupDomain(name), { code: 'NOT_FOUND' });
    });
  }

  test('hot-plug XML attaches to and detaches from the persistent config', async () => {
    const spec = withFreshId(minimalSpec());
    const name = domainNameFor(spec.id);
    created.push(name);
    const ref = await client.defineDomain(buildDomainXml(spec));
    const disk = buildVolumeDiskXml(volume({ target: 'vdd' }));
    const nic = buildInterfaceXml(port(7, { mode: 'ethernet' }));

    await client.attachDevice(ref, disk, AffectFlags.CONFIG);
    await client.attachDevice(ref, nic, AffectFlags.CONFIG);
    let devices = child(parseXml(await client.getDomainXml(ref)), 'devices')!;
    const vdd = all(devices, 'disk').find((d) => child(d, 'target')?.attrs['dev'] === 'vdd');
    assert.ok(vdd, 'volume disk attached');
    assert.equal(child(vdd, 'source')?.attrs['name'], `${volume().iscsi.iqn}/1`);
    assert.equal(child(vdd, 'serial')?.text, volume().id);
    const iface = all(devices, 'interface')[0];
    assert.equal(iface?.attrs['type'], 'ethernet');
    assert.equal(child(iface!, 'target')?.attrs['managed'], 'no');

    await client.detachDevice(ref, disk, AffectFlags.CONFIG);
    await client.detachDevice(ref, nic, AffectFlags.CONFIG);
    devices = child(parseXml(await client.getDomainXml(ref)), 'devices')!;
    assert.equal(all(devices, 'disk').length, 1);
    assert.equal(all(devices, 'interface').length, 0);
  });
});
