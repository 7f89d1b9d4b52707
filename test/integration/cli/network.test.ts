// bin/strato's networking commands against the real network services over
// TLS (see network-fixture.ts): networks, subnets with IPAM, ports, security
// groups and rules; tables and JSON; the one-line error and exit code of
// overlapping subnets, exhausted pools, taken addresses and another project's
// resources.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CliResult } from './fixture.ts';
import { type NetworkCliFixture, startNetworkCliFixture } from './network-fixture.ts';

const REQUEST_ID = /request id [0-9a-f-]{36}\)$/;

function ok(r: CliResult): string {
  assert.equal(r.code, 0, `exit ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function json<T = Record<string, unknown>>(r: CliResult): T {
  return JSON.parse(ok(r)) as T;
}

/** One error line naming the code and reason, and the exit code. */
function failed(r: CliResult, exit: number, code: string, reason: string): void {
  assert.equal(r.code, exit, `exit ${r.code}: ${r.stderr}`);
  assert.equal(r.stdout, '');
  const line = r.stderr.trimEnd();
  assert.equal(line.split('\n').length, 1, `one line: ${r.stderr}`);
  assert.match(line, new RegExp(`^strato: error: .+ \\(code ${code}, reason ${reason}, `));
  assert.match(line, REQUEST_ID);
}

interface Net {
  id: string;
  name: string;
  providerType: string;
  segmentationId: number;
  mtu: number;
  subnetIds: string[];
}
interface Sub {
  id: string;
  networkId: string;
  cidr: string;
  gatewayIp: string;
  dhcpServerIp: string;
  allocationPools: { start: string; end: string }[];
  dnsServers: string[];
}
interface Port {
  id: string;
  name: string;
  networkId: string;
  macAddress: string;
  fixedIps: { subnetId: string; ipAddress: string }[];
  securityGroupIds: string[];
}
interface Rule {
  id: string;
  direction: string;
  protocol: string;
  portRangeMin: number;
  portRangeMax: number;
  remoteIpPrefix: string;
  remoteGroupId: string;
}
interface Group {
  id: string;
  name: string;
  description: string;
  rules: Rule[];
}

describe('strato network, subnet, port and security group commands', () => {
  let fx: NetworkCliFixture;
  const strato = (args: string[]) => fx.admin(args);

  before(async () => {
    fx = await startNetworkCliFixture();
  });
  after(async () => {
    await fx?.close();
  });

  let net: Net;
  let sub: Sub;

  it('network create, list, show (table and JSON)', async (t) => {
    t.diagnostic(`served by: ${fx.mode}${fx.why ? ` (${fx.why})` : ''}`);
    const table = ok(await strato(['network', 'create', 'web']));
    assert.match(table, /\| Name +\| web +\|/);
    assert.match(table, /\| Provider Type +\| vxlan +\|/);
    net = json<Net>(await strato(['network', 'show', 'web', '-f', 'json']));
    assert.equal(net.providerType, 'vxlan');
    assert.ok(net.segmentationId > 0, 'a VNI');
    // The API server here has the default underlay (1500); the real conductor's is configurable.
    if (fx.mode === 'api') assert.equal(net.mtu, 1450, 'underlay 1500 - 50');
    else assert.ok(net.mtu >= 68, `mtu ${net.mtu}`);

    const custom = json<Net>(await strato(['network', 'create', '--mtu', '1400', 'small', '-f', 'json']));
    assert.equal(custom.mtu, 1400);
    assert.notEqual(custom.segmentationId, net.segmentationId);

    const list = json<Net[]>(await strato(['network', 'list', '-f', 'json']));
    assert.deepEqual(
      list.map((n) => n.name),
      ['small', 'web'],
    );
    assert.match(ok(await strato(['network', 'list'])), new RegExp(`\\| ${net.id} \\| web +\\| vxlan +\\|`));
    assert.equal(ok(await strato(['network', 'show', net.id, '-f', 'value', '-c', 'Name'])), 'web\n');
    ok(await strato(['network', 'delete', 'small']));
  });

  it('subnet create with pools, DNS and a gateway; list --network; show', async () => {
    const argv = ['subnet', 'create', 'web-v4', '--network', 'web', '--cidr', '10.20.0.0/24'];
    argv.push('--allocation-pool', 'start=10.20.0.100,end=10.20.0.199', '--dns', '192.0.2.53', '-f', 'json');
    sub = json<Sub>(await strato(argv));
    assert.equal(sub.networkId, net.id);
    assert.equal(sub.gatewayIp, '10.20.0.1');
    assert.deepEqual(sub.allocationPools, [{ start: '10.20.0.100', end: '10.20.0.199' }]);
    assert.deepEqual(sub.dnsServers, ['192.0.2.53']);
    assert.equal(sub.dhcpServerIp, '10.20.0.100', 'the lowest pool address goes to DHCP');

    const shown = ok(await strato(['subnet', 'show', 'web-v4']));
    assert.match(shown, /\| Allocation Pools +\| 10\.20\.0\.100-10\.20\.0\.199 +\|/);
    const listed = json<Sub[]>(await strato(['subnet', 'list', '--network', 'web', '-f', 'json']));
    assert.deepEqual(
      listed.map((s) => s.id),
      [sub.id],
    );
    assert.deepEqual(json<Net>(await strato(['network', 'show', 'web', '-f', 'json'])).subnetIds, [sub.id]);
  });

  it('an overlapping subnet on the same network is refused precisely, and nothing changes', async () => {
    const r = await strato(['subnet', 'create', 'dup', '--network', 'web', '--cidr', '10.20.0.128/25']);
    failed(r, 1, 'FAILED_PRECONDITION', 'SUBNET_OVERLAP');
    assert.match(r.stderr, /10\.20\.0\.0\/24/, 'names the subnet it overlaps');
    const listed = json<Sub[]>(await strato(['subnet', 'list', '--network', 'web', '-f', 'json']));
    assert.equal(listed.length, 1);

    const hostBits = await strato(['subnet', 'create', 'hb', '--network', 'web', '--cidr', '10.30.0.5/24']);
    failed(hostBits, 1, 'INVALID_ARGUMENT', 'CIDR_HOST_BITS_SET');
    assert.match(hostBits.stderr, /10\.30\.0\.0\/24/, 'names the canonical form');
  });

  it('the same CIDR on another network is allowed', async () => {
    ok(await strato(['network', 'create', 'other']));
    const s = json<Sub>(
      await strato(['subnet', 'create', 'o', '--network', 'other', '--cidr', '10.20.0.0/24', '-f', 'json']),
    );
    assert.equal(s.cidr, '10.20.0.0/24');
    ok(await strato(['network', 'delete', 'other']));
    const gone = await strato(['subnet', 'show', s.id]);
    failed(gone, 5, 'NOT_FOUND', 'SUBNET_NOT_FOUND');
  });

  let port: Port;

  it('port create allocates from the pool or takes a fixed IP; list --network; show', async () => {
    port = json<Port>(await strato(['port', 'create', '--network', 'web', 'p1', '-f', 'json']));
    assert.equal(port.networkId, net.id);
    assert.match(port.macAddress, /^fa:16:3e(:[0-9a-f]{2}){3}$/);
    assert.deepEqual(port.fixedIps, [{ subnetId: sub.id, ipAddress: '10.20.0.101' }]);
    assert.equal(port.securityGroupIds.length, 1, "the project's default group");

    const fixed = json<Port>(
      await strato([
        'port',
        'create',
        '--network',
        'web',
        '--fixed-ip',
        'ip=10.20.0.50,subnet=web-v4',
        'p2',
        '-f',
        'json',
      ]),
    );
    assert.deepEqual(fixed.fixedIps, [{ subnetId: sub.id, ipAddress: '10.20.0.50' }], 'outside the pool is allowed');

    const taken = await strato(['port', 'create', '--network', 'web', '--fixed-ip', 'ip=10.20.0.50', 'p3']);
    failed(taken, 1, 'ALREADY_EXISTS', 'IP_IN_USE');
    const outside = await strato(['port', 'create', '--network', 'web', '--fixed-ip', 'ip=10.99.0.5', 'p3']);
    failed(outside, 1, 'INVALID_ARGUMENT', 'IP_NOT_IN_SUBNET');
    const gw = await strato(['port', 'create', '--network', 'web', '--fixed-ip', 'ip=10.20.0.1', 'p3']);
    failed(gw, 1, 'INVALID_ARGUMENT', 'IP_RESERVED');

    const listed = json<Port[]>(await strato(['port', 'list', '--network', 'web', '-f', 'json']));
    assert.deepEqual(listed.map((p) => p.name).sort(), ['p1', 'p2'], 'failed creates left nothing');
    const table = ok(await strato(['port', 'list']));
    assert.match(
      table,
      new RegExp(
        `\\| ${port.id} \\| p1 +\\| ${port.macAddress} \\| ip_address=10\\.20\\.0\\.101, subnet_id=${sub.id} \\|`,
      ),
    );
    assert.match(ok(await strato(['port', 'show', 'p2'])), /\| Network +\| [0-9a-f-]{36} +\|/);
    ok(await strato(['port', 'delete', 'p2']));
    failed(await strato(['port', 'show', 'p2']), 5, 'NOT_FOUND', 'PORT_NOT_FOUND');
  });

  it('an exhausted pool is refused precisely', async () => {
    ok(await strato(['network', 'create', 'tiny']));
    const argv = ['subnet', 'create', 'tiny-v4', '--network', 'tiny', '--cidr', '10.40.0.0/24'];
    ok(await strato([...argv, '--allocation-pool', 'start=10.40.0.10,end=10.40.0.12']));
    // .10 is the DHCP server's: two addresses left.
    ok(await strato(['port', 'create', '--network', 'tiny', 't1']));
    ok(await strato(['port', 'create', '--network', 'tiny', 't2']));
    const r = await strato(['port', 'create', '--network', 'tiny', 't3']);
    failed(r, 1, 'RESOURCE_EXHAUSTED', 'IP_POOL_EXHAUSTED');
    const inUse = await strato(['network', 'delete', 'tiny']);
    failed(inUse, 1, 'FAILED_PRECONDITION', 'NETWORK_IN_USE');
    ok(await strato(['port', 'delete', 't1', 't2']));
    ok(await strato(['network', 'delete', 'tiny']));
  });

  let group: Group;

  it('security group create, rule create (CIDR and group remotes), rule list, show, rule delete', async () => {
    group = json<Group>(
      await strato(['security', 'group', 'create', '--description', 'web servers', 'websg', '-f', 'json']),
    );
    assert.equal(group.description, 'web servers');
    assert.deepEqual(group.rules, [], 'a new group has no rules');

    const rule = ['security', 'group', 'rule', 'create'];
    const ssh = json<Rule>(
      await strato([
        ...rule,
        '--ingress',
        '--protocol',
        'tcp',
        '--dst-port',
        '22:23',
        '--remote-ip',
        '10.0.0.0/8',
        'websg',
        '-f',
        'json',
      ]),
    );
    assert.deepEqual(
      [ssh.direction, ssh.protocol, ssh.portRangeMin, ssh.portRangeMax, ssh.remoteIpPrefix],
      ['ingress', 'tcp', 22, 23, '10.0.0.0/8'],
    );
    const fromDefault = json<Rule>(
      await strato([...rule, '--ingress', '--protocol', 'icmp', '--remote-group', 'default', 'websg', '-f', 'json']),
    );
    const defaultGroup = json<Group>(await strato(['security', 'group', 'show', 'default', '-f', 'json']));
    assert.equal(fromDefault.remoteGroupId, defaultGroup.id);
    const egress = json<Rule>(await strato([...rule, '--egress', '--protocol', 'any', 'websg', '-f', 'json']));
    assert.equal(egress.remoteIpPrefix, '0.0.0.0/0', 'no remote = everywhere');

    const dup = await strato([...rule, '--egress', 'websg']);
    failed(dup, 1, 'ALREADY_EXISTS', 'SECURITY_GROUP_RULE_EXISTS');

    const listed = ok(await strato(['security', 'group', 'rule', 'list', 'websg']));
    assert.match(listed, new RegExp(`\\| ${ssh.id} \\| ingress +\\| tcp +\\| 22:23 +\\| 10\\.0\\.0\\.0/8 +\\|`));
    const shown = ok(await strato(['security', 'group', 'show', 'websg']));
    assert.match(shown, new RegExp(`ingress tcp 22:23 from 10\\.0\\.0\\.0/8 \\(id ${ssh.id}\\)`));
    assert.match(shown, new RegExp(`ingress icmp from group ${defaultGroup.id}`));

    ok(await strato(['security', 'group', 'rule', 'delete', ssh.id]));
    const after = json<Group>(await strato(['security', 'group', 'show', 'websg', '-f', 'json']));
    assert.deepEqual(after.rules.map((r) => r.id).sort(), [fromDefault.id, egress.id].sort());
    failed(
      await strato(['security', 'group', 'rule', 'delete', ssh.id]),
      5,
      'NOT_FOUND',
      'SECURITY_GROUP_RULE_NOT_FOUND',
    );

    const names = json<Group[]>(await strato(['security', 'group', 'list', '-f', 'json'])).map((g) => g.name);
    assert.deepEqual(names.sort(), ['default', 'websg']);
  });

  it('a port joins named groups; a group with members cannot be deleted', async () => {
    const p = json<Port>(
      await strato([
        'port',
        'create',
        '--network',
        'web',
        '--security-group',
        'websg',
        '--security-group',
        'default',
        'sgp',
        '-f',
        'json',
      ]),
    );
    const defaultGroup = json<Group>(await strato(['security', 'group', 'show', 'default', '-f', 'json']));
    assert.deepEqual(p.securityGroupIds.sort(), [group.id, defaultGroup.id].sort());
    failed(await strato(['security', 'group', 'delete', 'websg']), 1, 'FAILED_PRECONDITION', 'SECURITY_GROUP_IN_USE');
    ok(await strato(['port', 'delete', 'sgp']));
    ok(await strato(['security', 'group', 'delete', 'websg']));
    failed(await strato(['security', 'group', 'show', 'websg']), 5, 'NOT_FOUND', 'SECURITY_GROUP_NOT_FOUND');
  });

  it("another project's member cannot see or use the admin's network, port or group", async () => {
    const bob = await fx.member('bobs');
    failed(await bob(['network', 'show', net.id]), 5, 'NOT_FOUND', 'NETWORK_NOT_FOUND');
    failed(await bob(['network', 'delete', 'web']), 5, 'NOT_FOUND', 'NETWORK_NOT_FOUND');
    failed(await bob(['subnet', 'show', sub.id]), 5, 'NOT_FOUND', 'SUBNET_NOT_FOUND');
    failed(await bob(['port', 'show', port.id]), 5, 'NOT_FOUND', 'PORT_NOT_FOUND');
    failed(await bob(['port', 'delete', port.id]), 5, 'NOT_FOUND', 'PORT_NOT_FOUND');
    failed(await bob(['port', 'create', '--network', net.id, 'sneaky']), 5, 'NOT_FOUND', 'NETWORK_NOT_FOUND');
    failed(
      await bob(['subnet', 'create', 'sneaky', '--network', net.id, '--cidr', '10.50.0.0/24']),
      5,
      'NOT_FOUND',
      'NETWORK_NOT_FOUND',
    );
    assert.deepEqual(json<Net[]>(await bob(['network', 'list', '-f', 'json'])), []);
    assert.deepEqual(json<Port[]>(await bob(['port', 'list', '-f', 'json'])), []);

    // Bob's own network may reuse the name and the CIDR.
    ok(await bob(['network', 'create', 'web']));
    const own = json<Sub>(
      await bob(['subnet', 'create', 's', '--network', 'web', '--cidr', '10.20.0.0/24', '-f', 'json']),
    );
    assert.notEqual(own.networkId, net.id);
    ok(await bob(['network', 'delete', 'web']));

    // Nothing of the admin's changed.
    assert.equal(json<Port>(await strato(['port', 'show', port.id, '-f', 'json'])).id, port.id);
    assert.deepEqual(json<Net>(await strato(['network', 'show', net.id, '-f', 'json'])).subnetIds, [sub.id]);
  });

  it('flag errors exit 2 before any call', async () => {
    const r = await strato([
      'security',
      'group',
      'rule',
      'create',
      '--protocol',
      'tcp',
      '--dst-port',
      '70000',
      'default',
    ]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^strato: error: option '--dst-port <port\[:port\]>' argument '70000' is invalid/);
    const both = await strato(['security', 'group', 'rule', 'create', '--ingress', '--egress', 'default']);
    assert.equal(both.code, 2);
    const def = json<Group>(await strato(['security', 'group', 'show', 'default', '-f', 'json']));
    assert.ok(!def.rules.some((x) => x.portRangeMax === 70000));
  });

  it('delete port, subnet and network; then they are gone', async () => {
    failed(await strato(['subnet', 'delete', 'web-v4']), 1, 'FAILED_PRECONDITION', 'SUBNET_IN_USE');
    ok(await strato(['port', 'delete', port.id]));
    ok(await strato(['subnet', 'delete', 'web-v4']));
    ok(await strato(['network', 'delete', 'web']));
    failed(await strato(['network', 'show', 'web']), 5, 'NOT_FOUND', 'NETWORK_NOT_FOUND');
    assert.deepEqual(json<Net[]>(await strato(['network', 'list', '-f', 'json'])), []);
    assert.deepEqual(json<Port[]>(await strato(['port', 'list', '-f', 'json'])), []);
  });
});
