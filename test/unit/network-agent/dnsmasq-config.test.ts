import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dnsmasqPaths, renderDnsmasq } from '../../../agent/network/linux/dnsmasq-config.ts';
import type { DhcpSpec } from '../../../agent/network/network-driver.ts';

const paths = dnsmasqPaths('/s', 'net1');
const spec = (extra: Partial<DhcpSpec> = {}): DhcpSpec => ({
  mac: 'fa:16:3e:00:00:02',
  subnets: [
    { cidr: '10.1.0.0/24', serverIp: '10.1.0.2', dns: [] },
    { cidr: '10.0.0.0/24', serverIp: '10.0.0.2', gateway: '10.0.0.1', dns: ['10.0.0.53', '10.0.0.54'] },
  ],
  hosts: [
    { mac: 'FA:16:3E:00:00:11', ip: '10.1.0.11' },
    { mac: 'fa:16:3e:00:00:10', ip: '10.0.0.10', hostname: 'vm-1' },
  ],
  ...extra,
});

describe('renderDnsmasq', () => {
  it('serves static entries only, bound to the namespace interface, no resolv/hosts files, as its own account', () => {
    const c = renderDnsmasq(spec(), 'ns-net1', 1450, paths);
    assert.deepEqual(c.argv, [
      'dnsmasq',
      '--conf-file=/dev/null',
      '--no-hosts',
      '--no-resolv',
      '--bind-interfaces',
      '--interface=ns-net1',
      '--except-interface=lo',
      '--pid-file=/s/dhcp/net1/dnsmasq.pid',
      '--dhcp-leasefile=/s/dhcp/net1/leases',
      '--dhcp-hostsfile=/s/dhcp/net1/hosts',
      '--dhcp-optsfile=/s/dhcp/net1/opts',
      '--log-facility=/s/dhcp/net1/dnsmasq.log',
      // Not nobody: it reads the hosts file (tenants' MACs and addresses) on SIGHUP.
      '--user=strato-dnsmasq',
      '--group=strato-dnsmasq',
      '--dhcp-range=set:subnet0,10.0.0.0,static,255.255.255.0,86400s',
      '--dhcp-range=set:subnet1,10.1.0.0,static,255.255.255.0,86400s',
    ]);
    assert.deepEqual(c.addresses, ['10.0.0.2/24', '10.1.0.2/24']);
  });

  it('writes router (suppressed without a gateway), DNS and MTU options per subnet', () => {
    const c = renderDnsmasq(spec(), 'ns-net1', 1450, paths);
    assert.equal(
      c.optsFile,
      [
        'tag:subnet0,option:router,10.0.0.1',
        'tag:subnet0,option:dns-server,10.0.0.53,10.0.0.54',
        'tag:subnet0,option:mtu,1450',
        'tag:subnet1,option:router',
        'tag:subnet1,option:mtu,1450',
        '',
      ].join('\n'),
    );
    assert.equal(c.hostsFile, 'fa:16:3e:00:00:10,10.0.0.10,vm-1\nfa:16:3e:00:00:11,10.1.0.11\n');
  });

  it('with metadata: 169.254.169.254/32 on the interface and option 121 per subnet, default route repeated', () => {
    const c = renderDnsmasq(spec({ metadata: true }), 'ns-net1', 1450, paths);
    assert.deepEqual(c.addresses, ['10.0.0.2/24', '10.1.0.2/24', '169.254.169.254/32']);
    assert.equal(
      c.optsFile,
      [
        'tag:subnet0,option:router,10.0.0.1',
        // Through this subnet's DHCP port; a client that takes 121 ignores the router option.
        'tag:subnet0,option:classless-static-route,169.254.169.254/32,10.0.0.2,0.0.0.0/0,10.0.0.1',
        'tag:subnet0,option:dns-server,10.0.0.53,10.0.0.54',
        'tag:subnet0,option:mtu,1450',
        'tag:subnet1,option:router',
        // No gateway: no default route either.
        'tag:subnet1,option:classless-static-route,169.254.169.254/32,10.1.0.2',
        'tag:subnet1,option:mtu,1450',
        '',
      ].join('\n'),
    );
    // A file change (SIGHUP), never a restart: the argv is the same with or without metadata.
    assert.deepEqual(c.argv, renderDnsmasq(spec(), 'ns-net1', 1450, paths).argv);
  });

  it('without metadata: neither the address nor option 121', () => {
    for (const metadata of [undefined, false]) {
      const c = renderDnsmasq(spec({ metadata }), 'ns-net1', 1450, paths);
      assert.ok(!c.addresses.some((a) => a.startsWith('169.254.')), String(metadata));
      assert.ok(!c.optsFile.includes('classless-static-route'), String(metadata));
    }
  });

  it('uses upstream resolvers instead of --no-resolv when configured', () => {
    const c = renderDnsmasq(spec({ upstreamDns: ['192.0.2.53'] }), 'ns-net1', 1450, paths);
    assert.ok(c.argv.includes('--server=192.0.2.53') && !c.argv.includes('--no-resolv'));
  });

  it('refuses input that could break its files', () => {
    assert.throws(
      () => renderDnsmasq(spec({ hosts: [{ mac: 'fa:16:3e:00:00:10', ip: '10.0.0.10,ignore' }] }), 'x', 1450, paths),
      /INVALID|not an IPv4/,
    );
    assert.throws(() => renderDnsmasq(spec({ hosts: [{ mac: 'zz', ip: '10.0.0.10' }] }), 'x', 1450, paths), /MAC/);
    assert.throws(
      () =>
        renderDnsmasq(
          spec({ hosts: [{ mac: 'fa:16:3e:00:00:10', ip: '10.0.0.10', hostname: 'a\nb' }] }),
          'x',
          1450,
          paths,
        ),
      /DNS label/,
    );
    assert.throws(
      () =>
        renderDnsmasq(spec({ subnets: [{ cidr: '10.0.0.0/24', serverIp: '10.9.0.2', dns: [] }] }), 'x', 1450, paths),
      /not in/,
    );
  });
});
