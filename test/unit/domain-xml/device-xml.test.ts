// Stand-alone device XML for hot-plug (virDomainAttachDeviceFlags): it must be exactly
// the element the full domain XML holds, so a device attached later is the same as
// one defined at boot, and it must be valid inside a domain.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDomainXml, buildInterfaceXml, buildVolumeDiskXml } from '../../../agent/hypervisor/libvirt/domain-xml.ts';
import { parseXml } from '../../../agent/hypervisor/libvirt/domain-xml-parse.ts';
import { bootVolumeSpec, ipv6Volume, minimalSpec, port, twoNicsConfigDriveSpec, volume, volumeSpec } from './specs.ts';
import { virtXmlValidate } from './virt-xml-validate.ts';

const indent = (xml: string, spaces: number): string =>
  xml
    .trimEnd()
    .split('\n')
    .map((l) => ' '.repeat(spaces) + l)
    .join('\n');

/** The minimal domain with `device` added to <devices>, for schema validation. */
const withDevice = (device: string): string =>
  buildDomainXml(minimalSpec()).replace('  </devices>', `${indent(device, 4)}\n  </devices>`);

describe('hot-plug device XML', () => {
  test('a volume disk is the same element the domain XML holds', () => {
    const xml = buildVolumeDiskXml(volume());
    assert.match(xml, /^<disk type='network' device='disk'>\n/);
    assert.ok(buildDomainXml(volumeSpec()).includes(indent(xml, 4)));
  });

  test('a root volume is the same element on vda, in place of the overlay', () => {
    const spec = bootVolumeSpec();
    const full = buildDomainXml(spec);
    assert.ok(spec.rootDisk.kind === 'volume');
    assert.ok(full.includes(indent(buildVolumeDiskXml(spec.rootDisk.volume), 4)));
    assert.doesNotMatch(full, /qcow2|<source file='[^']*\/disk'/, 'no overlay');
  });

  // What QEMU gets from it: the format named (never probed), the initiator name the
  // target admits, the password only by the secret's usage, and the portal as a bare
  // address (libvirt 9.0 brackets an IPv6 one itself: "portal":"[fd00:10::2]:3260").
  test('a volume disk names raw, the initiator, the secret by usage; an IPv6 host stays bare', () => {
    const disk = parseXml(buildVolumeDiskXml(ipv6Volume()));
    const child = (e: typeof disk, name: string) => e.children.find((c) => c.name === name);
    assert.deepEqual(child(disk, 'driver')?.attrs, { name: 'qemu', type: 'raw', cache: 'none' });
    const source = child(disk, 'source')!;
    assert.deepEqual(child(source, 'host')?.attrs, { name: 'fd00:10::2', port: '3260' });
    assert.equal(child(child(source, 'initiator')!, 'iqn')?.attrs['name'], 'iqn.2026-01.io.strato:host:compute-1');
    assert.deepEqual(child(child(source, 'auth')!, 'secret')?.attrs, {
      type: 'iscsi',
      usage: 'strato-volume-b0a710ad-0000-4000-8000-00000000000b',
    });
  });

  test('bridge and ethernet interfaces are the same elements the domain XML holds', () => {
    const spec = twoNicsConfigDriveSpec();
    const full = buildDomainXml(spec);
    for (const p of spec.ports) assert.ok(full.includes(indent(buildInterfaceXml(p), 4)), p.mode);
  });

  test('an ethernet port names a pre-created, unmanaged tap and no bridge', () => {
    const xml = buildInterfaceXml(port(3, { mode: 'ethernet' }));
    assert.match(xml, /<target dev='tap00000003-11' managed='no'\/>/);
    assert.doesNotMatch(xml, /<source/);
  });

  test('no MTU element when the port has none; no auth when the volume has none', () => {
    assert.doesNotMatch(buildInterfaceXml(port(1, { mtu: undefined })), /mtu/);
    const v = volume();
    delete v.iscsi.auth;
    assert.doesNotMatch(buildVolumeDiskXml(v), /auth|secret/);
  });

  for (const [name, device] of [
    ['volume disk', () => buildVolumeDiskXml(volume({ target: 'vdd' }))],
    ['bridge interface', () => buildInterfaceXml(port(4))],
    ['ethernet interface', () => buildInterfaceXml(port(5, { mode: 'ethernet' }))],
  ] as const) {
    test(`${name} is valid inside a domain (virt-xml-validate)`, async () => {
      const result = await virtXmlValidate(withDevice(device()));
      // scripts/setup-host installs libvirt-clients; a missing validator is a failure, not a skip.
      assert.ok(result !== undefined, 'virt-xml-validate not installed (package libvirt-clients)');
      assert.ok(result.ok, result.output);
    });
  }

  // The builders trust their input (the agent checked it: instance-spec-validate.ts),
  // but what they are given stays a value: escaping is correctness, not validation.
  test('device builders escape what they are given; markup stays text', () => {
    const tap = "tap'/><x a='";
    const nic = parseXml(buildInterfaceXml(port(1, { tap })));
    assert.equal(nic.children.find((c) => c.name === 'target')?.attrs['dev'], tap);
    const id = 'x</serial><y>';
    const disk = parseXml(buildVolumeDiskXml(volume({ id })));
    assert.equal(disk.children.find((c) => c.name === 'serial')?.text, id);
    assert.equal(disk.children.filter((c) => c.name === 'y').length, 0);
  });
});
