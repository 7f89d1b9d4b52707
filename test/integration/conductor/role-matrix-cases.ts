// The role matrix's cases (role-matrix.test.ts): one per RPC of the policy table,
// by its full method name — the request each caller sends, whether it names the
// owner project's resources, and whether it destroys what it names. The test
// owns the cloud and the resources; it hands them in through CaseContext.
import type { Api } from './helpers.ts';

export type Role = 'reader' | 'member' | 'admin';
export interface Caller {
  label: string;
  project: 'owner' | 'other' | 'admin';
  role: Role;
  api: Api;
  user: string;
}
export type Outcome = 'passes' | 'PERMISSION_DENIED' | 'NOT_FOUND';

/**
 * NOT_FOUND reasons about a resource's state rather than its existence: a call
 * that gets one found (and could see) everything it names.
 */
export const STATE_NOT_FOUND = new Set(['VOLUME_NOT_ATTACHED']);

/** The owner's resources every case may name (ids). */
export interface Res {
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
  /** A router of the owner's without a gateway or interfaces. */
  router: string;
  /** A router joining `subnet` to the external network (so `port` may get a floating IP). */
  fipRouter: string;
  /** An unassociated floating IP of the owner's. */
  floatingIp: string;
}

export const UNLIMITED = Object.fromEntries(
  [
    'instances',
    'cores',
    'ram',
    'volumes',
    'gigabytes',
    'snapshots',
    'networks',
    'ports',
    'securityGroups',
    'floatingIps',
    'routers',
  ].map((k) => [k, -1]),
);

/** Every caller's own key pair, made before the cases run (a key pair is its user's alone). */
export const OWN_KEY = 'mine';

export interface Case {
  /** The request names the owner's resources: the other project's callers get NOT_FOUND. */
  targets: boolean;
  /** The request; `fresh` is true for a caller that passes a destructive call (it gets its own resource). */
  request(r: Res, fresh: boolean, caller: Caller): Promise<unknown> | unknown;
  /** Destructive: a caller that passes gets a resource of its own. */
  destructive?: boolean;
  /** Called with a throwaway token of the caller (Logout ends the token it is called with). */
  throwaway?: boolean;
  /** Puts back what a passing call changed, after each caller's call. */
  after?: () => Promise<unknown>;
}

/** Resources and names a case draws on, made by the test (its fixtures are per run). */
export interface CaseContext {
  /** Fresh resources of the owner project, for calls that destroy what they name. */
  fresh: Record<
    | 'image'
    | 'server'
    | 'network'
    | 'subnet'
    | 'port'
    | 'group'
    | 'rule'
    | 'volume'
    | 'snapshot'
    | 'attachedPort'
    | 'router'
    | 'routerSubnet'
    | 'floatingIp',
    () => Promise<string>
  >;
  /** The cloud's external network (the cloud admin's: every project sees it). */
  extNet(): string;
  /** A name not used before in this run. */
  unique(prefix: string): string;
  /** Waits until the owner's server `id` is ACTIVE with no task running. */
  idle(id: string): Promise<unknown>;
  /** A number not used before in this run (CIDRs, ports, sizes). */
  next(): number;
  /** The cloud admin's API. */
  cloud(): Api;
  /** An OpenSSH public key line every caller imported as OWN_KEY. */
  publicKey(): string;
  /** A small qcow2 image's bytes, to upload. */
  qcow2(): Buffer;
  callerPassword(c: Caller): string;
}

