// Quotas and key pairs through the real conductor's public API (TLS, tokens),
// with a compute host from the fake agent and a storage host whose storage
// role is REAL (the file backend and tgt in a namespace of this test,
// tgt-lab.ts): 10 concurrent creates of servers, volumes and ports against a
// limit of 3 never make more than 3 (the rest RESOURCE_EXHAUSTED/QUOTA_EXCEEDED
// naming the resource, nothing of theirs left behind), usage follows deletes,
// GetQuota/SetQuota keep to their project and role, and key pairs are their
// user's only, reaching the host in the spawn request of a server created
// with key_name.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, it } from 'node:test';
import { isStratoError, type StratoError } from '../../../common/errors.ts';
import type { Quota__Output } from '../../../common/gen/strato/identity/v1/Quota.ts';
import { changesSince, quietRevision } from '../../harness/store-changes.ts';
import { waitFor } from '../../harness/wait.ts';
import { TgtLab } from '../storage/tgt-lab.ts';
import { type Api, closeApi, type Env, login, startEnv, uploadImage, waitServer } from './helpers.ts';

const inUse = (q: Quota__Output, resource: string) => Number(q.usage.find((u) => u.resource === resource)?.inUse);
const limitOf = (q: Quota__Output, resource: string) => q.usage.find((u) => u.resource === resource)?.limit;

/** 10 calls at once: what succeeded, and the errors (each must be QUOTA_EXCEEDED on `resource` at limit 3). */
async function tenAgainstThree(resource: string, create: (i: number) => Promise<unknown>) {
  const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => create(i)));
  const errors = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
  assert.equal(results.length - errors.length, 3, `${resource}: three made`);
  for (const e of errors as StratoError[]) {
    assert.ok(isStratoError(e, 'RESOURCE_EXHAUSTED'), `${resource}: ${e}`);
    assert.equal(e.reason, 'QUOTA_EXCEEDED');
    assert.deepEqual([e.details.resource, e.details.limit, e.details.requested], [resource, '3', '1']);
  }
}

