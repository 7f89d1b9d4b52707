// The networking commands' flag parsers and request builders: pure functions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from 'commander';
import { networkRequest } from '../../../cli/commands/network.ts';
import {
  allocationPool,
  cidr,
  fixedIp,
  gateway,
  icmpValue,
  ifname,
  ipv4,
  mac,
  portRange,
  remoteIp,
} from '../../../cli/commands/network-args.ts';
import { portRequest } from '../../../cli/commands/port.ts';
import { matchText, ruleRequest, ruleSummary } from '../../../cli/commands/security-group-rule.ts';
import { subnetRequest } from '../../../cli/commands/subnet.ts';
import { EXIT } from '../../../cli/errors.ts';

const invalid = (f: () => unknown, pattern: RegExp) =>
  assert.throws(f, (err: unknown) => err instanceof InvalidArgumentError && pattern.test(err.message));
const usage = (f: () => unknown, pattern: RegExp) =>
  assert.throws(
    f,
    (err: unknown) =>
      err instanceof Error && (err as { exitCode?: number }).exitCode === EXIT.USAGE && pattern.test(err.message),
  );

describe('address parsers', () => {
  it('ipv4 accepts dotted quads only', () => {
    assert.equal(ipv4(' 10.0.0.1 '), '10.0.0.1');
    for (const bad of ['10.0.0', '10.0.0.256', '010.0.0.1', '1.2.3.4.5', '::1', 'host', ''])
      invalid(() => ipv4(bad), /not an IPv4 address/);
  });

  it('cidr checks syntax, leaves host bits to the conductor', () => {
    assert.equal(cidr('10.0.0.0/24'), '10.0.0.0/24');
    assert.equal(cidr('10.0.0.5/24'), '10.0.0.5/24', 'host bits: the server names the canonical form');
    for (const bad of ['10.0.0.0', '10.0.0/24', '10.0.0.0/33', '10.0.0.0/x', '10.0.0.0/24/1']) {
      invalid(() => cidr(bad), /not an IPv4 CIDR/);
    }
  });

  it('remote ip: a CIDR or a bare address; gateway: an address or none', () => {
    assert.equal(remoteIp('192.0.2.7'), '192.0.2.7');
    assert.equal(remoteIp('0.0.0.0/0'), '0.0.0.0/0');
    invalid(() => remoteIp('192.0.2.0/40'), /CIDR/);
    assert.equal(gateway('NONE'), 'none');
    assert.equal(gateway('10.0.0.254'), '10.0.0.254');
    invalid(() => gateway('first'), /IPv4/);
  });

  it('interface names and MACs', () => {
    assert.equal(ifname('br-ex'), 'br-ex');
    invalid(() => ifname('a-very-long-bridge-name'), /interface name/);
    invalid(() => ifname('br/0'), /interface name/);
    assert.equal(mac('FA:16:3E:00:00:01'), 'fa:16:3e:00:00:01');
    invalid(() => mac('fa:16:3e:00:00'), /MAC/);
  });
});

describe('key=value flags', () => {
  it('--allocation-pool needs start and end, in order, and repeats', () => {
    const one = allocationPool('start=10.0.0.10,end=10.0.0.20', undefined);
    assert.deepEqual(allocationPool('end=10.0.0.40, start=10.0.0.30', one), [
      { start: '10.0.0.10', end: '10.0.0.20' },
      { start: '10.0.0.30', end: '10.0.0.40' },
    ]);
    invalid(() => allocationPool('start=10.0.0.1', undefined), /both start= and end=/);
    invalid(() => allocationPool('start=10.0.0.9,end=10.0.0.1', undefined), /after end/);
    invalid(() => allocationPool('start=10.0.0.1,end=10.0.0.2,end=10.0.0.3', undefined), /end given twice/);
    invalid(() => allocationPool('begin=10.0.0.1,end=10.0.0.2', undefined), /unknown key "begin"/);
    invalid(() => allocationPool('10.0.0.1-10.0.0.2', undefined), /key=value/);
    invalid(() => allocationPool('start=10.0.0.1,end=nope', undefined), /IPv4/);
  });

  it('--fixed-ip takes ip=, ip-address= and subnet=, at least one', () => {
    assert.deepEqual(fixedIp('ip=10.0.0.5', undefined), [{ ipAddress: '10.0.0.5' }]);
    assert.deepEqual(fixedIp('subnet=s1,ip-address=10.0.0.6', [{ subnet: 'a' }]), [
      { subnet: 'a' },
      { subnet: 's1', ipAddress: '10.0.0.6' },
    ]);
    assert.deepEqual(fixedIp('subnet=s1', undefined), [{ subnet: 's1' }]);
    invalid(() => fixedIp('ip=10.0.0.300', undefined), /IPv4/);
    invalid(() => fixedIp('subnet=', undefined), /must not be empty/);
    invalid(() => fixedIp('mac=x', undefined), /unknown key/);
  });
});

