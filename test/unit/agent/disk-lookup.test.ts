// Finding a volume's disk in libvirt's XML by serial or target (the live XML carries
// aliases), the device alias a detach waits for, and the element handed back to detach.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasDeviceAlias } from '../../../agent/hypervisor/libvirt/device-release.ts';
import { detachDiskXml, domainDisks, findDisk } from '../../../agent/hypervisor/libvirt/disk-lookup.ts';
import { parseXml } from '../../../agent/hypervisor/libvirt/domain-xml-parse.ts';

const VOL = 'c0ffee00-1234-4567-89ab-cdef01234567';
// As libvirt 9.0 dumps a running domain with an iSCSI volume hot-plugged (captured).
const live = `<domain type='qemu' id='7'>
  <name>strato-x</name>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none'/>
      <source file='/var/lib/strato/instances/x/disk.qcow2' index='2'/>
      <target dev='vda' bus='virtio'/>
      <alias name='virtio-disk0'/>
    </disk>
    <disk type='network' device='disk'>
      <driver name='qemu' type='raw' cache='none'/>
      <source protocol='iscsi' name='iqn.2026-01.io.strato:${VOL}/1' index='5'>
        <host name='10.233.77.2' port='3260'/>
        <initiator>
          <iqn name='iqn.2026-01.io.strato:host:test'/>
        </initiator>
        <auth username='strato-${VOL}'>
          <secret type='iscsi' usage='strato-volume-${VOL}'/>
        </auth>
      </source>
      <target dev='vdc' bus='virtio'/>
      <serial>${VOL}</serial>
      <alias name='virtio-disk2'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>
    </disk>
    <interface type='ethernet'><mac address='fa:16:3e:00:00:10'/><alias name='net0'/></interface>
  </devices>
</domain>`;

test('disks by serial or target, with alias; the overlay has no serial', () => {
  assert.deepEqual(
    domainDisks(live).map((d) => [d.target, d.serial, d.alias]),
    [
      ['vda', undefined, 'virtio-disk0'],
      ['vdc', VOL, 'virtio-disk2'],
    ],
  );
  assert.equal(findDisk(live, { serial: VOL })?.target, 'vdc');
  assert.equal(findDisk(live, { target: 'vdc' })?.serial, VOL);
  assert.equal(findDisk(live, { serial: VOL, target: 'vdd' }), undefined);
  assert.deepEqual(domainDisks('<domain><name>x</name></domain>'), []);
});

test('the detach element is the disk libvirt wrote, text and attributes intact', () => {
  const xml = detachDiskXml(findDisk(live, { serial: VOL })!);
  const disk = parseXml(xml);
  assert.equal(disk.name, 'disk');
  assert.equal(disk.children.find((c) => c.name === 'serial')?.text, VOL);
  assert.equal(disk.children.find((c) => c.name === 'target')?.attrs['dev'], 'vdc');
  const source = disk.children.find((c) => c.name === 'source')!;
  assert.equal(source.attrs['protocol'], 'iscsi');
  assert.equal(source.children.find((c) => c.name === 'auth')?.children[0]?.attrs['usage'], `strato-volume-${VOL}`);
});

test('any device alias is found: disks and NICs alike', () => {
  assert.equal(hasDeviceAlias(live, 'virtio-disk2'), true);
  assert.equal(hasDeviceAlias(live, 'net0'), true);
  assert.equal(hasDeviceAlias(live, 'virtio-disk3'), false);
});