/** One case per RPC of the table, by its full method name. */
export function rpcCases(m: CaseContext): Record<string, Case> {
  // A migration record to read and (too late) abort: a resize of a fresh server by the cloud
  // admin, which the fake agents (no move RPCs yet) end in status error, the server back at rest.
  let migration: Promise<string> | undefined;
  const aMigration = () => {
    migration ??= (async () => {
      const server = await m.fresh.server();
      const flavor = await m
        .cloud()
        .flavors.CreateFlavor({ name: m.unique('fl-big'), vcpus: 1, ramMib: 128, diskGib: 2 });
      const mig = await m.cloud().serverMoves.ResizeServer({ server, flavor: flavor.id });
      await m.idle(server);
      return mig.id;
    })();
    return migration;
  };
  return {
    // Each caller logs in as itself.
    '/strato.identity.v1.Identity/Login': {
      targets: false,
      request: (_x, _own, caller) => ({ username: caller.user, password: m.callerPassword(caller), project: '' }),
    },
    '/strato.identity.v1.Identity/Logout': { targets: false, throwaway: true, request: () => ({}) },
    '/strato.identity.v1.Identity/RevokeToken': { targets: false, request: () => ({ token: 'A'.repeat(43) }) },
    '/strato.identity.v1.Identity/WhoAmI': { targets: false, request: () => ({}) },
    '/strato.identity.v1.Identity/ListProjects': { targets: false, request: () => ({}) },
    '/strato.identity.v1.Identity/GetProject': { targets: true, request: (x) => ({ project: x.projectId }) },
    '/strato.identity.v1.Identity/CreateProject': { targets: false, request: () => ({ name: m.unique('proj') }) },
    '/strato.identity.v1.Identity/UpdateProject': {
      targets: true,
      request: (x) => ({ project: x.projectId, description: 'owned' }),
    },
    // The owner's project is not empty: the cloud admin's call passes policy and fails FAILED_PRECONDITION.
    '/strato.identity.v1.Identity/DeleteProject': { targets: true, request: (x) => ({ project: x.projectId }) },
    '/strato.identity.v1.Identity/CreateUser': {
      targets: true,
      request: (x) => ({ name: m.unique('user'), password: 'a-long-password', project: x.projectId, role: 'reader' }),
    },
    '/strato.identity.v1.Identity/GetUser': { targets: true, request: (x) => ({ user: x.userId }) },
    '/strato.identity.v1.Identity/ListUsers': { targets: true, request: (x) => ({ project: x.projectId }) },
    '/strato.identity.v1.Identity/UpdateUser': { targets: true, request: (x) => ({ user: x.userId, enabled: true }) },
    '/strato.identity.v1.Identity/DeleteUser': {
      targets: true,
      destructive: true,
      async request(x, own) {
        if (!own) return { user: x.userId };
        const u = await m.cloud().identity.CreateUser({
          name: m.unique('doomed'),
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
        if (own) await m.cloud().identity.AddRoleAssignment(req);
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
    '/strato.compute.v1.KeyPairs/CreateKeyPair': { targets: false, request: () => ({ name: m.unique('kp') }) },
    '/strato.compute.v1.KeyPairs/ImportKeyPair': {
      targets: false,
      request: () => ({ name: m.unique('kp'), publicKey: m.publicKey() }),
    },
    '/strato.compute.v1.KeyPairs/GetKeyPair': { targets: false, request: () => ({ keyPair: OWN_KEY }) },
    '/strato.compute.v1.KeyPairs/ListKeyPairs': { targets: false, request: () => ({}) },
    '/strato.compute.v1.KeyPairs/DeleteKeyPair': {
      targets: false,
      destructive: true,
      async request(_x, _own, caller) {
        const name = m.unique('doomed-kp');
        await caller.api.keyPairs.ImportKeyPair({ name, publicKey: m.publicKey() });
        return { keyPair: name };
      },
    },

    '/strato.image.v1.Images/CreateImage': {
      targets: false,
      request: () => ({ name: m.unique('img'), diskFormat: 'qcow2', public: false }),
    },
    '/strato.image.v1.Images/UploadImage': {
      targets: true,
      destructive: true,
      // Each call gets a queued image of the owner's to upload into.
      request: async () => [{ imageId: await m.fresh.image(), data: m.qcow2() }],
    },
    '/strato.image.v1.Images/GetImage': { targets: true, request: (x) => ({ image: x.image }) },
    '/strato.image.v1.Images/ListImages': { targets: false, request: () => ({}) },
    '/strato.image.v1.Images/DeleteImage': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ image: own ? await m.fresh.image() : x.image }),
    },

    '/strato.compute.v1.Flavors/CreateFlavor': {
      targets: false,
      request: () => ({ name: m.unique('fl'), vcpus: 1, ramMib: 64, diskGib: 1 }),
    },
    '/strato.compute.v1.Flavors/GetFlavor': { targets: false, request: () => ({ flavor: 'small' }) },
    '/strato.compute.v1.Flavors/ListFlavors': { targets: false, request: () => ({}) },
    '/strato.compute.v1.Flavors/DeleteFlavor': {
      targets: false,
      destructive: true,
      async request(_x, own) {
        if (!own) return { flavor: 'small' };
        return {
          flavor: (await m.cloud().flavors.CreateFlavor({ name: m.unique('fl'), vcpus: 1, ramMib: 64, diskGib: 1 })).id,
        };
      },
    },

    // The owner's private image: the other project cannot boot it.
    '/strato.compute.v1.Servers/CreateServer': {
      targets: true,
      request: (x) => ({ name: m.unique('vm'), image: x.image, flavor: 'small' }),
    },
    '/strato.compute.v1.Servers/GetServer': { targets: true, request: (x) => ({ server: x.server }) },
    '/strato.compute.v1.Servers/ListServers': { targets: false, request: () => ({}) },
    '/strato.compute.v1.Servers/DeleteServer': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ server: own ? await m.fresh.server() : x.server }),
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
        await m.idle(x.server).catch(() => undefined);
        return { server: x.server, network: x.network };
      },
    },
    '/strato.compute.v1.Servers/RemoveServerPort': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ server: x.server, port: own ? await m.fresh.attachedPort() : x.port }),
    },
    // Types a line into the owner's server's console (the fake guest echoes it).
    '/strato.compute.v1.ServerConsoles/AttachConsole': {
      targets: true,
      request: (x) => [{ server: x.server, data: Buffer.from('echo role-matrix\n') }],
    },
    // On the server the power actions use: a snapshot or rebuild in flight is TASK_IN_PROGRESS to the next caller.
    '/strato.compute.v1.Servers/CreateServerImage': {
      targets: true,
      request: (x) => ({ server: x.actionServer, name: m.unique('snap') }),
    },
    '/strato.compute.v1.Servers/RebuildServer': {
      targets: true,
      request: (x) => ({ server: x.actionServer, image: '' }),
    },
    '/strato.compute.v1.Servers/UpdateServer': {
      targets: true,
      request: (x) => ({ server: x.server, setMetadata: { touched: 'yes' } }),
    },
    '/strato.compute.v1.ServerVolumes/AddServerVolume': {
      targets: true,
      destructive: true,
      async request(x, own) {
        if (!own) return { server: x.server, volume: x.volume };
        const volume = await m.fresh.volume();
        await m.idle(x.server);
        return { server: x.server, volume };
      },
    },
    // A volume of the owner's that is not attached: the owner's callers get past the lookups
    // (VOLUME_NOT_ATTACHED), the other project's do not (SERVER_NOT_FOUND).
    '/strato.compute.v1.ServerVolumes/RemoveServerVolume': {
      targets: true,
      request: (x) => ({ server: x.server, volume: x.volume }),
    },

    // Admin only: the admin's request fails its schema (bandwidth out of range) once past the policy, so
    // the owner's server stays where it is.
    '/strato.compute.v1.ServerMoves/MigrateServer': {
      targets: false,
      request: (x) => ({ server: x.server, live: false, host: '', bandwidthMibS: 2_000_000 }),
    },
    // The server's own flavor: past the lookups, refused SAME_FLAVOR (FAILED_PRECONDITION).
    '/strato.compute.v1.ServerMoves/ResizeServer': {
      targets: true,
      request: (x) => ({ server: x.server, flavor: 'small' }),
    },
    // Not RESIZED: past the lookups, refused INVALID_STATE.
    '/strato.compute.v1.ServerMoves/ConfirmResize': { targets: true, request: (x) => ({ server: x.server }) },
    '/strato.compute.v1.ServerMoves/RevertResize': { targets: true, request: (x) => ({ server: x.server }) },
    '/strato.compute.v1.ServerMoves/ListMigrations': { targets: false, request: () => ({}) },
    '/strato.compute.v1.ServerMoves/GetMigration': {
      targets: false,
      request: async () => ({ migration: await aMigration() }),
    },
    // It ended: the admin gets MIGRATION_NOT_RUNNING (FAILED_PRECONDITION).
    '/strato.compute.v1.ServerMoves/AbortMigration': {
      targets: false,
      request: async () => ({ migration: await aMigration() }),
    },

    '/strato.host.v1.Hosts/ListHosts': { targets: false, request: () => ({}) },
    '/strato.host.v1.Hosts/GetHost': { targets: false, request: () => ({ host: 'hv-2' }) },
    '/strato.host.v1.Hosts/SetHostEnabled': { targets: false, request: () => ({ host: 'hv-2', enabled: true }) },
    // hv-2 is up: an admin gets past the policy and is refused for the host's state, changing nothing.
    '/strato.host.v1.Hosts/EvacuateHost': { targets: false, request: () => ({ host: 'hv-2', targetHost: '' }) },
    // The storage host (too small for servers: nothing to move), enabled again for the volume cases.
    '/strato.host.v1.Hosts/DrainHost': {
      targets: false,
      request: () => ({ host: 'st-1' }),
      after: () => m.cloud().hosts.SetHostEnabled({ host: 'st-1', enabled: true }),
    },
    // Issued and revoked for hosts of their own: hv-2 keeps its certificate (and its servers).
    '/strato.host.v1.HostCertificates/IssueHostCertificate': {
      targets: false,
      request: () => ({ host: m.unique('hv-issued') }),
    },
    '/strato.host.v1.HostCertificates/RotateHostCertificate': { targets: false, request: () => ({ host: 'hv-2' }) },
    '/strato.host.v1.HostCertificates/RevokeHostCertificate': {
      targets: false,
      request: () => ({ host: m.unique('hv-revoked') }),
    },
    '/strato.host.v1.HostCertificates/GetHostCertificates': { targets: false, request: () => ({ host: 'hv-2' }) },

    '/strato.network.v1.Networks/CreateNetwork': { targets: false, request: () => ({ name: m.unique('net') }) },
    '/strato.network.v1.Networks/GetNetwork': { targets: true, request: (x) => ({ network: x.network }) },
    '/strato.network.v1.Networks/ListNetworks': { targets: false, request: () => ({}) },
    '/strato.network.v1.Networks/DeleteNetwork': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ network: own ? await m.fresh.network() : x.network }),
    },
    '/strato.network.v1.Subnets/CreateSubnet': {
      targets: true,
      request: (x) => ({ name: m.unique('sub'), network: x.network, cidr: `10.78.${m.next()}.0/24` }),
    },
    '/strato.network.v1.Subnets/GetSubnet': { targets: true, request: (x) => ({ subnet: x.subnet }) },
    '/strato.network.v1.Subnets/ListSubnets': { targets: false, request: () => ({}) },
    '/strato.network.v1.Subnets/DeleteSubnet': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ subnet: own ? await m.fresh.subnet() : x.subnet }),
    },
    '/strato.network.v1.Ports/CreatePort': {
      targets: true,
      request: (x) => ({ name: m.unique('port'), network: x.network }),
    },
    '/strato.network.v1.Ports/GetPort': { targets: true, request: (x) => ({ port: x.port }) },
    '/strato.network.v1.Ports/ListPorts': { targets: false, request: () => ({}) },
    '/strato.network.v1.Ports/DeletePort': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ port: own ? await m.fresh.port() : x.port }),
    },
    '/strato.network.v1.Routers/CreateRouter': { targets: false, request: () => ({ name: m.unique('router') }) },
    '/strato.network.v1.Routers/GetRouter': { targets: true, request: (x) => ({ router: x.router }) },
    '/strato.network.v1.Routers/ListRouters': { targets: false, request: () => ({}) },
    '/strato.network.v1.Routers/UpdateRouter': {
      targets: true,
      request: (x) => ({ router: x.router, name: m.unique('router') }),
    },
    '/strato.network.v1.Routers/DeleteRouter': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ router: own ? await m.fresh.router() : x.router }),
    },
    '/strato.network.v1.Routers/SetRouterGateway': {
      targets: true,
      request: (x) => ({ router: x.router, externalNetwork: m.extNet() }),
    },
    '/strato.network.v1.Routers/ClearRouterGateway': { targets: true, request: (x) => ({ router: x.router }) },
    // A new subnet for each caller that passes (a subnet joins one router once).
    '/strato.network.v1.Routers/AddRouterInterface': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ router: x.router, subnet: own ? await m.fresh.subnet() : x.subnet }),
    },
    '/strato.network.v1.Routers/RemoveRouterInterface': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ router: x.fipRouter, subnet: own ? await m.fresh.routerSubnet() : x.subnet }),
    },
    '/strato.network.v1.FloatingIps/CreateFloatingIp': {
      targets: false,
      request: () => ({ floatingNetwork: m.extNet() }),
    },
    '/strato.network.v1.FloatingIps/GetFloatingIp': { targets: true, request: (x) => ({ floatingIp: x.floatingIp }) },
    '/strato.network.v1.FloatingIps/ListFloatingIps': { targets: false, request: () => ({}) },
    '/strato.network.v1.FloatingIps/SetFloatingIpPort': {
      targets: true,
      request: (x) => ({ floatingIp: x.floatingIp, port: x.port }),
    },
    '/strato.network.v1.FloatingIps/UnsetFloatingIpPort': {
      targets: true,
      request: (x) => ({ floatingIp: x.floatingIp }),
    },
    '/strato.network.v1.FloatingIps/DeleteFloatingIp': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ floatingIp: own ? await m.fresh.floatingIp() : x.floatingIp }),
    },
    '/strato.network.v1.SecurityGroups/CreateSecurityGroup': {
      targets: false,
      request: () => ({ name: m.unique('sg'), description: 'made by the matrix' }),
    },
    '/strato.network.v1.SecurityGroups/GetSecurityGroup': {
      targets: true,
      request: (x) => ({ securityGroup: x.group }),
    },
    '/strato.network.v1.SecurityGroups/ListSecurityGroups': { targets: false, request: () => ({}) },
    '/strato.network.v1.SecurityGroups/DeleteSecurityGroup': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ securityGroup: own ? await m.fresh.group() : x.group }),
    },
    '/strato.network.v1.SecurityGroups/CreateSecurityGroupRule': {
      targets: true,
      request(x) {
        const p = 2000 + m.next();
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
      request: async (x, own) => ({ ruleId: own ? await m.fresh.rule() : x.rule }),
    },

    '/strato.volume.v1.Volumes/CreateVolume': {
      targets: false,
      request: () => ({ name: m.unique('vol'), sizeGib: 1 }),
    },
    '/strato.volume.v1.Volumes/GetVolume': { targets: true, request: (x) => ({ volume: x.volume }) },
    '/strato.volume.v1.Volumes/ListVolumes': { targets: false, request: () => ({}) },
    '/strato.volume.v1.Volumes/UpdateVolume': {
      targets: true,
      request: (x) => ({ volume: x.volume, description: 'described' }),
    },
    '/strato.volume.v1.Volumes/ExtendVolume': {
      targets: true,
      request: (x) => ({ volume: x.extendVolume, newSizeGib: 1 + m.next() }),
    },
    '/strato.volume.v1.Volumes/DeleteVolume': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ volume: own ? await m.fresh.volume() : x.volume }),
    },
    '/strato.volume.v1.Volumes/ListVolumeBackends': { targets: false, request: () => ({}) },
    '/strato.volume.v1.VolumeSnapshots/CreateVolumeSnapshot': {
      targets: true,
      request: (x) => ({ name: m.unique('snap'), volume: x.snapVolume }),
    },
    '/strato.volume.v1.VolumeSnapshots/GetVolumeSnapshot': {
      targets: true,
      request: (x) => ({ snapshot: x.snapshot }),
    },
    '/strato.volume.v1.VolumeSnapshots/ListVolumeSnapshots': { targets: false, request: () => ({}) },
    '/strato.volume.v1.VolumeSnapshots/DeleteVolumeSnapshot': {
      targets: true,
      destructive: true,
      request: async (x, own) => ({ snapshot: own ? await m.fresh.snapshot() : x.snapshot }),
    },
  };
}
