// One command's connection to the cloud: typed clients for the services it
// uses (each loads only its own .proto's build-time descriptor), the bearer
// token (STRATO_TOKEN, the cache, or a password login) and one request id for
// every call the command makes, so the server's event list and logs show the
// CLI invocation as one request. The channel is TLS, the server's certificate verified against the
// cloud's CA (plain text only to a loopback `http://` endpoint). This module
// pulls in grpc-js; the CLI imports it only when a command talks to the API.
import { readFile } from 'node:fs/promises';
import {
  type ChannelCredentials,
  type ChannelOptions,
  type ClientDuplexStream,
  credentials,
  Metadata,
} from '@grpc/grpc-js';
import { StratoError } from '../common/errors.ts';
import type { ProtoGrpcType as FlavorProto } from '../common/gen/flavor.ts';
import type { ProtoGrpcType as HostProto } from '../common/gen/host.ts';
import type { ProtoGrpcType as IdentityProto } from '../common/gen/identity.ts';
import type { ProtoGrpcType as ImageProto } from '../common/gen/image.ts';
import type { ProtoGrpcType as KeyPairProto } from '../common/gen/keypair.ts';
import type { ProtoGrpcType as NetworkProto } from '../common/gen/network.ts';
import type { ProtoGrpcType as QuotaProto } from '../common/gen/quota.ts';
import type { ProtoGrpcType as RouterProto } from '../common/gen/router.ts';
import type { ProtoGrpcType as ServerProto } from '../common/gen/server.ts';
import type { ProtoGrpcType as ServerConsoleProto } from '../common/gen/server_console.ts';
import type { ServerConsolesClient } from '../common/gen/strato/compute/v1/ServerConsoles.ts';
import type { AttachConsoleRequest } from '../common/gen/strato/compute/v1/AttachConsoleRequest.ts';
import type { AttachConsoleResponse__Output } from '../common/gen/strato/compute/v1/AttachConsoleResponse.ts';
import type { ProtoGrpcType as ServerMoveProto } from '../common/gen/server_move.ts';
import type { FlavorsClient } from '../common/gen/strato/compute/v1/Flavors.ts';
import type { KeyPairsClient } from '../common/gen/strato/compute/v1/KeyPairs.ts';
import type { ServersClient } from '../common/gen/strato/compute/v1/Servers.ts';
import type { ServerMovesClient } from '../common/gen/strato/compute/v1/ServerMoves.ts';
import type { ServerVolumesClient } from '../common/gen/strato/compute/v1/ServerVolumes.ts';
import type { HostCertificatesClient } from '../common/gen/strato/host/v1/HostCertificates.ts';
import type { HostsClient } from '../common/gen/strato/host/v1/Hosts.ts';
import type { IdentityClient } from '../common/gen/strato/identity/v1/Identity.ts';
import type { LoginResponse__Output } from '../common/gen/strato/identity/v1/LoginResponse.ts';
import type { QuotasClient } from '../common/gen/strato/identity/v1/Quotas.ts';
import type { ImagesClient } from '../common/gen/strato/image/v1/Images.ts';
import type { FloatingIpsClient } from '../common/gen/strato/network/v1/FloatingIps.ts';
import type { NetworksClient } from '../common/gen/strato/network/v1/Networks.ts';
import type { PortsClient } from '../common/gen/strato/network/v1/Ports.ts';
import type { RoutersClient } from '../common/gen/strato/network/v1/Routers.ts';
import type { SecurityGroupsClient } from '../common/gen/strato/network/v1/SecurityGroups.ts';
import type { SubnetsClient } from '../common/gen/strato/network/v1/Subnets.ts';
import type { VolumeSnapshotsClient } from '../common/gen/strato/volume/v1/VolumeSnapshots.ts';
import type { VolumesClient } from '../common/gen/strato/volume/v1/Volumes.ts';
import type { ProtoGrpcType as VolumeProto } from '../common/gen/volume.ts';
import { type CallOpts, connect, type StratoClient } from '../common/grpc/client.ts';
import { MESSAGE_LIMITS } from '../common/grpc/message-limits.ts';
import { loadClientObject } from '../common/proto-descriptor.ts';
import { type Cloud, cloudPassword, type Env } from './config.ts';
import { CliError, configError, EXIT } from './errors.ts';
import {
  isStaleExplicit,
  isUsable,
  readCachedToken,
  removeCachedToken,
  tokenCachePath,
  writeCachedToken,
} from './token-cache.ts';

