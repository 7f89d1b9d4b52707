// Finding a domain's NIC by MAC or tap in libvirt's XML (live XML carries aliases).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detachInterfaceXml, findInterface } from '../../../agent/hypervisor/libvirt/interface-lookup.ts';

const live = `<domain type='qemu' id='3'>
  <name>strato-x</name>
  <devices>
    <disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>
    <interface type='ethernet'>
      <mac address='FA:16:3E:00:00:10'/>
      <target dev='tapaaaaaaaa-bb' managed='no'/>
      <model type='virtio'/>
      <alias name='net0'/>
    </interface>
    <interface type="ethernet">
      <mac address="fa:16:3e:00:00:11"/>
      <target dev="tapbbbbbbbb-bb" managed="no"/>
      <alias name="net1"/>
    </interface>
  </devices>
</domain>`;

test('by MAC (any case) or by tap, with the alias', () => {
  assert.deepEqual(findInterface(live, { mac: 'fa:16:3e:00:00:10' }), {
    mac: 'fa:16:3e:00:00:10',
    alias: 'net0',
    tap: 'tapaaaaaaaa-bb',
  });
  assert.equal(findInterface(live, { tap: 'tapbbbbbbbb-bb' })?.alias, 'net1');
  assert.equal(findInterface(live, { mac: 'fa:16:3e:00:00:10', tap: 'tapbbbbbbbb-bb' }), undefined);
  assert.equal(findInterface(live, { tap: 'tapcccccccc-cc' }), undefined);
  assert.equal(findInterface('<domain><name>x</name></domain>', { tap: 'tapx' }), undefined);
});

test('the detach element names the MAC libvirt matches on', () => {
  const xml = detachInterfaceXml('fa:16:3e:00:00:11', 'tapbbbbbbbb-bb');
  assert.equal(
    findInterface(`<domain><devices>${xml}</devices></domain>`, { tap: 'tapbbbbbbbb-bb' })?.mac,
    'fa:16:3e:00:00:11',
  );
});