describe('conductor: quotas and key pairs', () => {
  let env: Env;
  let lab: TgtLab;
  let db: DatabaseSync;
  let ann: Api;
  let ben: Api;
  let olga: Api;
  let projectA = '';
  before(async () => {
    lab = await new TgtLab().open();
    env = await startEnv(['st-1', 'hv-2'], { volumeTimeoutS: 20 });
    db = new DatabaseSync(join(env.config.dataDir as string, 'state.db'), { readOnly: true });
    await env.startAgent('st-1', {
      underlayIp: lab.targetIp,
      storage: { tgtadm: lab.tgtadm, portal: { address: lab.targetIp, port: 3260 }, netns: lab.targetNs },
    });
    await env.startAgent('hv-2', { underlayIp: lab.initiatorIp, networkRole: true });
    await uploadImage(env.admin, env.dir, 'img', true, 16);
    await env.admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 64, diskGib: 1 });
    projectA = (await env.admin.identity.CreateProject({ name: 'qa' })).id;
    await env.admin.identity.CreateProject({ name: 'qo' });
    for (const [name, project] of [
      ['ann', 'qa'],
      ['ben', 'qa'],
      ['olga', 'qo'],
    ]) {
      await env.admin.identity.CreateUser({ name, password: `${name}-secret-pw`, project, role: 'member' });
    }
    const ca = join(env.tls, 'ca.crt');
    ann = await login(env.apiAddress, ca, 'ann', 'ann-secret-pw');
    ben = await login(env.apiAddress, ca, 'ben', 'ben-secret-pw');
    olga = await login(env.apiAddress, ca, 'olga', 'olga-secret-pw');
  });
  after(async () => {
    db?.close();
    for (const api of [ann, ben, olga]) if (api) closeApi(api);
    await env?.close();
    await lab?.close();
  });

  it('GetQuota shows the own project (defaults, usage); another project is NOT_FOUND; admins see any', async () => {
    const q = await ann.quotas.GetQuota({ project: '' });
    assert.equal(q.projectId, projectA);
    assert.deepEqual(
      q.usage.map((u) => [u.resource, u.limit, u.inUse, u.isDefault]),
      [
        ['instances', '10', '0', true],
        ['cores', '20', '0', true],
        ['ram', '51200', '0', true],
        ['volumes', '10', '0', true],
        ['gigabytes', '1000', '0', true],
        ['snapshots', '10', '0', true],
        ['networks', '100', '0', true],
        ['ports', '500', '0', true],
        ['security_groups', '10', '1', true],
        ['floating_ips', '50', '0', true],
        ['routers', '10', '0', true],
      ],
      'the default security group counts',
    );
    assert.equal((await ann.quotas.GetQuota({ project: 'qa' })).projectId, projectA);
    for (const ref of ['qo', 'no-such-project']) {
      await assert.rejects(ann.quotas.GetQuota({ project: ref }), { code: 'NOT_FOUND', reason: 'PROJECT_NOT_FOUND' });
    }
    assert.equal((await env.admin.quotas.GetQuota({ project: 'qa' })).projectId, projectA);
  });

  it('SetQuota is for admins; bad limits are refused naming the field, changing nothing', async () => {
    const before = await quietRevision(db);
    await assert.rejects(ann.quotas.SetQuota({ project: 'qa', instances: 100 }), {
      code: 'PERMISSION_DENIED',
      reason: 'ADMIN_REQUIRED',
    });
    for (const [field, value] of [
      ['instances', -2],
      ['ram', '99999999999999999'],
      ['floating_ips', 2 ** 41],
    ] as const) {
      const camel = field.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      await assert.rejects(env.admin.quotas.SetQuota({ project: 'qa', [camel]: value }), (e: unknown) => {
        assert.ok(isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'QUOTA_LIMIT_INVALID', String(e));
        assert.equal(e.details.field, field);
        return true;
      });
    }
    await assert.rejects(env.admin.quotas.SetQuota({ project: 'qa' }), { code: 'INVALID_ARGUMENT' });
    await assert.rejects(env.admin.quotas.SetQuota({ project: 'nope', cores: 1 }), { code: 'NOT_FOUND' });
    assert.deepEqual(changesSince(db, before), []);
    const q = await env.admin.quotas.SetQuota({ project: 'qa', instances: 3, floatingIps: -1 });
    assert.deepEqual([limitOf(q, 'instances'), limitOf(q, 'floating_ips'), limitOf(q, 'cores')], ['3', '-1', '20']);
    assert.equal(q.usage.find((u) => u.resource === 'instances')?.isDefault, false);
  });

  it('10 concurrent servers against instances 3: three are made, and a deleted one frees its share', async () => {
    await env.admin.quotas.SetQuota({ project: 'qa', instances: 3 });
    await tenAgainstThree('instances', (i) =>
      ann.servers.CreateServer({ name: `vm${i}`, image: 'img', flavor: 'small' }),
    );
    const { servers } = await ann.servers.ListServers({});
    assert.equal(servers.length, 3);
    for (const s of servers) await waitServer(ann, s.id, (x) => x.vmState === 'ACTIVE', 20_000);
    assert.equal(
      env.agents.reduce((n, a) => n + a.instances.size, 0),
      3,
      'three guests on the hosts (both have the compute role)',
    );
    const q = await ann.quotas.GetQuota({ project: '' });
    assert.deepEqual([inUse(q, 'instances'), inUse(q, 'cores'), inUse(q, 'ram')], [3, 3, 192]);
    // Lowered below usage: allowed; nothing goes, new servers are refused.
    await env.admin.quotas.SetQuota({ project: 'qa', instances: 2 });
    await assert.rejects(ben.servers.CreateServer({ name: 'late', image: 'img', flavor: 'small' }), {
      reason: 'QUOTA_EXCEEDED',
    });
    await env.admin.quotas.SetQuota({ project: 'qa', instances: 3 });
    await ann.servers.DeleteServer({ server: servers[0]!.id });
    await waitFor(
      () => ann.quotas.GetQuota({ project: '' }),
      (x) => inUse(x, 'instances') === 2,
      { what: 'the deleted server to free its share', timeoutMs: 20_000, intervalMs: 50 },
    );
    const again = await ben.servers.CreateServer({ name: 'again', image: 'img', flavor: 'small' });
    assert.equal(again.vmState, 'BUILD');
    for (const s of (await ann.servers.ListServers({})).servers) await ann.servers.DeleteServer({ server: s.id });
    await waitFor(
      () => ann.quotas.GetQuota({ project: '' }),
      (x) => inUse(x, 'instances') === 0 && inUse(x, 'cores') === 0 && inUse(x, 'ram') === 0,
      { what: 'every server to give its share back', timeoutMs: 30_000, intervalMs: 50 },
    );
  });

  it('10 concurrent volumes against volumes 3 on the real storage host; gigabytes follow', async () => {
    await env.admin.quotas.SetQuota({ project: 'qa', volumes: 3 });
    await tenAgainstThree('volumes', (i) => ann.volumes.CreateVolume({ name: `v${i}`, sizeGib: 1 }));
    const { volumes } = await ann.volumes.ListVolumes({});
    assert.equal(volumes.length, 3);
    const { backends } = await env.admin.volumes.ListVolumeBackends({});
    assert.equal(backends[0]?.volumeCount, 3, 'the storage host holds three');
    await env.admin.quotas.SetQuota({ project: 'qa', gigabytes: 4 });
    await assert.rejects(ann.volumes.CreateVolume({ name: 'too-big', sizeGib: 2 }), (e: unknown) => {
      assert.ok(isStratoError(e, 'RESOURCE_EXHAUSTED'));
      // volumes is full too; it is named first.
      assert.equal(e.details.resource, 'volumes');
      return true;
    });
    for (const v of volumes) {
      await waitFor(
        () => ann.volumes.GetVolume({ volume: v.id }),
        (x) => x.status === 'available',
        {
          what: `volume ${v.name}`,
          timeoutMs: 30_000,
          intervalMs: 50,
        },
      );
    }
    await assert.rejects(ann.volumes.ExtendVolume({ volume: volumes[0]!.id, newSizeGib: 3 }), (e: unknown) => {
      assert.ok(isStratoError(e, 'RESOURCE_EXHAUSTED'));
      assert.deepEqual([e.details.resource, e.details.in_use, e.details.requested], ['gigabytes', '3', '2']);
      return true;
    });
    for (const v of volumes) await ann.volumes.DeleteVolume({ volume: v.id });
    await waitFor(
      () => ann.quotas.GetQuota({ project: '' }),
      (x) => inUse(x, 'volumes') === 0 && inUse(x, 'gigabytes') === 0,
      { what: 'deleted volumes to give their share back', timeoutMs: 30_000, intervalMs: 50 },
    );
  });

  it('10 concurrent ports against ports 3', async () => {
    await env.admin.quotas.SetQuota({ project: 'qa', ports: 3 });
    const n = await ann.networks.CreateNetwork({ name: 'qnet' });
    await ann.subnets.CreateSubnet({ name: 'qsub', network: n.id, cidr: '10.77.0.0/24', disableDhcp: true });
    await tenAgainstThree('ports', (i) => ann.ports.CreatePort({ name: `p${i}`, network: n.id }));
    assert.equal((await ann.ports.ListPorts({})).ports.length, 3);
    assert.equal(inUse(await ann.quotas.GetQuota({ project: '' }), 'ports'), 3);
    // A server whose port cannot fit is refused before anything is made.
    const before = (await ann.servers.ListServers({})).servers.length;
    await assert.rejects(
      ann.servers.CreateServer({ name: 'nic', image: 'img', flavor: 'small', networks: [{ network: n.id }] }),
      (e: unknown) => isStratoError(e, 'RESOURCE_EXHAUSTED') && e.details.resource === 'ports',
    );
    assert.equal((await ann.servers.ListServers({})).servers.length, before);
    for (const p of (await ann.ports.ListPorts({})).ports) await ann.ports.DeletePort({ port: p.id });
    await ann.networks.DeleteNetwork({ network: n.id });
    const q = await ann.quotas.GetQuota({ project: '' });
    assert.deepEqual([inUse(q, 'ports'), inUse(q, 'networks')], [0, 0]);
  });

  it("10 concurrent routers and floating IPs against 3 each; a router's own ports are not ports", async () => {
    await env.admin.quotas.SetQuota({ project: 'qa', routers: 3, floatingIps: 3 });
    const ext = await env.admin.networks.CreateNetwork({
      name: 'qpub',
      providerType: 'flat',
      physicalBridge: 'qpub0',
      external: true,
    });
    await env.admin.subnets.CreateSubnet({
      name: 'qpub-sub',
      network: ext.id,
      cidr: '198.51.100.0/24',
      disableDhcp: true,
    });
    await tenAgainstThree('routers', (i) => ann.routers.CreateRouter({ name: `r${i}`, externalGateway: 'qpub' }));
    await tenAgainstThree('floating_ips', () => ann.floatingIps.CreateFloatingIp({ floatingNetwork: 'qpub' }));
    const routers = (await ann.routers.ListRouters({})).routers;
    const fips = (await ann.floatingIps.ListFloatingIps({})).floatingIps;
    assert.deepEqual([routers.length, fips.length], [3, 3]);
    let q = await ann.quotas.GetQuota({ project: '' });
    assert.deepEqual([inUse(q, 'routers'), inUse(q, 'floating_ips'), inUse(q, 'ports')], [3, 3, 0]);
    // The losers left no gateway address behind: 3 gateways and 3 floating IPs hold addresses.
    const held = (await env.admin.subnets.GetSubnet({ subnet: 'qpub-sub' })).id;
    const rows = db.prepare('SELECT count(*) AS n FROM kv WHERE key LIKE ?').get(`/network/ipam/${held}/%`) as {
      n: number;
    };
    assert.equal(rows.n, 6);
    for (const f of fips) await ann.floatingIps.DeleteFloatingIp({ floatingIp: f.id });
    for (const r of routers) await ann.routers.DeleteRouter({ router: r.id });
    q = await ann.quotas.GetQuota({ project: '' });
    assert.deepEqual([inUse(q, 'routers'), inUse(q, 'floating_ips')], [0, 0]);
    await env.admin.networks.DeleteNetwork({ network: ext.id });
  });

  it("key pairs are their user's only, and a server's key reaches its host in the spawn request", async () => {
    const made = await ann.keyPairs.CreateKeyPair({ name: 'annkey' });
    assert.match(made.privateKey, /^-----BEGIN OPENSSH PRIVATE KEY-----/);
    assert.match(made.keyPair?.fingerprint ?? '', /^SHA256:[A-Za-z0-9+/]{43}$/);
    assert.doesNotMatch(JSON.stringify(await ann.keyPairs.GetKeyPair({ keyPair: 'annkey' })), /PRIVATE/);
    const imported = await ben.keyPairs.ImportKeyPair({
      name: 'benkey',
      publicKey: made.keyPair?.publicKey.replace('annkey', 'ben@laptop') ?? '',
    });
    assert.equal(imported.fingerprint, made.keyPair?.fingerprint, 'same key, same fingerprint');
    assert.deepEqual(
      (await ann.keyPairs.ListKeyPairs({})).keyPairs.map((k) => k.name),
      ['annkey'],
    );
    const before = await quietRevision(db);
    for (const [api, who] of [
      [ben, 'a teammate'],
      [olga, "another project's user"],
      [env.admin, 'an admin'],
    ] as const) {
      await assert.rejects(api.keyPairs.GetKeyPair({ keyPair: 'annkey' }), { code: 'NOT_FOUND' }, who);
      await assert.rejects(api.keyPairs.DeleteKeyPair({ keyPair: 'annkey' }), { code: 'NOT_FOUND' }, who);
      await assert.rejects(
        api.servers.CreateServer({ name: 'stolen', image: 'img', flavor: 'small', keyName: 'annkey' }),
        (e: unknown) =>
          isStratoError(e, 'NOT_FOUND') && e.reason === 'KEYPAIR_NOT_FOUND' && e.details.key_name === 'annkey',
        who,
      );
    }
    await assert.rejects(ann.keyPairs.ImportKeyPair({ name: 'weak', publicKey: 'ssh-rsa AAAAB3NzaC1yc2E= x' }), {
      code: 'INVALID_ARGUMENT',
      reason: 'PUBLIC_KEY_INVALID',
    });
    assert.deepEqual(changesSince(db, before), [], 'refusals change nothing');

    const s = await ann.servers.CreateServer({ name: 'keyed', image: 'img', flavor: 'small', keyName: 'annkey' });
    assert.equal(s.keyName, 'annkey');
    await waitServer(ann, s.id, (x) => x.vmState === 'ACTIVE', 20_000);
    // The key pair goes; the server keeps the key it got.
    await ann.keyPairs.DeleteKeyPair({ keyPair: 'annkey' });
    assert.equal((await ann.servers.GetServer({ server: s.id })).keyName, 'annkey');
    const spec = env.agents.map((a) => a.instances.get(s.id)?.spec).find(Boolean);
    assert.deepEqual(spec?.publicKeys, [{ name: 'annkey', key: made.keyPair?.publicKey }]);
    await ann.servers.DeleteServer({ server: s.id });
  });
});
