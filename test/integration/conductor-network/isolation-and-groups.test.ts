// Project isolation and security groups over real gRPC with a real SQLite store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CreateSecurityGroupRuleRequest } from '../../../common/gen/strato/network/v1/CreateSecurityGroupRuleRequest.ts';
import { rejection } from '../../harness/errors.ts';
import { type NetFixture, portReq, startNetworkApi, subnetReq } from './network-fixture.ts';

const ruleReq = (group: string, o: Partial<CreateSecurityGroupRuleRequest> = {}): CreateSecurityGroupRuleRequest => ({
  securityGroup: group,
  direction: 'ingress',
  ethertype: '',
  protocol: 'tcp',
  portRangeMin: 0,
  portRangeMax: 0,
  remoteIpPrefix: '',
  remoteGroup: '',
  ...o,
});

describe('project isolation', () => {
  let f: NetFixture;
  before(async () => {
    f = await startNetworkApi();
  });
  after(() => f?.close());

  it("hides another project's networks, subnets, ports and groups (NOT_FOUND), also from names", async () => {
    const a = await f.member('proj-a');
    const b = await f.member('proj-b');
    const n = await f.networks.CreateNetwork({ name: 'secret', providerType: '', physicalBridge: '', mtu: 0 }, a);
    const s = await f.subnets.CreateSubnet(subnetReq(n.id, '10.9.0.0/24', { name: 'secret-sub' }), a);
    const p = await f.ports.CreatePort(portReq(n.id, { name: 'secret-port' }), a);
    const g = await f.groups.CreateSecurityGroup({ name: 'secret-sg', description: '' }, a);

    const defaultRule = (await f.groups.GetSecurityGroup({ securityGroup: 'default' }, a)).rules[0]!.id;
    const afterSetup = await f.store.status();
    // Thunks: each call starts only when the loop awaits it.
    const attempts: [() => Promise<unknown>, string][] = [
      [() => f.networks.GetNetwork({ network: n.id }, b), 'NETWORK_NOT_FOUND'],
      [() => f.networks.GetNetwork({ network: 'secret' }, b), 'NETWORK_NOT_FOUND'],
      [() => f.networks.DeleteNetwork({ network: n.id }, b), 'NETWORK_NOT_FOUND'],
      [() => f.subnets.GetSubnet({ subnet: s.id }, b), 'SUBNET_NOT_FOUND'],
      [() => f.subnets.DeleteSubnet({ subnet: s.id }, b), 'SUBNET_NOT_FOUND'],
      [() => f.subnets.CreateSubnet(subnetReq(n.id, '10.10.0.0/24', { name: 'x' }), b), 'NETWORK_NOT_FOUND'],
      [() => f.ports.CreatePort(portReq(n.id), b), 'NETWORK_NOT_FOUND'],
      [() => f.ports.GetPort({ port: p.id }, b), 'PORT_NOT_FOUND'],
      [() => f.ports.DeletePort({ port: p.id }, b), 'PORT_NOT_FOUND'],
      [() => f.groups.GetSecurityGroup({ securityGroup: g.id }, b), 'SECURITY_GROUP_NOT_FOUND'],
      [() => f.groups.DeleteSecurityGroup({ securityGroup: g.id }, b), 'SECURITY_GROUP_NOT_FOUND'],
      [() => f.groups.CreateSecurityGroupRule(ruleReq(g.id), b), 'SECURITY_GROUP_NOT_FOUND'],
      [() => f.groups.DeleteSecurityGroupRule({ ruleId: defaultRule }, b), 'SECURITY_GROUP_RULE_NOT_FOUND'],
    ];
    for (const [call, reason] of attempts) {
      const err = await rejection(call());
      assert.equal(`${err.code}/${err.reason}`, `NOT_FOUND/${reason}`);
    }
    assert.equal((await f.store.status()).revision, afterSetup.revision, 'foreign calls changed nothing');

    // b's own network cannot take a's groups either.
    const bn = await f.networks.CreateNetwork({ name: 'mine', providerType: '', physicalBridge: '', mtu: 0 }, b);
    const foreign = await rejection(f.ports.CreatePort(portReq(bn.id, { securityGroups: [g.id] }), b));
    assert.equal(foreign.reason, 'SECURITY_GROUP_NOT_FOUND');

    const listB = await f.networks.ListNetworks({ pageSize: 0, pageToken: '', allProjects: false }, b);
    assert.deepEqual(
      listB.networks.map((x) => x.name),
      ['mine'],
    );
    const portsB = await f.ports.ListPorts(
      { pageSize: 0, pageToken: '', network: '', deviceId: '', allProjects: false },
      b,
    );
    assert.deepEqual(portsB.ports, []);
    const all = await rejection(f.networks.ListNetworks({ pageSize: 0, pageToken: '', allProjects: true }, b));
    assert.equal(`${all.code}/${all.reason}`, 'PERMISSION_DENIED/ADMIN_REQUIRED');

    // Admins see everything by id and with all_projects.
    assert.equal((await f.networks.GetNetwork({ network: n.id }, f.admin)).id, n.id);
    const adminAll = await f.networks.ListNetworks({ pageSize: 0, pageToken: '', allProjects: true }, f.admin);
    assert.deepEqual(adminAll.networks.map((x) => x.id).sort(), [n.id, bn.id].sort());
    // The port survived every foreign attempt.
    assert.equal((await f.ports.GetPort({ port: p.id }, a)).id, p.id);
  });

  it('paginates in name order', async () => {
    const m = await f.member('pager');
    for (const name of ['n-c', 'n-a', 'n-e', 'n-b', 'n-d']) {
      await f.networks.CreateNetwork({ name, providerType: '', physicalBridge: '', mtu: 0 }, m);
    }
    const names: string[] = [];
    let pageToken = '';
    do {
      const page = await f.networks.ListNetworks({ pageSize: 2, pageToken, allProjects: false }, m);
      assert.ok(page.networks.length <= 2);
      names.push(...page.networks.map((x) => x.name));
      pageToken = page.nextPageToken;
    } while (pageToken !== '');
    assert.deepEqual(names, ['n-a', 'n-b', 'n-c', 'n-d', 'n-e']);
  });

  it('refuses calls without a token', async () => {
    const err = await rejection(f.networks.ListNetworks({ pageSize: 0, pageToken: '', allProjects: false }));
    assert.equal(`${err.code}/${err.reason}`, 'UNAUTHENTICATED/TOKEN_MISSING');
  });
});

