// The metadata service on a network without a router, end to end on one simulated
// host (real driver, dnsmasq, kernel): with dhcp.metadata the qdhcp namespace holds
// 169.254.169.254/32, dnsmasq offers option 121 (the metadata route through the
// DHCP port, the default route repeated), a guest that installs the routes it was
// given reaches the proxy listening in that namespace and reads its own metadata,
// another guest spoofing its address gets nothing; turning metadata off takes the
// address, the option and the listener away again.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { ConfigDriveInput } from '../../../agent/config-drive/config-drive-tree.ts';
import { MetadataProxies } from '../../../agent/metadata/metadata-proxies.ts';
import { namespaceSockets } from '../../../agent/metadata/namespace-socket.ts';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { StratoError } from '../../../common/errors.ts';
import { dhcpNamespaceName, dhcpNsVethName } from '../../../common/network-names.ts';
import { metadataGet } from '../../harness/metadata-get.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { dhcpLease, type Lab, makeLab, uuid } from './lab.ts';

const exec = promisify(execFile);
const CIDR = '10.66.0.0/24';
const DHCP_IP = '10.66.0.2';
const GATEWAY = '10.66.0.1';
const GUEST_IP = '10.66.0.11';
const GUEST_MAC = 'fa:16:3e:00:66:0b';
const OTHER_IP = '10.66.0.12';
const OTHER_MAC = 'fa:16:3e:00:66:0c';
const INSTANCE = '66666666-0000-4000-8000-000000000066';

describe('DHCP-served metadata on a network without a router (real driver, dnsmasq, kernel)', () => {
  let lab: Lab;
  let guestNs: string;
  let otherNs: string;
  let proxies: MetadataProxies | undefined;
  const net = uuid();
  const portId = uuid();
  const otherPortId = uuid();
  const vni = 2000 + Math.floor(Math.random() * 100000);
  const ifname = `g${portId.slice(0, 11)}`;
  const lookups: string[] = [];

  const state = (metadata: boolean): DesiredHostNetwork => ({
    networks: [
      {
        networkId: net,
        type: 'vxlan',
        vni,
        vxlanPeers: [],
        dhcp: {
          mac: 'fa:16:3e:00:66:02',
          subnets: [{ cidr: CIDR, serverIp: DHCP_IP, gateway: GATEWAY, dns: [] }],
          hosts: [
            { mac: GUEST_MAC, ip: GUEST_IP },
            { mac: OTHER_MAC, ip: OTHER_IP },
          ],
          metadata,
        },
      },
    ],
    ports: [
      {
        portId,
        networkId: net,
        mac: GUEST_MAC,
        ips: [GUEST_IP],
        securityGroups: [{ direction: 'egress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] }],
        attach: { namespace: guestNs },
      },
      {
        portId: otherPortId,
        networkId: net,
        mac: OTHER_MAC,
        ips: [OTHER_IP],
        securityGroups: [{ direction: 'egress', protocol: 'any', remoteCidrs: ['0.0.0.0/0'] }],
        attach: { namespace: otherNs },
      },
    ],
  });

  /** One DHCP exchange that installs the address and the option-121 routes, as the test image does. */
  const lease = async () => {
    const got = await dhcpLease(lab, guestNs, ifname, { apply: true });
    return { staticroutes: got?.staticroutes ?? '', router: got?.router ?? '' };
  };

  before(async () => {
    lab = await makeLab();
    guestNs = await lab.newGuest();
    otherNs = await lab.newGuest();
  });

  after(async () => {
    await proxies?.close();
    await lab?.close();
  });

  it('puts 169.254.169.254/32 in the qdhcp namespace and offers option 121 through the DHCP port', async () => {
    await lab.hosts[0].driver.apply(state(true));
    const { stdout } = await exec('ip', [
      '-n',
      dhcpNamespaceName(net),
      '-j',
      'addr',
      'show',
      'dev',
      dhcpNsVethName(net),
    ]);
    const addrs = (JSON.parse(stdout) as { addr_info: { local: string; prefixlen: number }[] }[])[0]!.addr_info;
    assert.ok(
      addrs.some((a) => a.local === '169.254.169.254' && a.prefixlen === 32),
      stdout,
    );
    assert.ok(
      addrs.some((a) => a.local === DHCP_IP && a.prefixlen === 24),
      stdout,
    );
    const got = await lease();
    assert.equal(got.staticroutes, `169.254.169.254/32 ${DHCP_IP} 0.0.0.0/0 ${GATEWAY}`);
  });

  it('the guest reads its own metadata from the proxy in the qdhcp namespace', async () => {
    const guest: ConfigDriveInput = {
      instanceId: INSTANCE,
      name: 'dhcp-guest',
      projectId: 'p',
      availabilityZone: 'nova',
      metadata: {},
      userData: new Uint8Array(),
      networkDataJson: '',
    };
    proxies = new MetadataProxies({
      lookup: {
        async lookup(networkId, ip) {
          lookups.push(`${networkId} ${ip}`);
          if (networkId === net && ip === GUEST_IP) return guest;
          throw new StratoError('NOT_FOUND', 'INSTANCE_NOT_FOUND', 'none');
        },
      },
      sockets: namespaceSockets(),
      routerAddress: { ensure: async () => {}, remove: async () => {} },
      log: quiet,
    });
    await proxies.sync(state(true));
    assert.deepEqual(proxies.namespaces, [dhcpNamespaceName(net)]);
    const r = await metadataGet(guestNs, '/openstack/latest/meta_data.json');
    assert.equal(r.status, 200, JSON.stringify(r));
    assert.equal((JSON.parse(r.body!) as { uuid: string }).uuid, INSTANCE);
    assert.deepEqual(lookups, [`${net} ${GUEST_IP}`]);
  });

  it('another guest gets 404 for its own address and nothing at all with the first guest’s as source', async () => {
    const other = `g${otherPortId.slice(0, 11)}`;
    const sh = (...args: string[]) => exec('ip', ['-n', otherNs, ...args]);
    await sh('addr', 'add', `${OTHER_IP}/24`, 'dev', other);
    await sh('link', 'set', other, 'up');
    await sh('route', 'add', '169.254.169.254/32', 'via', DHCP_IP);
    lookups.length = 0;
    assert.equal((await metadataGet(otherNs, '/openstack/latest/meta_data.json')).status, 404);
    assert.deepEqual(lookups, [`${net} ${OTHER_IP}`]);
    // Spoofing: the first guest's address as source. Anti-spoofing on the port drops it
    // before it reaches the proxy, so nothing is looked up and nothing comes back.
    await sh('addr', 'add', `${GUEST_IP}/32`, 'dev', other);
    lookups.length = 0;
    const spoofed = await metadataGet(otherNs, '/openstack/latest/meta_data.json', { localAddress: GUEST_IP });
    assert.equal(spoofed.status, undefined, JSON.stringify(spoofed));
    assert.deepEqual(lookups, []);
  });

  it('metadata off: the address, option 121 and the listener go', async () => {
    const steps = await lab.hosts[0].driver.apply(state(false));
    assert.ok(steps.steps.some((s) => s.kind === 'delete-address' && s.cidr === '169.254.169.254/32'));
    await proxies!.sync(state(false));
    assert.deepEqual(proxies!.namespaces, []);
    const got = await lease();
    assert.equal(got.staticroutes, '');
    assert.equal(got.router, GATEWAY);
  });
});