export type ImagesApi = StratoClient<ImagesClient>;
export type ConsoleCall = ClientDuplexStream<AttachConsoleRequest, AttachConsoleResponse__Output>;
export type FlavorsApi = StratoClient<FlavorsClient>;
export type ServersApi = StratoClient<ServersClient>;
export type HostsApi = StratoClient<HostsClient>;
export type HostCertificatesApi = StratoClient<HostCertificatesClient>;
export type IdentityApi = StratoClient<IdentityClient>;
export type NetworksApi = StratoClient<NetworksClient>;
export type SubnetsApi = StratoClient<SubnetsClient>;
export type PortsApi = StratoClient<PortsClient>;
export type SecurityGroupsApi = StratoClient<SecurityGroupsClient>;
export type RoutersApi = StratoClient<RoutersClient>;
export type FloatingIpsApi = StratoClient<FloatingIpsClient>;
export type ServerVolumesApi = StratoClient<ServerVolumesClient>;
export type ServerMovesApi = StratoClient<ServerMovesClient>;
export type VolumesApi = StratoClient<VolumesClient>;
export type VolumeSnapshotsApi = StratoClient<VolumeSnapshotsClient>;
export type QuotasApi = StratoClient<QuotasClient>;
export type KeyPairsApi = StratoClient<KeyPairsClient>;

const NETWORK_PROTO = 'strato/network/v1/network.proto';
const ROUTER_PROTO = 'strato/network/v1/router.proto';
const SERVER_PROTO = 'strato/compute/v1/server.proto';
const VOLUME_PROTO = 'strato/volume/v1/volume.proto';

/** Deadline of ordinary calls; uploads and waits set their own. */
export const CALL_TIMEOUT_MS = 30_000;

export interface SessionOptions {
  cloud: Cloud;
  env: Env;
  requestId: string;
  home?: string;
  now?: () => number;
}

type TokenSource = 'env' | 'cache' | 'login';

/** Who logs in: a user's name, password and project ('' = its default project). */
export interface Credentials {
  username: string;
  password: string;
  project: string;
}

export class Session {
  readonly cloud: Cloud;
  readonly requestId: string;
  private readonly env: Env;
  private readonly home: string | undefined;
  private readonly now: () => number;
  private readonly clients = new Map<string, { close(): void }>();
  private readonly opening = new Map<string, Promise<unknown>>();
  private channel: Promise<{ creds: ChannelCredentials; options: ChannelOptions }> | undefined;
  private token: string | undefined;
  private source: TokenSource | undefined;
  /** The cached token came from `strato login --user`: never swapped for the configured credentials. */
  private explicit = false;
  private reloggedIn = false;

  constructor(opts: SessionOptions) {
    this.cloud = opts.cloud;
    this.env = opts.env;
    this.requestId = opts.requestId;
    this.home = opts.home;
    this.now = opts.now ?? Date.now;
  }

