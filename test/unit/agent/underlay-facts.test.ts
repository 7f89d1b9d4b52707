// Underlay facts from flags, from the device's address, or from the route towards
// the conductor (a UDP connect to loopback: no packet is sent).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AddressInfo, Netlink } from '../../../agent/network/netlink/netlink.ts';
import { resolveUnderlay, sourceAddressTowards } from '../../../agent/network/underlay-facts.ts';
import { isStratoError } from '../../../common/errors.ts';

const addr = (link: string, address: string, family: 'inet' | 'inet6' = 'inet'): AddressInfo => ({
  link,
  linkIndex: 1,
  family,
  address,
  prefixLength: family === 'inet' ? 24 : 64,
});
const fakeNetlink = (addresses: AddressInfo[]) => ({ listAddresses: async () => addresses }) as unknown as Netlink;
const host = fakeNetlink([
  addr('lo', '127.0.0.1'),
  addr('eth0', 'fe80::1', 'inet6'),
  addr('eth0', '192.0.2.10'),
  addr('eth1', '198.51.100.4'),
]);

test('the kernel picks loopback as source towards a loopback conductor', async () => {
  assert.equal(await sourceAddressTowards('127.0.0.1:7443'), '127.0.0.1');
});

test('flags win; a device alone gives its IPv4 address; an address alone gives its device', async () => {
  assert.deepEqual(await resolveUnderlay({ device: 'x', ip: '203.0.113.1', conductor: 'c:1' }, host), {
    underlayDevice: 'x',
    underlayIp: '203.0.113.1',
  });
  assert.deepEqual(await resolveUnderlay({ device: 'eth0', conductor: 'c:1' }, host), {
    underlayDevice: 'eth0',
    underlayIp: '192.0.2.10',
  });
  assert.deepEqual(await resolveUnderlay({ ip: '198.51.100.4', conductor: 'c:1' }, host), {
    underlayDevice: 'eth1',
    underlayIp: '198.51.100.4',
  });
});

test('by default the route towards the first conductor decides', async () => {
  assert.deepEqual(await resolveUnderlay({ conductor: '127.0.0.1:7443' }, host), {
    underlayDevice: 'lo',
    underlayIp: '127.0.0.1',
  });
});

test('nothing usable: FAILED_PRECONDITION (UNDERLAY_NOT_FOUND) asking for the flags', async () => {
  for (const s of [{ device: 'eth9' }, { ip: '203.0.113.9' }]) {
    await assert.rejects(
      resolveUnderlay({ ...s, conductor: '127.0.0.1:1' }, host),
      (e) =>
        isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'UNDERLAY_NOT_FOUND' && /--underlay-ip/.test(e.message),
    );
  }
});