describe('security groups', () => {
  let f: NetFixture;
  before(async () => {
    f = await startNetworkApi();
  });
  after(() => f?.close());

  it('gives every project its default group with the project', async () => {
    const m = await f.member('sg-lazy');
    const lists = await Promise.all(
      Array.from({ length: 5 }, () =>
        f.groups.ListSecurityGroups({ pageSize: 0, pageToken: '', allProjects: false }, m),
      ),
    );
    const ids = new Set(lists.flatMap((l) => l.securityGroups.map((g) => g.id)));
    assert.equal(ids.size, 1);
    const def = lists[0]!.securityGroups[0]!;
    assert.equal(def.name, 'default');
    const summary = def.rules.map(
      (r) => `${r.direction} ${r.protocol} ${r.remoteIpPrefix}${r.remoteGroupId === def.id ? 'self' : r.remoteGroupId}`,
    );
    assert.deepEqual(summary.sort(), ['egress any 0.0.0.0/0', 'ingress any self']);
    const dup = await rejection(f.groups.CreateSecurityGroup({ name: 'default', description: '' }, m));
    assert.equal(`${dup.code}/${dup.reason}`, 'ALREADY_EXISTS/SECURITY_GROUP_EXISTS');
    const del = await rejection(f.groups.DeleteSecurityGroup({ securityGroup: 'default' }, m));
    assert.equal(`${del.code}/${del.reason}`, 'FAILED_PRECONDITION/DEFAULT_SECURITY_GROUP');
  });

  it('adds, validates and deletes rules', async () => {
    const m = await f.member('sg-rules');
    const web = await f.groups.CreateSecurityGroup({ name: 'web', description: 'web servers' }, m);
    assert.deepEqual(web.rules, []);
    const ssh = await f.groups.CreateSecurityGroupRule(
      ruleReq('web', { portRangeMin: 22, remoteIpPrefix: '10.0.0.7/24' }),
      m,
    );
    assert.equal(ssh.remoteIpPrefix, '10.0.0.0/24', 'normalised');
    assert.equal(ssh.portRangeMax, 22);
    assert.equal(ssh.securityGroupId, web.id);
    const ping = await f.groups.CreateSecurityGroupRule(
      ruleReq(web.id, { protocol: 'icmp', icmpType: 8, remoteIpPrefix: '192.0.2.0/24' }),
      m,
    );
    assert.equal(ping.icmpType, 8);
    assert.equal(ping.icmpCode, undefined);
    const fromDefault = await f.groups.CreateSecurityGroupRule(
      ruleReq(web.id, { portRangeMin: 80, remoteGroup: 'default' }),
      m,
    );
    const def = await f.groups.GetSecurityGroup({ securityGroup: 'default' }, m);
    assert.equal(fromDefault.remoteGroupId, def.id);
    assert.equal(fromDefault.remoteIpPrefix, '');

    const dup = await rejection(
      f.groups.CreateSecurityGroupRule(
        ruleReq('web', { portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '10.0.0.0/24' }),
        m,
      ),
    );
    assert.equal(`${dup.code}/${dup.reason}`, 'ALREADY_EXISTS/SECURITY_GROUP_RULE_EXISTS');
    const before = await f.store.status();
    const table: [Partial<CreateSecurityGroupRuleRequest>, string][] = [
      [{ direction: 'sideways' }, 'DIRECTION_INVALID'],
      [{ ethertype: 'IPv6' }, 'ETHERTYPE_INVALID'],
      [{ protocol: 'gre' }, 'PROTOCOL_INVALID'],
      [{ protocol: 'icmp', portRangeMin: 22 }, 'PORT_RANGE_INVALID'],
      [{ portRangeMin: 100, portRangeMax: 10 }, 'PORT_RANGE_INVALID'],
      [{ protocol: 'tcp', icmpType: 8 }, 'ICMP_INVALID'],
      [{ remoteIpPrefix: '10.0.0.0/40' }, 'REMOTE_IP_PREFIX_INVALID'],
      [{ remoteIpPrefix: '10.0.0.0/8', remoteGroup: 'default' }, 'REMOTE_CONFLICT'],
    ];
    for (const [o, reason] of table) {
      const err = await rejection(f.groups.CreateSecurityGroupRule(ruleReq('web', o), m));
      assert.equal(`${err.code}/${err.reason}`, `INVALID_ARGUMENT/${reason}`, JSON.stringify(o));
    }
    const noRemote = await rejection(f.groups.CreateSecurityGroupRule(ruleReq('web', { remoteGroup: 'nope' }), m));
    assert.equal(noRemote.reason, 'SECURITY_GROUP_NOT_FOUND');
    assert.equal((await f.store.status()).revision, before.revision, 'refused rules changed nothing');

    await f.groups.DeleteSecurityGroupRule({ ruleId: ssh.id }, m);
    const after1 = await f.groups.GetSecurityGroup({ securityGroup: 'web' }, m);
    assert.deepEqual(after1.rules.map((r) => r.id).sort(), [ping.id, fromDefault.id].sort());
    const again = await rejection(f.groups.DeleteSecurityGroupRule({ ruleId: ssh.id }, m));
    assert.equal(`${again.code}/${again.reason}`, 'NOT_FOUND/SECURITY_GROUP_RULE_NOT_FOUND');
  });

  it('refuses to delete a group with member ports or named as a remote group', async () => {
    const m = await f.member('sg-use');
    const n = await f.networks.CreateNetwork({ name: 'sgnet', providerType: '', physicalBridge: '', mtu: 0 }, m);
    const app = await f.groups.CreateSecurityGroup({ name: 'app', description: '' }, m);
    const db = await f.groups.CreateSecurityGroup({ name: 'db', description: '' }, m);
    const port = await f.ports.CreatePort(portReq(n.id, { securityGroups: ['app', 'default'] }), m);
    assert.equal(port.securityGroupIds.length, 2);
    const inUse = await rejection(f.groups.DeleteSecurityGroup({ securityGroup: 'app' }, m));
    assert.equal(`${inUse.code}/${inUse.reason}`, 'FAILED_PRECONDITION/SECURITY_GROUP_IN_USE');
    await f.ports.DeletePort({ port: port.id }, m);

    const rule = await f.groups.CreateSecurityGroupRule(ruleReq('db', { portRangeMin: 5432, remoteGroup: 'app' }), m);
    const referenced = await rejection(f.groups.DeleteSecurityGroup({ securityGroup: app.id }, m));
    assert.equal(referenced.reason, 'SECURITY_GROUP_IN_USE');
    await f.groups.DeleteSecurityGroupRule({ ruleId: rule.id }, m);
    await f.groups.DeleteSecurityGroup({ securityGroup: app.id }, m);
    // A group whose own rules name itself can be deleted.
    await f.groups.CreateSecurityGroupRule(ruleReq('db', { remoteGroup: 'db' }), m);
    await f.groups.DeleteSecurityGroup({ securityGroup: db.id }, m);
    const gone = await rejection(f.groups.GetSecurityGroup({ securityGroup: db.id }, m));
    assert.equal(gone.reason, 'SECURITY_GROUP_NOT_FOUND');
  });

  it('never lets a port join a group that a concurrent delete removes', async () => {
    const m = await f.member('sg-race');
    const n = await f.networks.CreateNetwork({ name: 'racenet', providerType: '', physicalBridge: '', mtu: 0 }, m);
    for (let round = 0; round < 5; round++) {
      const g = await f.groups.CreateSecurityGroup({ name: `tmp-${round}`, description: '' }, m);
      const [port, del] = await Promise.allSettled([
        f.ports.CreatePort(portReq(n.id, { securityGroups: [g.id] }), m),
        f.groups.DeleteSecurityGroup({ securityGroup: g.id }, m),
      ]);
      const exists =
        (await Promise.allSettled([f.groups.GetSecurityGroup({ securityGroup: g.id }, m)]))[0]!.status === 'fulfilled';
      if (port.status === 'fulfilled') {
        assert.equal(exists, true, `round ${round}: a port joined a group that was then deleted`);
        assert.equal(del.status, 'rejected');
        await f.ports.DeletePort({ port: port.value.id }, m);
      } else {
        assert.equal((port.reason as { reason: string }).reason, 'SECURITY_GROUP_NOT_FOUND');
      }
      if (exists) await f.groups.DeleteSecurityGroup({ securityGroup: g.id }, m);
    }
  });
});
