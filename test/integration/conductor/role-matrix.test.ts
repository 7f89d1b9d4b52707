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

type Role = 'reader' | 'member' | 'admin';
interface Caller {
  label: string;
  project: 'owner' | 'other' | 'admin';
  role: Role;
  api: Api;
  user: string;
}
type Outcome = 'passes' | 'PERMISSION_DENIED' | 'NOT_FOUND';

/**
 * NOT_FOUND reasons about a resource's state rather than its existence: a call
 * that gets one found (and could see) everything it names.
 */
const STATE_NOT_FOUND = new Set(['VOLUME_NOT_ATTACHED']);

/** The owner's resources every case may name (ids). */
interface Res {
  projectId: string;
  /** A user of the owner's project that is none of the callers (the identity cases change its roles). */
  userId: string;
  image: string;
  network: string;
  subnet: string;
  port: string;
  group: string;
  rule: string;
  server: string;
  actionServer: string;
  volume: string;
  extendVolume: string;
  snapVolume: string;
  snapshot: string;
  /** A key pair of the owner's member (its name: key pairs are named per user). */
  keyPair: string;
}

const UNLIMITED = Object.fromEntries(
  ['instances', 'cores', 'ram', 'volumes', 'gigabytes', 'snapshots', 'networks', 'ports', 'securityGroups'].map((k) => [
    k,
    -1,
  ]),
);

/** Every caller's own key pair, made before the cases run (a key pair is its user's alone). */
const OWN_KEY = 'mine';

interface Case {
  /** The request names the owner's resources: the other project's callers get NOT_FOUND. */
  targets: boolean;
  /** The request; `fresh` is true for a caller that passes a destructive call (it gets its own resource). */
  request(r: Res, fresh: boolean, caller: Caller): Promise<unknown> | unknown;
  /** Destructive: a caller that passes gets a resource of its own. */
  destructive?: boolean;
  /** Called with a throwaway token of the caller (Logout ends the token it is called with). */
  throwaway?: boolean;
}