describe('rule flags', () => {
  it('--dst-port: a port or MIN:MAX within 1-65535', () => {
    assert.deepEqual(portRange('22'), { min: 22, max: 22 });
    assert.deepEqual(portRange('8000:8080'), { min: 8000, max: 8080 });
    invalid(() => portRange('0'), /outside 1-65535/);
    invalid(() => portRange('65536'), /outside/);
    invalid(() => portRange('23:22'), /backwards/);
    invalid(() => portRange('22-23'), /not a port number/);
    invalid(() => portRange('1:2:3'), /PORT or MIN:MAX/);
    invalid(() => portRange('ssh'), /not a port number/);
    assert.equal(icmpValue('8'), 8);
    invalid(() => icmpValue('256'), /0-255/);
  });

  const base = { protocol: 'any' as const };
  it('ruleRequest builds the request: ingress by default, ports for tcp/udp, icmp type/code', () => {
    assert.deepEqual(ruleRequest('web', { ...base, protocol: 'tcp', dstPort: { min: 22, max: 23 } }), {
      securityGroup: 'web',
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      portRangeMin: 22,
      portRangeMax: 23,
      remoteIpPrefix: '',
      remoteGroup: '',
    });
    const egress = ruleRequest('web', { ...base, egress: true, remoteGroup: 'db' });
    assert.equal(egress.direction, 'egress');
    assert.equal(egress.remoteGroup, 'db');
    const icmp = ruleRequest('web', { protocol: 'icmp', icmpType: 8, icmpCode: 0, remoteIp: '10.0.0.0/8' });
    assert.equal(icmp.icmpType, 8);
    assert.equal(icmp.icmpCode, 0);
    assert.equal(icmp.remoteIpPrefix, '10.0.0.0/8');
    assert.equal('icmpType' in ruleRequest('web', base), false, 'absent = any ICMP type');
  });

  it('ruleRequest refuses flags that do not fit together', () => {
    usage(() => ruleRequest('g', { ...base, ingress: true, egress: true }), /--ingress and --egress/);
    usage(() => ruleRequest('g', { ...base, remoteIp: '10.0.0.0/8', remoteGroup: 'x' }), /--remote-ip and/);
    usage(() => ruleRequest('g', { protocol: 'icmp', dstPort: { min: 1, max: 1 } }), /--dst-port needs/);
    usage(() => ruleRequest('g', { protocol: 'any', dstPort: { min: 1, max: 1 } }), /--dst-port needs/);
    usage(() => ruleRequest('g', { protocol: 'tcp', icmpType: 8 }), /need --protocol icmp/);
    usage(() => ruleRequest('g', { protocol: 'icmp', icmpCode: 0 }), /--icmp-code needs --icmp-type/);
  });

  it('rule text for tables', () => {
    const rule = {
      id: 'r1',
      securityGroupId: 'g',
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      portRangeMin: 22,
      portRangeMax: 23,
      remoteIpPrefix: '10.0.0.0/8',
      remoteGroupId: '',
    };
    assert.equal(ruleSummary(rule), 'ingress tcp 22:23 from 10.0.0.0/8 (id r1)');
    assert.equal(matchText({ ...rule, portRangeMin: 0, portRangeMax: 0 }), 'any');
    assert.equal(matchText({ ...rule, portRangeMax: 22 }), '22');
    const icmp = { ...rule, protocol: 'icmp', portRangeMin: 0, portRangeMax: 0, icmpType: 8 };
    assert.equal(matchText(icmp), '8');
    assert.equal(matchText({ ...icmp, icmpCode: 0 }), '8/0');
    assert.equal(
      ruleSummary({ ...rule, direction: 'egress', protocol: 'any', remoteIpPrefix: '', remoteGroupId: 'g2' }),
      'egress any to group g2 (id r1)',
    );
  });
});

describe('request builders', () => {
  it('network: vxlan by default; flat needs a bridge; vxlan takes none', () => {
    assert.deepEqual(networkRequest('n', {}), { name: 'n', providerType: 'vxlan', physicalBridge: '', mtu: 0 });
    assert.deepEqual(networkRequest('n', { providerType: 'flat', physicalBridge: 'br-ex', mtu: 1500 }), {
      name: 'n',
      providerType: 'flat',
      physicalBridge: 'br-ex',
      mtu: 1500,
    });
    usage(() => networkRequest('n', { providerType: 'flat' }), /needs --physical-bridge/);
    usage(() => networkRequest('n', { physicalBridge: 'br0' }), /only for --provider-type flat/);
  });

  it('subnet: gateway default is empty, --no-dhcp disables DHCP', () => {
    assert.deepEqual(subnetRequest('s', { network: 'n', cidr: '10.0.0.0/24', dhcp: false, dns: ['1.1.1.1'] }), {
      name: 's',
      network: 'n',
      cidr: '10.0.0.0/24',
      gatewayIp: '',
      allocationPools: [],
      dnsServers: ['1.1.1.1'],
      disableDhcp: true,
    });
    assert.equal(subnetRequest('s', { network: 'n', cidr: '10.0.0.0/24', dhcp: true }).disableDhcp, false);
  });

  it('port: empty lists mean "allocate" and "default group"', () => {
    assert.deepEqual(portRequest('p', { network: 'n' }), {
      name: 'p',
      network: 'n',
      fixedIps: [],
      securityGroups: [],
      macAddress: '',
    });
  });
});
