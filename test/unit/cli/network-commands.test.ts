// strato network|subnet|port|security group commands in-process: usage errors
// make no call, flags become the right requests, output and API errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXIT } from '../../../cli/errors.ts';
import { StratoError } from '../../../common/errors.ts';
import { assertUsageError, cli, fakeSession } from './helpers.ts';

describe('networking usage errors: exit 2, one line, no call', () => {
  const rule = ['security', 'group', 'rule', 'create'];
  const bad: [string, string[], RegExp][] = [
    ['flat without bridge', ['network', 'create', '--provider-type', 'flat', 'n'], /needs --physical-bridge/],
    ['bridge on vxlan', ['network', 'create', '--physical-bridge', 'br0', 'n'], /only for --provider-type flat/],
    ['bad provider type', ['network', 'create', '--provider-type', 'vlan', 'n'], /Allowed choices are vxlan, flat/],
    ['bad mtu', ['network', 'create', '--mtu', '0', 'n'], /--mtu.*positive integer/],
    ['bad bridge name', ['network', 'create', '--provider-type', 'flat', '--physical-bridge', 'a/b', 'n'], /interface/],
    ['subnet without cidr', ['subnet', 'create', '--network', 'n', 's'], /required option '--cidr <cidr>'/],
    ['subnet without network', ['subnet', 'create', '--cidr', '10.0.0.0/24', 's'], /required option '--network/],
    ['bad cidr', ['subnet', 'create', '--network', 'n', '--cidr', '10.0.0.0/33', 's'], /not an IPv4 CIDR/],
    ['bad gateway', ['subnet', 'create', '--network', 'n', '--cidr', '10.0.0.0/24', '--gateway', 'x', 's'], /IPv4/],
    [
      'half a pool',
      ['subnet', 'create', '--network', 'n', '--cidr', '10.0.0.0/24', '--allocation-pool', 'start=10.0.0.5', 's'],
      /both start= and end=/,
    ],
    ['bad dns', ['subnet', 'create', '--network', 'n', '--cidr', '10.0.0.0/24', '--dns', '8.8.8', 's'], /IPv4/],
    ['port without network', ['port', 'create', 'p'], /required option '--network/],
    ['empty fixed ip', ['port', 'create', '--network', 'n', '--fixed-ip', 'ip=', 'p'], /IPv4|needs ip= or subnet=/],
    ['fixed ip junk', ['port', 'create', '--network', 'n', '--fixed-ip', '10.0.0.5', 'p'], /key=value/],
    ['bad mac', ['port', 'create', '--network', 'n', '--mac-address', 'zz', 'p'], /MAC/],
    [
      'ingress and egress',
      [...rule, '--ingress', '--egress', 'sg'],
      /'--ingress' cannot be used with option '--egress'/,
    ],
    ['both remotes', [...rule, '--remote-ip', '10.0.0.0/8', '--remote-group', 'g', 'sg'], /cannot be used with/],
    ['bad port', [...rule, '--protocol', 'tcp', '--dst-port', '22-23', 'sg'], /--dst-port.*not a port number/],
    ['port 0', [...rule, '--protocol', 'tcp', '--dst-port', '0', 'sg'], /outside 1-65535/],
    ['backwards range', [...rule, '--protocol', 'udp', '--dst-port', '53:1', 'sg'], /backwards/],
    ['port without tcp/udp', [...rule, '--dst-port', '22', 'sg'], /--dst-port needs --protocol tcp or udp/],
    ['bad protocol', [...rule, '--protocol', 'sctp', 'sg'], /Allowed choices are tcp, udp, icmp, any/],
    ['bad remote ip', [...rule, '--remote-ip', '10.0.0.0/99', 'sg'], /not an IPv4 CIDR/],
    ['icmp code alone', [...rule, '--protocol', 'icmp', '--icmp-code', '0', 'sg'], /--icmp-code needs --icmp-type/],
    ['rule without group', [...rule, '--ingress'], /missing required argument 'group'/],
    ['rule delete without id', ['security', 'group', 'rule', 'delete'], /missing required argument 'rule-id'/],
  ];
  for (const [name, argv, pattern] of bad) it(name, () => assertUsageError(argv, pattern));
});

describe('networking commands against a fake API', () => {
  it('network create sends the flags and shows the network', async () => {
    let req: unknown;
    const api = {
      CreateNetwork: async (r: unknown) => {
        req = r;
        return { id: 'n1', name: 'web', providerType: 'vxlan', segmentationId: 1001, mtu: 1400, subnetIds: [] };
      },
    };
    const r = await cli(['network', 'create', '--mtu', '1400', 'web'], fakeSession({ networks: api }));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(req, { name: 'web', providerType: 'vxlan', physicalBridge: '', mtu: 1400 });
    assert.match(r.stdout, /\| Segmentation ID +\| 1001 +\|/);
  });

  it('network list follows pages; -f json prints the API objects', async () => {
    const nets = [
      { id: 'n1', name: 'a', providerType: 'vxlan', segmentationId: 7, mtu: 1450, subnetIds: ['s1', 's2'] },
      { id: 'n2', name: 'b', providerType: 'flat', physicalBridge: 'br-ex', mtu: 1500, subnetIds: [] },
    ];
    const api = {
      ListNetworks: async (q: { pageToken: string }) =>
        q.pageToken ? { networks: [nets[1]], nextPageToken: '' } : { networks: [nets[0]], nextPageToken: 'x' },
    };
    const table = await cli(['network', 'list'], fakeSession({ networks: api }));
    assert.match(
      table.stdout,
      /\| n1 +\| a +\| vxlan +\| 7 +\| 1450 +\| s1 +\| +\|\n\| +\| +\| +\| +\| +\| s2 +\| +\|/,
    );
    assert.match(table.stdout, /\| n2 +\| b +\| flat +\| br-ex +\| 1500 +\|/);
    const json = await cli(['network', 'list', '-f', 'json'], fakeSession({ networks: api }));
    assert.deepEqual(JSON.parse(json.stdout), nets);
  });

  it('subnet create: pools, DNS servers, gateway none, --no-dhcp', async () => {
    let req: unknown;
    const subnet = {
      id: 's1',
      name: 'sub',
      networkId: 'n1',
      cidr: '10.0.0.0/24',
      gatewayIp: '',
      allocationPools: [{ start: '10.0.0.10', end: '10.0.0.20' }],
      dnsServers: ['192.0.2.53'],
      enableDhcp: false,
      dhcpServerIp: '',
    };
    const api = {
      CreateSubnet: async (r: unknown) => {
        req = r;
        return subnet;
      },
    };
    const argv = ['subnet', 'create', 'sub', '--network', 'net', '--cidr', '10.0.0.0/24', '--gateway', 'none'];
    argv.push(
      '--allocation-pool',
      'start=10.0.0.10,end=10.0.0.20',
      '--allocation-pool',
      'start=10.0.0.30,end=10.0.0.40',
    );
    argv.push('--dns', '192.0.2.53', '--dns', '192.0.2.54', '--no-dhcp');
    const r = await cli(argv, fakeSession({ subnets: api }));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(req, {
      name: 'sub',
      network: 'net',
      cidr: '10.0.0.0/24',
      gatewayIp: 'none',
      allocationPools: [
        { start: '10.0.0.10', end: '10.0.0.20' },
        { start: '10.0.0.30', end: '10.0.0.40' },
      ],
      dnsServers: ['192.0.2.53', '192.0.2.54'],
      disableDhcp: true,
    });
    assert.match(r.stdout, /\| Allocation Pools +\| 10\.0\.0\.10-10\.0\.0\.20 +\|/);
  });

  it('subnet and port list pass --network', async () => {
    const seen: unknown[] = [];
    const subnets = {
      ListSubnets: async (q: unknown) => {
        seen.push(q);
        return { subnets: [], nextPageToken: '' };
      },
    };
    const ports = {
      ListPorts: async (q: unknown) => {
        seen.push(q);
        return { ports: [], nextPageToken: '' };
      },
    };
    const f = fakeSession({ subnets, ports });
    assert.equal((await cli(['subnet', 'list', '--network', 'web'], f)).code, 0);
    assert.equal((await cli(['port', 'list', '--network', 'web', '-f', 'json'], f)).stdout, '[]\n');
    assert.deepEqual(seen, [
      { pageToken: '', network: 'web', allProjects: false },
      { pageToken: '', network: 'web', deviceId: '', allProjects: false },
    ]);
  });

  it('subnet list names the network (one network listing), ids when it cannot list them', async () => {
    const subnets = {
      ListSubnets: async () => ({
        subnets: [{ id: 's1', name: 'v4', networkId: 'n1', cidr: '10.0.0.0/24', gatewayIp: '', enableDhcp: true }],
        nextPageToken: '',
      }),
    };
    let listed = 0;
    const networks = {
      ListNetworks: async () => {
        listed++;
        return { networks: [{ id: 'n1', name: 'web' }], nextPageToken: '' };
      },
    };
    const named = await cli(['subnet', 'list', '-f', 'value', '-c', 'Network'], fakeSession({ subnets, networks }));
    assert.equal(named.stdout, 'web\n');
    const json = await cli(['subnet', 'list', '-f', 'json'], fakeSession({ subnets, networks }));
    assert.equal(JSON.parse(json.stdout)[0].networkId, 'n1');
    assert.equal(listed, 1, 'json without -c lists no networks');
    const denied = {
      ListNetworks: async () => {
        throw new StratoError('PERMISSION_DENIED', 'PERMISSION_DENIED', 'no');
      },
    };
    const ids = await cli(
      ['subnet', 'list', '-f', 'value', '-c', 'Network'],
      fakeSession({ subnets, networks: denied }),
    );
    assert.equal(ids.stdout, 'n1\n');
  });

  it('port list --device takes a server name or id: resolved to the id the API filters by', async () => {
    const seen: unknown[] = [];
    const servers = {
      GetServer: async (q: { server: string }) => {
        seen.push(q);
        if (q.server === 'demo-1' || q.server === 'a5d1c0de-0000-4000-8000-000000000001') {
          return { id: 'a5d1c0de-0000-4000-8000-000000000001', name: 'demo-1' };
        }
        throw new StratoError('NOT_FOUND', 'SERVER_NOT_FOUND', `server ${q.server} not found`);
      },
    };
    const ports = {
      ListPorts: async (q: unknown) => {
        seen.push(q);
        return { ports: [], nextPageToken: '' };
      },
    };
    const f = fakeSession({ servers, ports });
    const byName = await cli(['port', 'list', '--device', 'demo-1', '--network', 'web'], f);
    assert.equal(byName.code, 0, byName.stderr);
    assert.deepEqual(seen, [
      { server: 'demo-1' },
      { pageToken: '', network: 'web', deviceId: 'a5d1c0de-0000-4000-8000-000000000001', allProjects: false },
    ]);

    seen.length = 0;
    const missing = await cli(['port', 'list', '--device', 'demo-9'], f);
    assert.equal(missing.code, EXIT.NOT_FOUND);
    assert.equal(missing.stdout, '');
    assert.match(
      missing.stderr,
      /^strato: error: --device: server demo-9 not found \(code NOT_FOUND, reason SERVER_NOT_FOUND/,
    );
    assert.deepEqual(seen, [{ server: 'demo-9' }], 'no ListPorts: nothing silently matches nothing');
  });

  it('port create: fixed IPs and security groups', async () => {
    let req: unknown;
    const api = {
      CreatePort: async (r: unknown) => {
        req = r;
        return {
          id: 'p1',
          name: 'p',
          networkId: 'n1',
          macAddress: 'fa:16:3e:00:00:01',
          fixedIps: [{ subnetId: 's1', ipAddress: '10.0.0.5' }],
          securityGroupIds: ['g1'],
        };
      },
    };
    const argv = ['port', 'create', 'p', '--network', 'net', '--fixed-ip', 'ip=10.0.0.5,subnet=sub'];
    argv.push('--fixed-ip', 'subnet=other', '--security-group', 'web', '--security-group', 'ssh');
    const r = await cli(argv, fakeSession({ ports: api }));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(req, {
      name: 'p',
      network: 'net',
      fixedIps: [{ ipAddress: '10.0.0.5', subnet: 'sub' }, { subnet: 'other' }],
      securityGroups: ['web', 'ssh'],
      macAddress: '',
    });
    assert.match(r.stdout, /\| Fixed IP Addresses +\| ip_address=10\.0\.0\.5, subnet_id=s1 +\|/);
  });

  it('rule create sends direction, protocol, ports and remote; rule list and group show print rules', async () => {
    let req: unknown;
    const made = {
      id: 'r1',
      securityGroupId: 'g1',
      direction: 'egress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      portRangeMin: 80,
      portRangeMax: 81,
      remoteIpPrefix: '10.0.0.0/8',
      remoteGroupId: '',
    };
    const group = { id: 'g1', name: 'web', description: 'd', projectId: 'p', rules: [made], createdAt: 't' };
    const api = {
      CreateSecurityGroupRule: async (r: unknown) => {
        req = r;
        return made;
      },
      GetSecurityGroup: async () => group,
    };
    const f = fakeSession({ securityGroups: api });
    const argv = ['security', 'group', 'rule', 'create', '--egress', '--protocol', 'tcp', '--dst-port', '80:81'];
    const r = await cli([...argv, '--remote-ip', '10.0.0.0/8', 'web'], f);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(req, {
      securityGroup: 'web',
      direction: 'egress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      portRangeMin: 80,
      portRangeMax: 81,
      remoteIpPrefix: '10.0.0.0/8',
      remoteGroup: '',
    });
    assert.match(r.stdout, /\| Ports +\| 80:81 +\|/);
    const list = await cli(['security', 'group', 'rule', 'list', 'web'], f);
    assert.match(list.stdout, /\| r1 +\| egress +\| tcp +\| 80:81 +\| 10\.0\.0\.0\/8 +\| +\|/);
    const show = await cli(['security', 'group', 'show', 'web'], f);
    assert.match(show.stdout, /\| Rules +\| egress tcp 80:81 to 10\.0\.0\.0\/8 \(id r1\) +\|/);
  });

  it('deletes go one by one and stop at the first error, reported with its exit code', async () => {
    const deleted: string[] = [];
    const api = {
      DeleteSecurityGroupRule: async (r: { ruleId: string }) => {
        if (r.ruleId === 'gone') {
          throw new StratoError('NOT_FOUND', 'SECURITY_GROUP_RULE_NOT_FOUND', 'security group rule gone not found');
        }
        deleted.push(r.ruleId);
        return {};
      },
    };
    const f = fakeSession({ securityGroups: api });
    const r = await cli(['security', 'group', 'rule', 'delete', 'r1', 'gone', 'r3'], f);
    assert.equal(r.code, EXIT.NOT_FOUND);
    assert.deepEqual(deleted, ['r1']);
    assert.equal(
      r.stderr,
      'strato: error: security group rule gone not found ' +
        `(code NOT_FOUND, reason SECURITY_GROUP_RULE_NOT_FOUND, request id ${f.requestIds[0]})\n`,
    );
  });

  it('an overlapping subnet is one error line with exit 1', async () => {
    const api = {
      CreateSubnet: async () => {
        throw new StratoError('FAILED_PRECONDITION', 'SUBNET_OVERLAP', '10.0.0.0/25 overlaps subnet a (10.0.0.0/24)');
      },
    };
    const r = await cli(
      ['subnet', 'create', 'b', '--network', 'n', '--cidr', '10.0.0.0/25'],
      fakeSession({ subnets: api }),
    );
    assert.equal(r.code, EXIT.ERROR);
    assert.match(r.stderr, /^strato: error: .*overlaps.* \(code FAILED_PRECONDITION, reason SUBNET_OVERLAP, /);
  });
});
