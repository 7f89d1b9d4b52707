// A typed facade over strato's public gRPC API for end-to-end tests: one client per
// service, TLS with the cloud's CA, and the caller's bearer token on every call.
// Tests talk to the API exactly as the CLI does, without its formatting.
import { readFile } from 'node:fs/promises';
import { credentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as FlavorProto } from '../../../common/gen/flavor.ts';
import type { ProtoGrpcType as HostProto } from '../../../common/gen/host.ts';
import type { ProtoGrpcType as IdentityProto } from '../../../common/gen/identity.ts';
import type { ProtoGrpcType as ImageProto } from '../../../common/gen/image.ts';
import type { ProtoGrpcType as KeyPairProto } from '../../../common/gen/keypair.ts';
import type { ProtoGrpcType as NetworkProto } from '../../../common/gen/network.ts';
import type { ProtoGrpcType as RouterProto } from '../../../common/gen/router.ts';
import type { ProtoGrpcType as ServerProto } from '../../../common/gen/server.ts';
import type { ProtoGrpcType as VolumeProto } from '../../../common/gen/volume.ts';
import type { FlavorsClient } from '../../../common/gen/strato/compute/v1/Flavors.ts';
import type { KeyPairsClient } from '../../../common/gen/strato/compute/v1/KeyPairs.ts';
import type { ServersClient } from '../../../common/gen/strato/compute/v1/Servers.ts';
import type { ServerVolumesClient } from '../../../common/gen/strato/compute/v1/ServerVolumes.ts';
import type { HostsClient } from '../../../common/gen/strato/host/v1/Hosts.ts';
import type { IdentityClient } from '../../../common/gen/strato/identity/v1/Identity.ts';
import type { Image__Output } from '../../../common/gen/strato/image/v1/Image.ts';
import type { ImagesClient } from '../../../common/gen/strato/image/v1/Images.ts';
import type { NetworksClient } from '../../../common/gen/strato/network/v1/Networks.ts';
import type { FloatingIpsClient } from '../../../common/gen/strato/network/v1/FloatingIps.ts';
import type { PortsClient } from '../../../common/gen/strato/network/v1/Ports.ts';
import type { RoutersClient } from '../../../common/gen/strato/network/v1/Routers.ts';
import type { SecurityGroupsClient } from '../../../common/gen/strato/network/v1/SecurityGroups.ts';
import type { SubnetsClient } from '../../../common/gen/strato/network/v1/Subnets.ts';
import type { VolumeSnapshotsClient } from '../../../common/gen/strato/volume/v1/VolumeSnapshots.ts';
import type { VolumesClient } from '../../../common/gen/strato/volume/v1/Volumes.ts';
import { connect, type StratoClient } from '../../../common/grpc/client.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';
import { bearerInterceptor } from '../../harness/auth.ts';

type Proto = FlavorProto &
  HostProto &
  IdentityProto &
  ImageProto &
  KeyPairProto &
  NetworkProto &
  RouterProto &
  ServerProto &
  VolumeProto;

export interface Api {
  readonly identity: StratoClient<IdentityClient>;
  readonly images: StratoClient<ImagesClient>;
  readonly flavors: StratoClient<FlavorsClient>;
  readonly servers: StratoClient<ServersClient>;
  readonly keyPairs: StratoClient<KeyPairsClient>;
  readonly hosts: StratoClient<HostsClient>;
  readonly networks: StratoClient<NetworksClient>;
  readonly subnets: StratoClient<SubnetsClient>;
  readonly ports: StratoClient<PortsClient>;
  readonly securityGroups: StratoClient<SecurityGroupsClient>;
  readonly routers: StratoClient<RoutersClient>;
  readonly floatingIps: StratoClient<FloatingIpsClient>;
  readonly volumes: StratoClient<VolumesClient>;
  readonly volumeSnapshots: StratoClient<VolumeSnapshotsClient>;
  /** Attaching and detaching volumes (`server add volume`). */
  readonly serverVolumes: StratoClient<ServerVolumesClient>;
  /** The bearer token the clients send ('' before login). */
  token: string;
  /** Logs in and keeps the new token for every later call. */
  login(username: string, password: string, project?: string): Promise<void>;
  /** Creates an image and streams `file` into it; resolves with the final image. */
  uploadImage(name: string, file: string, opts?: { public?: boolean; diskFormat?: string }): Promise<Image__Output>;
  close(): void;
}

let proto: Promise<Proto> | undefined;

function loadProto(): Promise<Proto> {
  proto ??= loadProtoPackage().then((pkg) => toGrpcObject<Proto>(pkg));
  return proto;
}

const CHUNK = 1024 * 1024;

export async function openApi(endpoint: string, caFile: string): Promise<Api> {
  const [p, ca] = await Promise.all([loadProto(), readFile(caFile)]);
  const state = { token: '' };
  const auth = bearerInterceptor(() => state.token);
  const opts = { credentials: credentials.createSsl(ca), interceptors: [auth], defaultDeadlineMs: 30_000 };
  const identity = connect(p.strato.identity.v1.Identity, endpoint, opts);
  const images = connect(p.strato.image.v1.Images, endpoint, opts);
  const flavors = connect(p.strato.compute.v1.Flavors, endpoint, opts);
  const servers = connect(p.strato.compute.v1.Servers, endpoint, opts);
  const keyPairs = connect(p.strato.compute.v1.KeyPairs, endpoint, opts);
  const hosts = connect(p.strato.host.v1.Hosts, endpoint, opts);
  const networks = connect(p.strato.network.v1.Networks, endpoint, opts);
  const subnets = connect(p.strato.network.v1.Subnets, endpoint, opts);
  const ports = connect(p.strato.network.v1.Ports, endpoint, opts);
  const securityGroups = connect(p.strato.network.v1.SecurityGroups, endpoint, opts);
  const routers = connect(p.strato.network.v1.Routers, endpoint, opts);
  const floatingIps = connect(p.strato.network.v1.FloatingIps, endpoint, opts);
  const volumes = connect(p.strato.volume.v1.Volumes, endpoint, opts);
  const volumeSnapshots = connect(p.strato.volume.v1.VolumeSnapshots, endpoint, opts);
  const serverVolumes = connect(p.strato.compute.v1.ServerVolumes, endpoint, opts);
  const clients: { close(): void }[] = [identity, images, flavors, servers, hosts, networks, subnets, ports];
  clients.push(keyPairs, securityGroups, routers, floatingIps, volumes, volumeSnapshots, serverVolumes);
  return {
    identity,
    images,
    flavors,
    servers,
    keyPairs,
    hosts,
    networks,
    subnets,
    ports,
    securityGroups,
    routers,
    floatingIps,
    volumes,
    volumeSnapshots,
    serverVolumes,
    get token() {
      return state.token;
    },
    set token(t: string) {
      state.token = t;
    },
    async login(username, password, project = '') {
      const res = await identity.Login({ username, password, project });
      state.token = res.token;
    },
    async uploadImage(name, file, o = {}) {
      const image = await images.CreateImage({
        name,
        public: o.public ?? false,
        diskFormat: o.diskFormat ?? 'qcow2',
      });
      const bytes = await readFile(file);
      async function* chunks() {
        for (let off = 0; off < bytes.length || off === 0; off += CHUNK) {
          yield { imageId: image.id, data: bytes.subarray(off, off + CHUNK) };
          if (bytes.length === 0) break;
        }
      }
      return images.UploadImage(chunks(), { timeoutMs: 120_000 });
    },
    close() {
      for (const c of clients) c.close();
    },
  };
}