  images(): Promise<ImagesApi> {
    return this.authed<ImageProto, ImagesApi>(
      'images',
      'strato/image/v1/image.proto',
      (p: ImageProto) => p.strato.image.v1.Images,
    );
  }
  flavors(): Promise<FlavorsApi> {
    return this.authed<FlavorProto, FlavorsApi>(
      'flavors',
      'strato/compute/v1/flavor.proto',
      (p: FlavorProto) => p.strato.compute.v1.Flavors,
    );
  }
  servers(): Promise<ServersApi> {
    return this.authed<ServerProto, ServersApi>('servers', SERVER_PROTO, (p) => p.strato.compute.v1.Servers);
  }
  /**
   * Opens a console session (strato.compute.v1.ServerConsoles.AttachConsole): a
   * bidirectional stream with the token and no deadline, never repeated.
   */
  async attachConsole(): Promise<ConsoleCall> {
    const client = await this.raw<ServerConsoleProto, StratoClient<ServerConsolesClient>>(
      'server-consoles',
      'strato/compute/v1/server_console.proto',
      (p) => p.strato.compute.v1.ServerConsoles,
    );
    await this.ensureToken();
    const { metadata } = this.callOpts(undefined);
    return client.raw.AttachConsole(metadata ?? new Metadata(), { deadline: Number.POSITIVE_INFINITY });
  }
  serverVolumes(): Promise<ServerVolumesApi> {
    return this.authed<ServerProto, ServerVolumesApi>(
      'server-volumes',
      SERVER_PROTO,
      (p) => p.strato.compute.v1.ServerVolumes,
    );
  }
  serverMoves(): Promise<ServerMovesApi> {
    return this.authed<ServerMoveProto, ServerMovesApi>(
      'server-moves',
      'strato/compute/v1/server_move.proto',
      (p) => p.strato.compute.v1.ServerMoves,
    );
  }
  hosts(): Promise<HostsApi> {
    return this.authed<HostProto, HostsApi>(
      'hosts',
      'strato/host/v1/host.proto',
      (p: HostProto) => p.strato.host.v1.Hosts,
    );
  }
  hostCertificates(): Promise<HostCertificatesApi> {
    return this.authed<HostProto, HostCertificatesApi>(
      'host-certificates',
      'strato/host/v1/host.proto',
      (p: HostProto) => p.strato.host.v1.HostCertificates,
    );
  }
  identity(): Promise<IdentityApi> {
    return this.authed<IdentityProto, IdentityApi>(
      'identity',
      'strato/identity/v1/identity.proto',
      (p: IdentityProto) => p.strato.identity.v1.Identity,
    );
  }

  quotas(): Promise<QuotasApi> {
    return this.authed<QuotaProto, QuotasApi>(
      'quotas',
      'strato/identity/v1/quota.proto',
      (p: QuotaProto) => p.strato.identity.v1.Quotas,
    );
  }
  keyPairs(): Promise<KeyPairsApi> {
    return this.authed<KeyPairProto, KeyPairsApi>(
      'keypairs',
      'strato/compute/v1/keypair.proto',
      (p: KeyPairProto) => p.strato.compute.v1.KeyPairs,
    );
  }

  networks(): Promise<NetworksApi> {
    return this.authed<NetworkProto, NetworksApi>('networks', NETWORK_PROTO, (p) => p.strato.network.v1.Networks);
  }
  subnets(): Promise<SubnetsApi> {
    return this.authed<NetworkProto, SubnetsApi>('subnets', NETWORK_PROTO, (p) => p.strato.network.v1.Subnets);
  }
  ports(): Promise<PortsApi> {
    return this.authed<NetworkProto, PortsApi>('ports', NETWORK_PROTO, (p) => p.strato.network.v1.Ports);
  }
  securityGroups(): Promise<SecurityGroupsApi> {
    return this.authed<NetworkProto, SecurityGroupsApi>(
      'security-groups',
      NETWORK_PROTO,
      (p) => p.strato.network.v1.SecurityGroups,
    );
  }

  routers(): Promise<RoutersApi> {
    return this.authed<RouterProto, RoutersApi>('routers', ROUTER_PROTO, (p) => p.strato.network.v1.Routers);
  }
  floatingIps(): Promise<FloatingIpsApi> {
    return this.authed<RouterProto, FloatingIpsApi>(
      'floating-ips',
      ROUTER_PROTO,
      (p) => p.strato.network.v1.FloatingIps,
    );
  }

