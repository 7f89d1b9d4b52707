// Roles on every RPC, generated from the policy table (conductor/policy/table.ts)
// against the real conductor: a reader, a member and an admin of the project
// that owns the resources, the same three of another project, and the cloud
// admin call every RPC of the public API on the owner's resources (one of each
// type, created first: an image, a network with a subnet and a port, a
// security group with a rule, servers on a (fake) compute host, volumes and a
// snapshot on a storage host whose storage is real). Each call must end as the
// table says: PERMISSION_DENIED only for a role too weak in the caller's own
// project or an admin-only RPC; NOT_FOUND for the other project's callers
// whenever the request names the owner's resources (never PERMISSION_DENIED,
// which would reveal them); anything else means the call passed, and then
// nothing of the owner's shows in the other project's replies. Destructive
// calls that pass get a resource of their own. Then the owner's project cannot
// be deleted while it owns anything (the error names what remains), and can
// once it is empty, which ends its members' tokens.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isStratoError } from '../../../common/errors.ts';
import { generateEd25519 } from '../../../conductor/keypairs/generate.ts';
import { formatPublicKey } from '../../../conductor/keypairs/public-key.ts';
import type { Rule } from '../../../conductor/policy/rule.ts';
import { POLICY } from '../../../conductor/policy/table.ts';
import { run } from '../../harness/exec.ts';
import { waitFor } from '../../harness/wait.ts';
import { TgtLab } from '../storage/tgt-lab.ts';
import { type Api, closeApi, type Env, login, settled, startEnv, uploadImage, waitServer } from './helpers.ts';
import { isolationTable } from './isolation-table.ts';
import {
  type Caller,
  type Case,
  type Outcome,
  OWN_KEY,
  type Res,
  rpcCases,
  STATE_NOT_FOUND,
  UNLIMITED,
} from './role-matrix-cases.ts';

const SERVICES: Record<string, keyof Api> = {
  'strato.identity.v1.Identity': 'identity',
  'strato.identity.v1.Quotas': 'quotas',
  'strato.compute.v1.KeyPairs': 'keyPairs',
  'strato.image.v1.Images': 'images',
  'strato.compute.v1.Flavors': 'flavors',
  'strato.compute.v1.Servers': 'servers',
  'strato.compute.v1.ServerVolumes': 'serverVolumes',
  'strato.compute.v1.ServerConsoles': 'serverConsoles',
  'strato.compute.v1.ServerMoves': 'serverMoves',
  'strato.host.v1.Hosts': 'hosts',
  'strato.host.v1.HostCertificates': 'hostCertificates',
  'strato.network.v1.Networks': 'networks',
  'strato.network.v1.Subnets': 'subnets',
  'strato.network.v1.Ports': 'ports',
  'strato.network.v1.SecurityGroups': 'securityGroups',
  'strato.network.v1.Routers': 'routers',
  'strato.network.v1.FloatingIps': 'floatingIps',
  'strato.volume.v1.Volumes': 'volumes',
  'strato.volume.v1.VolumeSnapshots': 'volumeSnapshots',
};

const password = (user: string) => `${user}-secret-pw`;

/** What the table says `caller` gets from an RPC with `rule` called as `c` describes. */
function expected(rule: Rule, caller: Caller, c: Case): Outcome {
  if (rule.allow === 'public' || caller.project === 'admin') return 'passes';
  if (rule.allow === 'admin') return 'PERMISSION_DENIED';
  // An admin of an ordinary project acts as a member.
  const role = caller.role === 'admin' ? 'member' : caller.role;
  if (rule.allow === 'member' && role === 'reader') return 'PERMISSION_DENIED';
  if (c.targets && caller.project === 'other') return 'NOT_FOUND';
  return 'passes';
}

