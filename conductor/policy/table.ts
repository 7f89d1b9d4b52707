// The policy table: every RPC of every public service, by its full method
// name, with the callers it admits, whether it is scoped to the caller's
// project and whether it changes state (rule.ts). One place to read who may
// do what; test/unit/policy/ walks the protos so that an RPC added without a
// line here fails the build, and the conductor refuses to start with one.
//
// Choices worth knowing (after Nova's and Keystone's "secure RBAC" defaults):
// - a reader reads everything of its project but a server's console log,
//   which may hold what the guest printed of its secrets (member, as Nova's
//   os-console-output);
// - flavors are the cloud's catalogue: every role reads them, admins change them;
// - hosts (and their certificates), volume backends, projects, users and role
//   assignments are the cloud admin's; a user sees itself (WhoAmI) and the projects it holds a
//   role in (ListProjects, GetProject);
// - key pairs are personal credentials, not a project's: every user manages
//   its own whatever its role (as Nova's defaults), and only its own.
import { adminRead, adminWrite, cloudRead, personal, type Rule, read, write } from './rule.ts';

function service(name: string, rules: Record<string, Rule>): Array<[string, Rule]> {
  return Object.entries(rules).map(([rpc, rule]) => [`/${name}/${rpc}`, rule]);
}

export const POLICY: ReadonlyMap<string, Rule> = new Map([
  ...service('strato.identity.v1.Identity', {
    Login: { allow: 'public', projectScoped: false, mutates: true },
    Logout: { allow: 'authenticated', projectScoped: false, mutates: true },
    RevokeToken: { allow: 'authenticated', projectScoped: false, mutates: true },
    WhoAmI: { allow: 'authenticated', projectScoped: false, mutates: false },
    ListProjects: { allow: 'authenticated', projectScoped: false, mutates: false },
    GetProject: read(),
    CreateProject: adminWrite,
    UpdateProject: adminWrite,
    DeleteProject: adminWrite,
    CreateUser: adminWrite,
    GetUser: adminRead,
    ListUsers: adminRead,
    UpdateUser: adminWrite,
    DeleteUser: adminWrite,
    AddRoleAssignment: adminWrite,
    RemoveRoleAssignment: adminWrite,
    ListRoleAssignments: adminRead,
  }),
  ...service('strato.identity.v1.Quotas', {
    GetQuota: read(),
    SetQuota: adminWrite,
  }),
  // A key pair is its user's alone (Nova's os-keypairs): any user keeps its
  // own, whatever its role; nobody else sees it (NOT_FOUND), not the cloud admin.
  ...service('strato.compute.v1.KeyPairs', {
    CreateKeyPair: personal(true),
    ImportKeyPair: personal(true),
    GetKeyPair: personal(false),
    ListKeyPairs: personal(false),
    DeleteKeyPair: personal(true),
  }),
  ...service('strato.image.v1.Images', {
    CreateImage: write(),
    UploadImage: write(),
    GetImage: read(),
    ListImages: read(),
    DeleteImage: write(),
  }),
  ...service('strato.compute.v1.Flavors', {
    CreateFlavor: adminWrite,
    GetFlavor: cloudRead,
    ListFlavors: cloudRead,
    DeleteFlavor: adminWrite,
  }),
  ...service('strato.compute.v1.Servers', {
    CreateServer: write(),
    GetServer: read(),
    ListServers: read(),
    DeleteServer: write(),
    ServerAction: write(),
    GetConsoleLog: read('member'),
    ListServerEvents: read(),
    AddServerPort: write(),
    RemoveServerPort: write(),
    CreateServerImage: write(),
    RebuildServer: write(),
    UpdateServer: write(),
  }),
  // An interactive console types into the guest as its user: members, like the console log.
  ...service('strato.compute.v1.ServerConsoles', {
    AttachConsole: write(),
  }),
  ...service('strato.compute.v1.ServerVolumes', {
    AddServerVolume: write(),
    RemoveServerVolume: write(),
  }),
  // Where a server runs is the operator's business (as Nova's os-migrate-server and
  // os-migrations policies): moving it and the migration records are the admin's;
  // a resize (and its confirm or revert) is the server's project's.
  ...service('strato.compute.v1.ServerMoves', {
    MigrateServer: adminWrite,
    ResizeServer: write(),
    ConfirmResize: write(),
    RevertResize: write(),
    ListMigrations: adminRead,
    GetMigration: adminRead,
    AbortMigration: adminWrite,
  }),
  ...service('strato.host.v1.Hosts', {
    ListHosts: adminRead,
    GetHost: adminRead,
    SetHostEnabled: adminWrite,
    EvacuateHost: adminWrite,
    DrainHost: adminWrite,
  }),
  ...service('strato.host.v1.HostCertificates', {
    IssueHostCertificate: adminWrite,
    RotateHostCertificate: adminWrite,
    RevokeHostCertificate: adminWrite,
    GetHostCertificates: adminRead,
  }),
  ...service('strato.network.v1.Networks', {
    CreateNetwork: write(),
    GetNetwork: read(),
    ListNetworks: read(),
    DeleteNetwork: write(),
  }),
  ...service('strato.network.v1.Subnets', {
    CreateSubnet: write(),
    GetSubnet: read(),
    ListSubnets: read(),
    DeleteSubnet: write(),
  }),
  ...service('strato.network.v1.Ports', {
    CreatePort: write(),
    GetPort: read(),
    ListPorts: read(),
    DeletePort: write(),
  }),
  ...service('strato.network.v1.SecurityGroups', {
    CreateSecurityGroup: write(),
    GetSecurityGroup: read(),
    ListSecurityGroups: read(),
    DeleteSecurityGroup: write(),
    CreateSecurityGroupRule: write(),
    DeleteSecurityGroupRule: write(),
  }),
  ...service('strato.network.v1.Routers', {
    CreateRouter: write(),
    GetRouter: read(),
    ListRouters: read(),
    UpdateRouter: write(),
    DeleteRouter: write(),
    SetRouterGateway: write(),
    ClearRouterGateway: write(),
    AddRouterInterface: write(),
    RemoveRouterInterface: write(),
  }),
  ...service('strato.network.v1.FloatingIps', {
    CreateFloatingIp: write(),
    GetFloatingIp: read(),
    ListFloatingIps: read(),
    SetFloatingIpPort: write(),
    UnsetFloatingIpPort: write(),
    DeleteFloatingIp: write(),
  }),
  ...service('strato.volume.v1.Volumes', {
    CreateVolume: write(),
    GetVolume: read(),
    ListVolumes: read(),
    UpdateVolume: write(),
    ExtendVolume: write(),
    DeleteVolume: write(),
    ListVolumeBackends: adminRead,
  }),
  ...service('strato.volume.v1.VolumeSnapshots', {
    CreateVolumeSnapshot: write(),
    GetVolumeSnapshot: read(),
    ListVolumeSnapshots: read(),
    DeleteVolumeSnapshot: write(),
  }),
]);

/** The rule of `method` (`/pkg.Service/Rpc`), or undefined when it has none. */
export function ruleFor(method: string): Rule | undefined {
  return POLICY.get(method);
}

/** The methods among `methods` without a rule (a server must not serve those). */
export function uncovered(methods: Iterable<string>): string[] {
  return [...methods].filter((m) => !POLICY.has(m));
}