  volumes(): Promise<VolumesApi> {
    return this.authed<VolumeProto, VolumesApi>('volumes', VOLUME_PROTO, (p) => p.strato.volume.v1.Volumes);
  }
  volumeSnapshots(): Promise<VolumeSnapshotsApi> {
    return this.authed<VolumeProto, VolumeSnapshotsApi>(
      'volume-snapshots',
      VOLUME_PROTO,
      (p) => p.strato.volume.v1.VolumeSnapshots,
    );
  }

  /** Logs in with the cloud's configured password and caches the token. */
  async login(): Promise<LoginResponse__Output> {
    const { username, project } = this.cloud.auth;
    const password = await cloudPassword(this.cloud);
    if (!username || password === undefined) {
      const where = this.cloud.file ? ` in ${this.cloud.file}` : '';
      throw configError(
        `no credentials for cloud ${this.cloud.name}: set STRATO_TOKEN, run "strato login --user NAME", or set auth.username and auth.password_file${where}`,
      );
    }
    return this.loginWith({ username, password, project: project ?? '' }, false);
  }

  /**
   * Logs in as `creds` and caches the token. `explicit` (strato login --user):
   * later commands use it for this cloud until it expires or `strato logout`,
   * whatever credentials the cloud's configuration names.
   */
  async loginWith(creds: Credentials, explicit: boolean): Promise<LoginResponse__Output> {
    const identity = await this.raw<IdentityProto, IdentityApi>(
      'identity-login',
      'strato/identity/v1/identity.proto',
      (p: IdentityProto) => p.strato.identity.v1.Identity,
    );
    const reply = await identity.Login(creds, this.callOpts(undefined));
    this.token = reply.token;
    this.source = 'login';
    this.explicit = explicit;
    await writeCachedToken(this.cachePath(), {
      token: reply.token,
      expiresAt: reply.expiresAt,
      endpoint: this.cloud.endpoint,
      username: creds.username,
      project: creds.project,
      ...(explicit ? { explicit } : {}),
    });
    return reply;
  }

  /** The token the next call would carry (from STRATO_TOKEN, the cache or a login). */
  async currentToken(): Promise<string> {
    await this.ensureToken();
    return this.token as string;
  }

  /** Forgets the cached token (after Logout). */
  async forgetToken(): Promise<void> {
    this.token = undefined;
    this.source = undefined;
    await removeCachedToken(this.cachePath());
  }

  /** Where the token came from, once a call has needed one. */
  tokenSource(): TokenSource | undefined {
    return this.source;
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
    this.opening.clear();
  }

  private cachePath(): string {
    return tokenCachePath(this.cloud.name, this.env, this.home);
  }

  /**
   * The token in use, without logging in: STRATO_TOKEN or a usable cached one;
   * undefined when there is none. Errors: an explicit login that expired (a
   * CliError saying to log in again), unless `staleOk`.
   */
  async existingToken(staleOk = false): Promise<string | undefined> {
    if (this.token) return this.token;
    if (this.cloud.token) {
      this.token = this.cloud.token;
      this.source = 'env';
      return this.token;
    }
    const cached = await readCachedToken(this.cachePath());
    if (cached && !staleOk && isStaleExplicit(cached, this.cloud, this.now())) {
      // Never fall back to the configured credentials silently: that would change who acts.
      const project = cached.project ? `, project ${cached.project}` : '';
      throw new CliError(
        `the login of ${cached.username}${project} expired at ${cached.expiresAt}: run "strato login" again, or "strato logout" to use cloud ${this.cloud.name}'s configured credentials`,
        EXIT.AUTH,
      );
    }
    if (!isUsable(cached, this.cloud, this.now())) return undefined;
    this.token = cached.token;
    this.source = 'cache';
    this.explicit = cached.explicit === true;
    return this.token;
  }

  private async ensureToken(): Promise<void> {
    if ((await this.existingToken()) === undefined) await this.login();
  }

