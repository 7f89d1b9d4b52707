// The conductor's network services on loopback (plain text) over a real SQLite
// store in a temp dir, with the real identity layer for bearer tokens: an admin
// and one member user per project, each with call options carrying its token.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProtoGrpcType } from '../../../common/gen/network.ts';
import type { ProtoGrpcType as RouterProto } from '../../../common/gen/router.ts';
import type { FloatingIpsClient, FloatingIpsHandlers } from '../../../common/gen/strato/network/v1/FloatingIps.ts';
import type { RoutersClient, RoutersHandlers } from '../../../common/gen/strato/network/v1/Routers.ts';
import type { CreatePortRequest } from '../../../common/gen/strato/network/v1/CreatePortRequest.ts';
import type { CreateSubnetRequest } from '../../../common/gen/strato/network/v1/CreateSubnetRequest.ts';
import type { NetworksClient, NetworksHandlers } from '../../../common/gen/strato/network/v1/Networks.ts';
import type { PortsClient, PortsHandlers } from '../../../common/gen/strato/network/v1/Ports.ts';
import type {
  SecurityGroupsClient,
  SecurityGroupsHandlers,
} from '../../../common/gen/strato/network/v1/SecurityGroups.ts';
import type { SubnetsClient, SubnetsHandlers } from '../../../common/gen/strato/network/v1/Subnets.ts';
import { type CallOpts, connect, type StratoClient } from '../../../common/grpc/client.ts';
import { insecureChannelCredentials, insecureServerCredentials } from '../../../common/grpc/credentials.ts';
import { StratoServer } from '../../../common/grpc/server.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { networkApis } from '../../../conductor/api/network-apis.ts';
import { validatePublicRequest } from '../../../conductor/api/schemas/request-check.ts';
import { createIdentity, type Identity } from '../../../conductor/identity/identity.ts';
import { createNetworking, type Networking, type NetworkingOptions } from '../../../conductor/network/networking.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { bearer } from '../../harness/auth.ts';
import { quiet } from '../../harness/quiet-log.ts';

export interface NetFixture {
  store: SqliteStore;
  identity: Identity;
  net: Networking;
  networks: StratoClient<NetworksClient>;
  subnets: StratoClient<SubnetsClient>;
  ports: StratoClient<PortsClient>;
  groups: StratoClient<SecurityGroupsClient>;
  routers: StratoClient<RoutersClient>;
  floatingIps: StratoClient<FloatingIpsClient>;
  admin: CallOpts;
  /** A member of a new project (created on first use, cached by project name). */
  member(project: string): Promise<CallOpts & { projectId: string }>;
  close(): Promise<void>;
}

export async function startNetworkApi(o: Partial<Omit<NetworkingOptions, 'store'>> = {}): Promise<NetFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-net-test-'));
  const cleanups: (() => unknown)[] = [() => rm(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    const store = new SqliteStore({ path: join(dir, 'store.db') });
    cleanups.push(() => store.close());
    // Wired as conductor/main.ts wires them: a project comes with its default security group.
    const net = createNetworking({ store, log: quiet, ...o });
    const identity = createIdentity({
      store,
      log: quiet,
      projectResources: (id) => net.securityGroups.defaultGroupOps(id),
    });
    const pkg = await loadProtoPackage();
    const proto = toGrpcObject<ProtoGrpcType & RouterProto>(pkg);
    const apis = networkApis(identity, net);
    const v1 = proto.strato.network.v1;
    const server = new StratoServer({ log: quiet, validateRequest: validatePublicRequest });
    server
      .addService<NetworksHandlers>(v1.Networks.service, apis.networks)
      .addService<SubnetsHandlers>(v1.Subnets.service, apis.subnets)
      .addService<PortsHandlers>(v1.Ports.service, apis.ports)
      .addService<SecurityGroupsHandlers>(v1.SecurityGroups.service, apis.securityGroups)
      .addService<RoutersHandlers>(v1.Routers.service, apis.routers)
      .addService<FloatingIpsHandlers>(v1.FloatingIps.service, apis.floatingIps);
    const port = await server.listen('127.0.0.1:0', insecureServerCredentials());
    cleanups.push(() => server.shutdown(1000));
    const address = `127.0.0.1:${port}`;
    const opts = { credentials: insecureChannelCredentials(), retry: false as const };
    const clients = {
      networks: connect(v1.Networks, address, opts),
      subnets: connect(v1.Subnets, address, opts),
      ports: connect(v1.Ports, address, opts),
      groups: connect(v1.SecurityGroups, address, opts),
      routers: connect(v1.Routers, address, opts),
      floatingIps: connect(v1.FloatingIps, address, opts),
    };
    cleanups.push(() => {
      for (const c of Object.values(clients)) c.close();
    });

    const adminProject = await identity.createProject('admin');
    await identity.createUser({ name: 'admin', password: 'admin-password-1', project: adminProject.id, role: 'admin' });
    const admin = bearer((await identity.login({ username: 'admin', password: 'admin-password-1' })).token);
    const members = new Map<string, CallOpts & { projectId: string }>();
    const member = async (project: string) => {
      const known = members.get(project);
      if (known) return known;
      const p = await identity.createProject(project);
      await identity.createUser({
        name: `${project}-user`,
        password: `${project}-password`,
        project: p.id,
        role: 'member',
      });
      const login = await identity.login({ username: `${project}-user`, password: `${project}-password` });
      const m = { ...bearer(login.token), projectId: p.id };
      members.set(project, m);
      return m;
    };
    return { store, identity, net, ...clients, admin, member, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The error a promise rejects with; fails the test if it resolves. */

/** A CreatePort request on `network` with every field at its default, but those in `o`. */
export const portReq = (network: string, o: Partial<CreatePortRequest> = {}): CreatePortRequest => ({
  name: '',
  network,
  fixedIps: [],
  securityGroups: [],
  noSecurityGroups: false,
  macAddress: '',
  deviceId: '',
  deviceOwner: '',
  bindingHost: '',
  ...o,
});

/** A CreateSubnet request for `cidr` on `network` (named after the CIDR), defaults but for `o`. */
export const subnetReq = (
  network: string,
  cidr: string,
  o: Partial<CreateSubnetRequest> = {},
): CreateSubnetRequest => ({
  name: `sub-${cidr.replace(/[./]/g, '-')}`,
  network,
  cidr,
  gatewayIp: '',
  allocationPools: [],
  dnsServers: [],
  disableDhcp: false,
  ...o,
});