describe('roles on every RPC, from the policy table, on the real conductor', () => {
  let env: Env;
  let lab: TgtLab;
  let owner: Api; // the owner project's member, who makes the fixtures
  let qcow2: Buffer;
  let adminPassword = '';
  const callers: Caller[] = [];
  const r = {} as Res;
  let n = 0;
  const unique = (p: string) => `${p}-${++n}`;

  const waitVolume = (id: string, status: string) =>
    waitFor(
      () => owner.volumes.GetVolume({ volume: id }),
      (v) => v.status === status,
      {
        what: `volume ${id} ${status}`,
        timeoutMs: 30_000,
        intervalMs: 50,
      },
    );
  const waitSnapshot = (id: string) =>
    waitFor(
      () => owner.volumeSnapshots.GetVolumeSnapshot({ snapshot: id }),
      (s) => s.status === 'available',
      { what: `snapshot ${id}`, timeoutMs: 30_000, intervalMs: 50 },
    );
  const idle = (id: string) => waitServer(owner, id, (s) => settled(s) && s.vmState === 'ACTIVE', 30_000);

  // Fresh resources of the owner project, for calls that destroy what they name.
  const fresh = {
    image: async () => (await owner.images.CreateImage({ name: unique('img'), diskFormat: 'qcow2', public: false })).id,
    server: async () => {
      const s = await owner.servers.CreateServer({ name: unique('vm'), image: r.image, flavor: 'small' });
      await idle(s.id);
      return s.id;
    },
    network: async () => (await owner.networks.CreateNetwork({ name: unique('net') })).id,
    subnet: async () =>
      (await owner.subnets.CreateSubnet({ name: unique('sub'), network: r.network, cidr: `10.77.${++n}.0/24` })).id,
    port: async () => (await owner.ports.CreatePort({ name: unique('port'), network: r.network })).id,
    group: async () => (await owner.securityGroups.CreateSecurityGroup({ name: unique('sg'), description: '' })).id,
    rule: async () => {
      const p = 1000 + ++n;
      const rule = {
        securityGroup: r.group,
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: 'tcp',
        portRangeMin: p,
        portRangeMax: p,
      };
      return (await owner.securityGroups.CreateSecurityGroupRule(rule)).id;
    },
    volume: async () => {
      const v = await owner.volumes.CreateVolume({ name: unique('vol'), sizeGib: 1 });
      await waitVolume(v.id, 'available');
      return v.id;
    },
    snapshot: async () => {
      const s = await owner.volumeSnapshots.CreateVolumeSnapshot({ name: unique('snap'), volume: r.snapVolume });
      await waitSnapshot(s.id);
      return s.id;
    },
    router: async () => (await owner.routers.CreateRouter({ name: unique('router') })).id,
    // A subnet joined to the floating-IP router.
    routerSubnet: async () => {
      const subnet = await fresh.subnet();
      await owner.routers.AddRouterInterface({ router: r.fipRouter, subnet });
      return subnet;
    },
    floatingIp: async () => (await owner.floatingIps.CreateFloatingIp({ floatingNetwork: extNet })).id,
    attachedPort: async () => {
      const port = await fresh.port();
      await idle(r.server);
      await owner.servers.AddServerPort({ server: r.server, port });
      await waitServer(owner, r.server, (s) => settled(s) && s.ports.some((p) => p.portId === port), 30_000);
      return port;
    },
  };
  const cloud = () => callers.find((c) => c.project === 'admin')!.api;
  let extNet = ''; // the cloud admin's external network (not in r: every project sees it)
  let publicKey = ''; // an OpenSSH public key line, for ImportKeyPair

  const CASES = rpcCases({
    fresh,
    unique,
    next: () => ++n,
    cloud,
    publicKey: () => publicKey,
    extNet: () => extNet,
    qcow2: () => qcow2,
    callerPassword: (c) => callerPassword(c),
    idle,
  });

  before(async () => {
    lab = await new TgtLab().open();
    env = await startEnv(['st-1', 'hv-2'], { volumeTimeoutS: 20 });
    await env.startAgent('st-1', {
      // Too small for any server: servers go to hv-2, whose fake compute side attaches volumes.
      capacity: { vcpus: 1, ramMib: 16, diskGib: 1 },
      underlayIp: lab.targetIp,
      storage: {
        tgtadm: lab.tgtadm,
        portal: { address: lab.targetIp, port: 3260 },
        netns: lab.targetNs,
        capacityBytes: 200 * 1024 ** 3,
      },
    });
    await env.startAgent('hv-2', {
      underlayIp: lab.initiatorIp,
      networkRole: true,
      // The external network's bridge, which the routers' host must have.
      physicalBridges: { mxpub0: 1500 },
    });
    adminPassword = (await readFile(env.conductor.adminPasswordFile, 'utf8')).trim();
    await env.admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 64, diskGib: 1 });
    const ca = join(env.tls, 'ca.crt');
    for (const project of ['owner', 'other'] as const) {
      await env.admin.identity.CreateProject({ name: project });
      // Roles are what this is about: no quota gets in the way of the many resources the cases make.
      await env.admin.quotas.SetQuota({ project, ...UNLIMITED });
      for (const role of ['reader', 'member', 'admin'] as const) {
        const user = `${project}-${role}`;
        await env.admin.identity.CreateUser({ name: user, password: password(user), project, role });
        callers.push({ label: user, project, role, user, api: await login(env.apiAddress, ca, user, password(user)) });
      }
    }
    callers.push({ label: 'cloud admin', project: 'admin', role: 'admin', user: 'admin', api: env.admin });
    owner = callers.find((c) => c.label === 'owner-member')!.api;

    const file = join(env.dir, 'tiny.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', file, '16M']);
    qcow2 = await readFile(file);
    const me = await owner.identity.WhoAmI({});
    r.projectId = me.project!.id;
    // The identity cases change this user's roles: not one of the callers.
    r.userId = (
      await env.admin.identity.CreateUser({
        name: 'owner-target',
        password: password('owner-target'),
        project: 'owner',
        role: 'member',
      })
    ).id;
    assert.ok(me.user);
    r.image = (await uploadImage(owner, env.dir, 'owner-img', false)).id;
    r.network = await fresh.network();
    r.subnet = (await owner.subnets.CreateSubnet({ name: 'owner-sub', network: r.network, cidr: '10.76.0.0/24' })).id;
    r.port = await fresh.port();
    r.group = await fresh.group();
    r.rule = await fresh.rule();
    r.server = await fresh.server();
    r.actionServer = await fresh.server();
    r.volume = await fresh.volume();
    r.extendVolume = await fresh.volume();
    r.snapVolume = await fresh.volume();
    r.snapshot = await fresh.snapshot();
    extNet = (
      await env.admin.networks.CreateNetwork({
        name: 'matrix-public',
        providerType: 'flat',
        physicalBridge: 'mxpub0',
        external: true,
      })
    ).id;
    await env.admin.subnets.CreateSubnet({ name: 'matrix-public-sub', network: extNet, cidr: '198.51.100.0/24' });
    r.router = await fresh.router();
    r.fipRouter = (await owner.routers.CreateRouter({ name: 'owner-fip-router', externalGateway: extNet })).id;
    await owner.routers.AddRouterInterface({ router: r.fipRouter, subnet: r.subnet });
    r.floatingIp = await fresh.floatingIp();
    const made = await owner.keyPairs.CreateKeyPair({ name: 'owner-kp' });
    r.keyPair = made.keyPair!.name;
    // Not the owner's key (its comment is its name): one made here, imported by every caller.
    publicKey = formatPublicKey(generateEd25519('imported').publicKey);
    for (const c of callers) await c.api.keyPairs.ImportKeyPair({ name: OWN_KEY, publicKey });
  });
  after(async () => {
    for (const c of callers) if (c.project !== 'admin') closeApi(c.api);
    await env?.close();
    await lab?.close();
  });

  it('has a case for every RPC of the table (a new RPC needs its line here too)', () => {
    assert.deepEqual(Object.keys(CASES).sort(), [...POLICY.keys()].sort());
  });

  it('every caller gets from every RPC what the table says, and nothing of another project', async () => {
    const ownerIds = () => Object.values(r);
    const wrong: string[] = [];
    for (const [method, rule] of POLICY) {
      const c = CASES[method]!;
      const [service, rpc] = method.slice(1).split('/') as [string, string];
      // Callers that should be refused first: what passes may change what the others see.
      const ordered = [...callers].sort(
        (a, b) => Number(expected(rule, a, c) === 'passes') - Number(expected(rule, b, c) === 'passes'),
      );
      for (const caller of ordered) {
        const want = expected(rule, caller, c);
        const req = await c.request(r, want === 'passes' && c.destructive === true, caller);
        const api = c.throwaway
          ? await login(env.apiAddress, join(env.tls, 'ca.crt'), caller.user, callerPassword(caller))
          : caller.api;
        const fn = (api[SERVICES[service]!] as unknown as Record<string, (q: unknown) => Promise<unknown>>)[rpc]!;
        let got: Outcome | string;
        let reply: unknown;
        try {
          reply = await fn.call(api[SERVICES[service]!], req);
          got = 'passes';
        } catch (err) {
          if (!isStratoError(err)) throw err;
          const refused = ['PERMISSION_DENIED', 'NOT_FOUND', 'UNAUTHENTICATED'].includes(err.code);
          got = refused && !STATE_NOT_FOUND.has(err.reason) ? err.code : 'passes';
          if (got !== want) got = `${err.code}/${err.reason}: ${err.message}`;
        } finally {
          if (c.throwaway) closeApi(api);
          await c.after?.();
        }
        if (got !== want) wrong.push(`${rpc} as ${caller.label}: want ${want}, got ${got}`);
        if (got === 'passes' && caller.project === 'other') {
          const text = JSON.stringify(reply ?? {});
          const leaked = ownerIds().filter((id) => text.includes(id));
          if (leaked.length) wrong.push(`${rpc} as ${caller.label}: the reply shows the owner's ${leaked.join(', ')}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  // Isolation, table-driven over every resource type: a user of another project
  // (a member, and an admin of that project) gets NOT_FOUND for get, update,
  // delete and every use of the owner's resource as a reference, exactly as
  // for one that does not exist; and the owner's resource is unchanged after.
  // Key pairs are their user's: even a teammate of the owner gets NOT_FOUND.
  it("another project's user gets NOT_FOUND for every resource type: get, update, delete, use as reference", async () => {
    const other = callers.find((c) => c.label === 'other-member')!.api;
    // The stranger's own resources, so that a reference call fails on the owner's resource alone.
    const pub = (await uploadImage(cloud(), env.dir, 'iso-public', true)).id;
    const own = {
      network: (await other.networks.CreateNetwork({ name: 'iso-net' })).id,
      group: (await other.securityGroups.CreateSecurityGroup({ name: 'iso-sg', description: '' })).id,
      volume: (await other.volumes.CreateVolume({ name: 'iso-vol', sizeGib: 1 })).id,
      server: (await other.servers.CreateServer({ name: 'iso-vm', image: pub, flavor: 'small' })).id,
    };
    await other.subnets.CreateSubnet({ name: 'iso-sub', network: own.network, cidr: '10.75.0.0/24' });
    await waitFor(
      () => other.volumes.GetVolume({ volume: own.volume }),
      (v) => v.status === 'available',
      { what: 'the stranger volume', timeoutMs: 30_000, intervalMs: 50 },
    );
    await waitServer(other, own.server, (s) => settled(s) && s.vmState === 'ACTIVE', 30_000);

    const TABLE = isolationTable(r, own, pub, owner);

    const wrong: string[] = [];
    for (const row of TABLE) {
      for (const label of row.strangers) {
        const api = callers.find((c) => c.label === label)!.api;
        for (const [what, call] of row.calls) {
          const got = await call(api).then(
            () => 'passed',
            (e: unknown) => (isStratoError(e, 'NOT_FOUND') ? 'NOT_FOUND' : String(e)),
          );
          if (got !== 'NOT_FOUND') wrong.push(`${row.type} ${what} as ${label}: ${got}`);
        }
      }
      await row.stillThere().catch((e: unknown) => wrong.push(`${row.type}: the owner's is changed: ${String(e)}`));
    }
    assert.deepEqual(wrong, []);
  });

  it("refuses to delete the owner's project while it owns anything, naming what remains; deletes it once empty", async () => {
    const admin = env.admin;
    const err = await admin.identity.DeleteProject({ project: 'owner' }).then(
      () => assert.fail('deleted a project that owns resources'),
      (e: unknown) => e,
    );
    assert.ok(isStratoError(err, 'FAILED_PRECONDITION') && err.reason === 'PROJECT_NOT_EMPTY', String(err));
    for (const kind of [
      'servers',
      'images',
      'networks',
      'subnets',
      'ports',
      'security_groups',
      'volumes',
      'snapshots',
      'key_pairs',
      'routers',
      'floating_ips',
    ]) {
      assert.ok(Number(err.details[kind]) > 0, `${kind} named in ${JSON.stringify(err.details)}`);
      assert.match(err.message, new RegExp(`${kind} \\(\\d+\\)`));
    }

    await emptyTheCloud(admin);
    // Key pairs are their users' alone: a deleted user's go with it (nobody else
    // could delete them); each other owner-project user deletes its own.
    await admin.identity.DeleteUser({ user: 'owner-reader' });
    for (const c of callers.filter((x) => x.project === 'owner' && x.label !== 'owner-reader')) {
      for (const k of (await c.api.keyPairs.ListKeyPairs({ pageSize: 1000 })).keyPairs) {
        await c.api.keyPairs.DeleteKeyPair({ keyPair: k.name });
      }
    }
    const ownerTokens = callers.filter((c) => c.project === 'owner');
    const before = (await admin.securityGroups.ListSecurityGroups({ allProjects: true, pageSize: 1000 }))
      .securityGroups;
    assert.ok(before.some((g) => g.projectId === r.projectId && g.name === 'default'));
    await admin.identity.DeleteProject({ project: 'owner' });
    for (const c of ownerTokens) {
      await assert.rejects(c.api.identity.WhoAmI({}), (e: unknown) => isStratoError(e, 'UNAUTHENTICATED'));
    }
    const groups = (await admin.securityGroups.ListSecurityGroups({ allProjects: true, pageSize: 1000 }))
      .securityGroups;
    assert.ok(!groups.some((g) => g.projectId === r.projectId), 'its default security group went with it');
    assert.ok(await callers.find((c) => c.label === 'other-member')!.api.identity.WhoAmI({}), 'other projects stay');
  });

  /** Deletes every server, snapshot, volume, port, subnet, network, group and image of every project. */
  async function emptyTheCloud(admin: Api) {
    const all = { allProjects: true, pageSize: 1000 };
    for (const s of (await admin.servers.ListServers(all)).servers) await admin.servers.DeleteServer({ server: s.id });
    await waitFor(
      async () => (await admin.servers.ListServers(all)).servers.length,
      (k) => k === 0,
      {
        what: 'every server to go',
        timeoutMs: 60_000,
      },
    );
    for (const s of (await admin.volumeSnapshots.ListVolumeSnapshots(all)).snapshots) {
      await admin.volumeSnapshots.DeleteVolumeSnapshot({ snapshot: s.id });
    }
    await waitFor(
      async () => (await admin.volumeSnapshots.ListVolumeSnapshots(all)).snapshots.length,
      (k) => k === 0,
      {
        what: 'every snapshot to go',
        timeoutMs: 60_000,
      },
    );
    const restful = (v: { status: string }) => ['available', 'error'].includes(v.status);
    await waitFor(
      async () => (await admin.volumes.ListVolumes(all)).volumes,
      (vs) => vs.every(restful),
      {
        what: 'every volume to rest',
        timeoutMs: 60_000,
      },
    );
    for (const v of (await admin.volumes.ListVolumes(all)).volumes) await admin.volumes.DeleteVolume({ volume: v.id });
    await waitFor(
      async () => (await admin.volumes.ListVolumes(all)).volumes.length,
      (k) => k === 0,
      {
        what: 'every volume to go',
        timeoutMs: 60_000,
      },
    );
    for (const f of (await admin.floatingIps.ListFloatingIps(all)).floatingIps) {
      await admin.floatingIps.DeleteFloatingIp({ floatingIp: f.id });
    }
    for (const rt of (await admin.routers.ListRouters(all)).routers) {
      for (const i of rt.interfaces) await admin.routers.RemoveRouterInterface({ router: rt.id, subnet: i.subnetId });
      await admin.routers.DeleteRouter({ router: rt.id });
    }
    for (const p of (await admin.ports.ListPorts(all)).ports) await admin.ports.DeletePort({ port: p.id });
    for (const s of (await admin.subnets.ListSubnets(all)).subnets) await admin.subnets.DeleteSubnet({ subnet: s.id });
    for (const net of (await admin.networks.ListNetworks(all)).networks) {
      await admin.networks.DeleteNetwork({ network: net.id });
    }
    for (const g of (await admin.securityGroups.ListSecurityGroups(all)).securityGroups) {
      if (g.name !== 'default') await admin.securityGroups.DeleteSecurityGroup({ securityGroup: g.id });
    }
    for (const i of (await admin.images.ListImages(all)).images) await admin.images.DeleteImage({ image: i.id });
  }

  function callerPassword(c: Caller): string {
    return c.project === 'admin' ? adminPassword : password(c.user);
  }
});