  private callOpts(opts: CallOpts | undefined): CallOpts {
    const md = opts?.metadata ?? new Metadata();
    md.set('x-request-id', this.requestId);
    if (this.token) md.set('authorization', `Bearer ${this.token}`);
    return { timeoutMs: CALL_TIMEOUT_MS, ...opts, metadata: md };
  }

  /**
   * A client whose calls carry the token and request id. A unary call
   * refused as UNAUTHENTICATED with a cached token (revoked, or the server
   * lost it) logs in again once and is repeated; streams are not repeated.
   */
  private async authed<P, C>(key: string, file: string, pick: (proto: P) => unknown): Promise<C> {
    const client = (await this.raw(key, file, pick)) as unknown as Record<string, unknown>;
    const def = (
      client['raw'] as { constructor: { service: Record<string, { requestStream: boolean; responseStream: boolean }> } }
    ).constructor.service;
    const wrapped: Record<string, unknown> = { raw: client['raw'], close: client['close'] };
    for (const [name, m] of Object.entries(def)) {
      const call = client[name] as (arg: unknown, opts?: CallOpts) => unknown;
      if (m.responseStream) {
        // Server streams are async iterables: fetch the token lazily inside.
        const self = this;
        wrapped[name] = async function* (req: unknown, opts?: CallOpts) {
          await self.ensureToken();
          yield* call(req, self.callOpts(opts)) as AsyncIterable<unknown>;
        };
      } else if (m.requestStream) {
        wrapped[name] = async (reqs: unknown, opts?: CallOpts) => {
          await this.ensureToken();
          return call(reqs, this.callOpts(opts));
        };
      } else {
        wrapped[name] = (req: unknown, opts?: CallOpts) => this.unaryWithRelogin(() => call(req, this.callOpts(opts)));
      }
    }
    return wrapped as unknown as C;
  }

  private async unaryWithRelogin(call: () => unknown): Promise<unknown> {
    await this.ensureToken();
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof StratoError) || err.code !== 'UNAUTHENTICATED') throw err;
      if (this.source !== 'cache' || this.explicit || this.reloggedIn) throw err;
      this.reloggedIn = true;
      this.token = undefined;
      await this.login();
      return call();
    }
  }

  private raw<P, C>(key: string, file: string, pick: (proto: P) => unknown): Promise<C> {
    // Listings made side by side (server list's names) ask for the same client at once: one is made.
    let opening = this.opening.get(key);
    if (!opening) {
      opening = this.open(key, file, pick as (proto: unknown) => unknown);
      this.opening.set(key, opening);
    }
    return opening as Promise<C>;
  }

  private async open(key: string, file: string, pick: (proto: unknown) => unknown): Promise<unknown> {
    const { creds, options } = await this.channelSetup();
    // The build-time descriptor: no .proto parsing, no proto-loader in the CLI.
    const Ctor = pick(loadClientObject(file)) as Parameters<typeof connect>[0];
    const client = connect(Ctor, this.cloud.endpoint, {
      credentials: creds,
      defaultDeadlineMs: CALL_TIMEOUT_MS,
      channelOptions: options,
      messageLimits: MESSAGE_LIMITS.publicApi,
    });
    this.clients.set(key, client);
    return client;
  }

  private channelSetup(): Promise<{ creds: ChannelCredentials; options: ChannelOptions }> {
    this.channel ??= (async () => {
      let ca: Buffer | null = null;
      if (this.cloud.caFile) {
        try {
          ca = await readFile(this.cloud.caFile);
        } catch (err) {
          throw configError(`cannot read CA file ${this.cloud.caFile}: ${(err as Error).message}`);
        }
      }
      const options: ChannelOptions = {};
      if (this.cloud.serverName) {
        options['grpc.ssl_target_name_override'] = this.cloud.serverName;
        options['grpc.default_authority'] = this.cloud.serverName;
      }
      if (this.cloud.plaintext) return { creds: credentials.createInsecure(), options };
      return { creds: credentials.createSsl(ca), options };
    })();
    return this.channel;
  }
}