const SERVICES: Record<string, keyof Api> = {
  'strato.identity.v1.Identity': 'identity',
  'strato.identity.v1.Quotas': 'quotas',
  'strato.compute.v1.KeyPairs': 'keyPairs',
  'strato.image.v1.Images': 'images',
  'strato.compute.v1.Flavors': 'flavors',
  'strato.compute.v1.Servers': 'servers',
  'strato.compute.v1.ServerVolumes': 'serverVolumes',
  'strato.host.v1.Hosts': 'hosts',
  'strato.host.v1.HostCertificates': 'hostCertificates',
  'strato.network.v1.Networks': 'networks',
  'strato.network.v1.Subnets': 'subnets',
  'strato.network.v1.Ports': 'ports',
  'strato.network.v1.SecurityGroups': 'securityGroups',
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
    attachedPort: async () => {
      const port = await fresh.port();
      await idle(r.server);
      await owner.servers.AddServerPort({ server: r.server, port });
      await waitServer(owner, r.server, (s) => settled(s) && s.ports.some((p) => p.portId === port), 30_000);
      return port;
    },
  };
  const cloud = () => callers.find((c) => c.project === 'admin')!.api;
  let publicKey = ''; // an OpenSSH public key line, for ImportKeyPair

  // One case per RPC of the table, by its full method name.
  const CASES: Record<string, Case> = {
    // Each caller logs in as itself.
    '/strato.identity.v1.Identity/Login': {
      targets: false,
      request: (_x, _own, caller) => ({ username: caller.user, password: callerPassword(caller), project: '' }),
    },
    '/strato.identity.v1.Identity/Logout': { targets: false, throwaway: true, request: () => ({}) },
    '/strato.identity.v1.Identity/RevokeToken': { targets: false, request: () => ({ token: 'A'.repeat(43) }) },
    '/strato.identity.v1.Identity/WhoAmI': { targets: false, request: () => ({}) },
    '/strato.identity.v1.Identity/ListProjects': { targets: false, request: () => ({}) },
    '/strato.identity.v1.Identity/GetProject': { targets: true, request: (x) => ({ project: x.projectId }) },
    '/strato.identity.v1.Identity/CreateProject': { targets: false, request: () => ({ name: unique('proj') }) },
    '/strato.identity.v1.Identity/UpdateProject': {
      targets: true,
      request: (x) => ({ project: x.projectId, description: 'owned' }),
    },
    // The owner's project is not empty: the cloud admin's call passes policy and fails FAILED_PRECONDITION.
    '/strato.identity.v1.Identity/DeleteProject': { targets: true, request: (x) => ({ project: x.projectId }) },
    '/strato.identity.v1.Identity/CreateUser': {
      targets: true,
      request: (x) => ({ name: unique('user'), password: 'a-long-password', project: x.projectId, role: 'reader' }),
    },
    '/strato.identity.v1.Identity/GetUser': { targets: true, request: (x) => ({ user: x.userId }) },
    '/strato.identity.v1.Identity/ListUsers': { targets: true, request: (x) => ({ project: x.projectId }) },
    '/strato.identity.v1.Identity/UpdateUser': { targets: true, request: (x) => ({ user: x.userId, enabled: true }) },
    '/strato.identity.v1.Identity/DeleteUser': {
      targets: true,
      destructive: true,
      async request(x, own) {
        if (!own) return { user: x.userId };
        const u = await cloud().identity.CreateUser({
          name: unique('doomed'),
          password: 'a-long-password',
          project: x.projectId,
          role: 'reader',
        });
        return { user: u.id };
      },
    },
    '/strato.identity.v1.Identity/AddRoleAssignment': {
      targets: true,
      request: (x) => ({ user: x.userId, project: x.projectId, role: 'reader' }),
    },
    '/strato.identity.v1.Identity/RemoveRoleAssignment': {
      targets: true,
      destructive: true,
      async request(x, own) {
        const req = { user: x.userId, project: x.projectId, role: 'member' };
        if (own) await cloud().identity.AddRoleAssignment(req);
        return req;
      },
    },
    '/strato.identity.v1.Identity/ListRoleAssignments': { targets: true, request: (x) => ({ project: x.projectId }) },

    '/strato.identity.v1.Quotas/GetQuota': { targets: true, request: (x) => ({ project: x.projectId }) },
    '/strato.identity.v1.Quotas/SetQuota': {
      targets: true,
      request: (x) => ({ project: x.projectId, floatingIps: 50 }),
    },

    // Every caller works on its own key pairs: whatever its role, in whichever project.
    '/strato.compute.v1.KeyPairs/CreateKeyPair': { targets: false, request: () => ({ name: unique('kp') }) },
    '/strato.compute.v1.KeyPairs/ImportKeyPair': {
      targets: false,
      request: () => ({ name: unique('kp'), publicKey }),
    },
    '/strato.compute.v1.KeyPairs/GetKeyPair': { targets: false, request: () => ({ keyPair: OWN_KEY }) },
    '/strato.compute.v1.KeyPairs/ListKeyPairs': { targets: false, request: () => ({}) },
    '/strato.compute.v1.KeyPairs/DeleteKeyPair': {
      targets: false,
      destructive: true,
      async request(_x, _own, caller) {
        const name = unique('doomed-kp');
        await caller.api.keyPairs.ImportKeyPair({ name, publicKey });
        return { keyPair: name };
      },
    },

    '/strato.image.v1.Images/CreateImage': {
      targets: false,
      request: () => ({ name: unique('img'), diskFormat: 'qcow2', public: false }),
    },
    '/strato.image.v1.Images/UploadImage': {
      targets: true,
      destructive: true,
      // Each call gets a queued image of the owner's to upload into.
      request: async () => [{ imageId: await fresh.image(), data: qcow2 }],
    },
    '/strato.image.v1.Images/GetImage': { targets: true, request: (x) => ({ image: x.image }) },
    '/strato.image.v1.Images/ListImages': { targets: false, request: () => ({}) },
    '/strato.image.v1.Images/DeleteImage': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ image: own ? await fresh.image() : x.image }),
    },

    '/strato.compute.v1.Flavors/CreateFlavor': {
      targets: false,
      request: () => ({ name: unique('fl'), vcpus: 1, ramMib: 64, diskGib: 1 }),
    },
    '/strato.compute.v1.Flavors/GetFlavor': { targets: false, request: () => ({ flavor: 'small' }) },
    '/strato.compute.v1.Flavors/ListFlavors': { targets: false, request: () => ({}) },
    '/strato.compute.v1.Flavors/DeleteFlavor': {
      targets: false,
      destructive: true,
      async request(_x, own) {
        if (!own) return { flavor: 'small' };
        return {
          flavor: (await cloud().flavors.CreateFlavor({ name: unique('fl'), vcpus: 1, ramMib: 64, diskGib: 1 })).id,
        };
      },
    },

    // The owner's private image: the other project cannot boot it.
    '/strato.compute.v1.Servers/CreateServer': {
      targets: true,
      request: (x) => ({ name: unique('vm'), image: x.image, flavor: 'small' }),
    },
    '/strato.compute.v1.Servers/GetServer': { targets: true, request: (x) => ({ server: x.server }) },
    '/strato.compute.v1.Servers/ListServers': { targets: false, request: () => ({}) },
    '/strato.compute.v1.Servers/DeleteServer': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ server: own ? await fresh.server() : x.server }),
    },
    '/strato.compute.v1.Servers/ServerAction': {
      targets: true,
      request: (x) => ({ server: x.actionServer, action: 'reboot', hard: false }),
    },
    '/strato.compute.v1.Servers/GetConsoleLog': { targets: true, request: (x) => ({ server: x.server, lines: 5 }) },
    '/strato.compute.v1.Servers/ListServerEvents': { targets: true, request: (x) => ({ server: x.server }) },
    // A NIC on the owner's network (a server's NICs are its project's: a port given by id must be the caller's).
    '/strato.compute.v1.Servers/AddServerPort': {
      targets: true,
      async request(x) {
        await idle(x.server).catch(() => undefined);
        return { server: x.server, network: x.network };
      },
    },
    '/strato.compute.v1.Servers/RemoveServerPort': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ server: x.server, port: own ? await fresh.attachedPort() : x.port }),
    },
    '/strato.compute.v1.ServerVolumes/AddServerVolume': {
      targets: true,
      destructive: true,
      async request(x, own) {
        if (!own) return { server: x.server, volume: x.volume };
        const volume = await fresh.volume();
        await idle(x.server);
        return { server: x.server, volume };
      },
    },
    // A volume of the owner's that is not attached: the owner's callers get past the lookups
    // (VOLUME_NOT_ATTACHED), the other project's do not (SERVER_NOT_FOUND).
    '/strato.compute.v1.ServerVolumes/RemoveServerVolume': {
      targets: true,
      request: (x) => ({ server: x.server, volume: x.volume }),
    },

    '/strato.host.v1.Hosts/ListHosts': { targets: false, request: () => ({}) },
    '/strato.host.v1.Hosts/GetHost': { targets: false, request: () => ({ host: 'hv-2' }) },
    '/strato.host.v1.Hosts/SetHostEnabled': { targets: false, request: () => ({ host: 'hv-2', enabled: true }) },
    // Issued and revoked for hosts of their own: hv-2 keeps its certificate (and its servers).
    '/strato.host.v1.HostCertificates/IssueHostCertificate': {
      targets: false,
      request: () => ({ host: unique('hv-issued') }),
    },
    '/strato.host.v1.HostCertificates/RotateHostCertificate': { targets: false, request: () => ({ host: 'hv-2' }) },
    '/strato.host.v1.HostCertificates/RevokeHostCertificate': {
      targets: false,
      request: () => ({ host: unique('hv-revoked') }),
    },
    '/strato.host.v1.HostCertificates/GetHostCertificates': { targets: false, request: () => ({ host: 'hv-2' }) },

    '/strato.network.v1.Networks/CreateNetwork': { targets: false, request: () => ({ name: unique('net') }) },
    '/strato.network.v1.Networks/GetNetwork': { targets: true, request: (x) => ({ network: x.network }) },
    '/strato.network.v1.Networks/ListNetworks': { targets: false, request: () => ({}) },
    '/strato.network.v1.Networks/DeleteNetwork': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ network: own ? await fresh.network() : x.network }),
    },
    '/strato.network.v1.Subnets/CreateSubnet': {
      targets: true,
      request: (x) => ({ name: unique('sub'), network: x.network, cidr: `10.78.${++n}.0/24` }),
    },
    '/strato.network.v1.Subnets/GetSubnet': { targets: true, request: (x) => ({ subnet: x.subnet }) },
    '/strato.network.v1.Subnets/ListSubnets': { targets: false, request: () => ({}) },
    '/strato.network.v1.Subnets/DeleteSubnet': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ subnet: own ? await fresh.subnet() : x.subnet }),
    },
    '/strato.network.v1.Ports/CreatePort': {
      targets: true,
      request: (x) => ({ name: unique('port'), network: x.network }),
    },
    '/strato.network.v1.Ports/GetPort': { targets: true, request: (x) => ({ port: x.port }) },
    '/strato.network.v1.Ports/ListPorts': { targets: false, request: () => ({}) },
    '/strato.network.v1.Ports/DeletePort': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ port: own ? await fresh.port() : x.port }),
    },
    '/strato.network.v1.SecurityGroups/CreateSecurityGroup': {
      targets: false,
      request: () => ({ name: unique('sg'), description: 'made by the matrix' }),
    },
    '/strato.network.v1.SecurityGroups/GetSecurityGroup': {
      targets: true,
      request: (x) => ({ securityGroup: x.group }),
    },
    '/strato.network.v1.SecurityGroups/ListSecurityGroups': { targets: false, request: () => ({}) },
    '/strato.network.v1.SecurityGroups/DeleteSecurityGroup': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ securityGroup: own ? await fresh.group() : x.group }),
    },
    '/strato.network.v1.SecurityGroups/CreateSecurityGroupRule': {
      targets: true,
      request(x) {
        const p = 2000 + ++n;
        return {
          securityGroup: x.group,
          direction: 'ingress',
          ethertype: 'IPv4',
          protocol: 'tcp',
          portRangeMin: p,
          portRangeMax: p,
        };
      },
    },
    '/strato.network.v1.SecurityGroups/DeleteSecurityGroupRule': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ ruleId: own ? await fresh.rule() : x.rule }),
    },

    '/strato.volume.v1.Volumes/CreateVolume': { targets: false, request: () => ({ name: unique('vol'), sizeGib: 1 }) },
    '/strato.volume.v1.Volumes/GetVolume': { targets: true, request: (x) => ({ volume: x.volume }) },
    '/strato.volume.v1.Volumes/ListVolumes': { targets: false, request: () => ({}) },
    '/strato.volume.v1.Volumes/UpdateVolume': {
      targets: true,
      request: (x) => ({ volume: x.volume, description: 'described' }),
    },
    '/strato.volume.v1.Volumes/ExtendVolume': {
      targets: true,
      request: (x) => ({ volume: x.extendVolume, newSizeGib: 1 + ++n }),
    },
    '/strato.volume.v1.Volumes/DeleteVolume': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ volume: own ? await fresh.volume() : x.volume }),
    },
    '/strato.volume.v1.Volumes/ListVolumeBackends': { targets: false, request: () => ({}) },
    '/strato.volume.v1.VolumeSnapshots/CreateVolumeSnapshot': {
      targets: true,
      request: (x) => ({ name: unique('snap'), volume: x.snapVolume }),
    },
    '/strato.volume.v1.VolumeSnapshots/GetVolumeSnapshot': {
      targets: true,
      request: (x) => ({ snapshot: x.snapshot }),
    },
    '/strato.volume.v1.VolumeSnapshots/ListVolumeSnapshots': { targets: false, request: () => ({}) },
    '/strato.volume.v1.VolumeSnapshots/DeleteVolumeSnapshot': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ snapshot: own ? await fresh.snapshot() : x.snapshot }),
    },
  };

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
    await env.startAgent('hv-2', { underlayIp: lab.initiatorIp });
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

    type Call = [what: string, call: (api: Api) => Promise<unknown>];
    /** A server of the stranger's, from a public image, with `extra` naming the owner's resource. */
    const boot = (a: Api, extra: Record<string, unknown>) =>
      a.servers.CreateServer({ name: 'steal', image: pub, flavor: 'small', ...extra });
    const TABLE: Array<{ type: string; strangers: string[]; calls: Call[]; stillThere: () => Promise<unknown> }> = [
      {
        type: 'server',
        strangers: ['other-member', 'other-admin'],
        calls: [
          ['get', (a) => a.servers.GetServer({ server: r.server })],
          ['update (action)', (a) => a.servers.ServerAction({ server: r.server, action: 'stop', hard: false })],
          ['delete', (a) => a.servers.DeleteServer({ server: r.server })],
          [
            'reference: attach own volume',
            (a) => a.serverVolumes.AddServerVolume({ server: r.server, volume: own.volume }),
          ],
          ['reference: add own network', (a) => a.servers.AddServerPort({ server: r.server, network: own.network })],
        ],
        stillThere: () => owner.servers.GetServer({ server: r.server }),
      },
      {
        type: 'private image',
        strangers: ['other-member', 'other-admin'],
        calls: [
          ['get', (a) => a.images.GetImage({ image: r.image })],
          ['get by name', (a) => a.images.GetImage({ image: 'owner-img' })],
          ['delete', (a) => a.images.DeleteImage({ image: r.image })],
          ['reference: boot', (a) => a.servers.CreateServer({ name: 'steal', image: r.image, flavor: 'small' })],
          ['reference: volume from it', (a) => a.volumes.CreateVolume({ name: 'steal', sizeGib: 1, image: r.image })],
        ],
        stillThere: () => owner.images.GetImage({ image: r.image }),
      },
      {
        type: 'network',
        strangers: ['other-member', 'other-admin'],
        calls: [
          ['get', (a) => a.networks.GetNetwork({ network: r.network })],
          ['delete', (a) => a.networks.DeleteNetwork({ network: r.network })],
          [
            'reference: subnet on it',
            (a) => a.subnets.CreateSubnet({ name: 'steal', network: r.network, cidr: '10.74.0.0/24' }),
          ],
          ['reference: port on it', (a) => a.ports.CreatePort({ name: 'steal', network: r.network })],
          ['reference: boot on it', (a) => boot(a, { networks: [{ network: r.network }] })],
          ['reference: NIC on it', (a) => a.servers.AddServerPort({ server: own.server, network: r.network })],
        ],
        stillThere: () => owner.networks.GetNetwork({ network: r.network }),
      },
      {
        type: 'subnet',
        strangers: ['other-member', 'other-admin'],
        calls: [
          ['get', (a) => a.subnets.GetSubnet({ subnet: r.subnet })],
          ['delete', (a) => a.subnets.DeleteSubnet({ subnet: r.subnet })],
          [
            'reference: fixed IP on it',
            (a) => a.ports.CreatePort({ name: 'steal', network: own.network, fixedIps: [{ subnet: r.subnet }] }),
          ],
        ],
        stillThere: () => owner.subnets.GetSubnet({ subnet: r.subnet }),
      },
      {
        type: 'port',
        strangers: ['other-member', 'other-admin'],
        calls: [
          ['get', (a) => a.ports.GetPort({ port: r.port })],
          ['delete', (a) => a.ports.DeletePort({ port: r.port })],
          ['reference: boot with it', (a) => boot(a, { networks: [{ port: r.port }] })],
          ['reference: NIC from it', (a) => a.servers.AddServerPort({ server: own.server, port: r.port })],
        ],
        stillThere: () => owner.ports.GetPort({ port: r.port }),
      },
      {
        type: 'security group',
        strangers: ['other-member', 'other-admin'],
        calls: [
          ['get', (a) => a.securityGroups.GetSecurityGroup({ securityGroup: r.group })],
          [
            'update (add a rule)',
            (a) =>
              a.securityGroups.CreateSecurityGroupRule({
                securityGroup: r.group,
                direction: 'ingress',
                ethertype: 'IPv4',
                protocol: 'tcp',
                portRangeMin: 22,
                portRangeMax: 22,
              }),
          ],
          ['delete', (a) => a.securityGroups.DeleteSecurityGroup({ securityGroup: r.group })],
          [
            'reference: port in it',
            (a) => a.ports.CreatePort({ name: 'steal', network: own.network, securityGroups: [r.group] }),
          ],
          [
            'reference: remote group of a rule',
            (a) =>
              a.securityGroups.CreateSecurityGroupRule({
                securityGroup: own.group,
                direction: 'ingress',
                ethertype: 'IPv4',
                protocol: 'tcp',
                portRangeMin: 22,
                portRangeMax: 22,
                remoteGroup: r.group,
              }),
          ],
        ],
        stillThere: () => owner.securityGroups.GetSecurityGroup({ securityGroup: r.group }),
      },
      {
        type: 'security group rule',
        strangers: ['other-member', 'other-admin'],
        calls: [['delete', (a) => a.securityGroups.DeleteSecurityGroupRule({ ruleId: r.rule })]],
        stillThere: async () => {
          const g = await owner.securityGroups.GetSecurityGroup({ securityGroup: r.group });
          assert.ok(
            g.rules.some((x) => x.id === r.rule),
            'the rule is still there',
          );
        },
      },
      {
        type: 'volume',
        strangers: ['other-member', 'other-admin'],
        calls: [
          ['get', (a) => a.volumes.GetVolume({ volume: r.volume })],
          ['update', (a) => a.volumes.UpdateVolume({ volume: r.volume, description: 'stolen' })],
          ['update (extend)', (a) => a.volumes.ExtendVolume({ volume: r.volume, newSizeGib: 50 })],
          ['delete', (a) => a.volumes.DeleteVolume({ volume: r.volume })],
          ['reference: attach', (a) => a.serverVolumes.AddServerVolume({ server: own.server, volume: r.volume })],
          ['reference: snapshot', (a) => a.volumeSnapshots.CreateVolumeSnapshot({ name: 'steal', volume: r.volume })],
          [
            'reference: boot from it',
            (a) => a.servers.CreateServer({ name: 'steal', flavor: 'small', image: '', bootVolume: r.volume }),
          ],
        ],
        stillThere: async () => {
          const v = await owner.volumes.GetVolume({ volume: r.volume });
          assert.notEqual(v.description, 'stolen');
        },
      },
      {
        type: 'snapshot',
        strangers: ['other-member', 'other-admin'],
        calls: [
          ['get', (a) => a.volumeSnapshots.GetVolumeSnapshot({ snapshot: r.snapshot })],
          ['delete', (a) => a.volumeSnapshots.DeleteVolumeSnapshot({ snapshot: r.snapshot })],
          [
            'reference: volume from it',
            (a) => a.volumes.CreateVolume({ name: 'steal', sizeGib: 1, snapshot: r.snapshot }),
          ],
        ],
        stillThere: () => owner.volumeSnapshots.GetVolumeSnapshot({ snapshot: r.snapshot }),
      },
      {
        type: 'key pair',
        // owner-admin: a teammate of the key's user (acting as a member there), who may boot servers.
        strangers: ['other-member', 'other-admin', 'owner-admin'],
        calls: [
          ['get', (a) => a.keyPairs.GetKeyPair({ keyPair: r.keyPair })],
          ['delete', (a) => a.keyPairs.DeleteKeyPair({ keyPair: r.keyPair })],
          ['reference: boot with it', (a) => boot(a, { keyName: r.keyPair })],
        ],
        stillThere: () => owner.keyPairs.GetKeyPair({ keyPair: r.keyPair }),
      },
    ];

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
