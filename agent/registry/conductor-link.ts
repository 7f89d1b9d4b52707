// The agent's link to the conductors' Registry service: a list of endpoints (for
// conductor HA) over mutual TLS, used in order. A call that finds its endpoint
// unreachable moves on to the next one, and the one that answered becomes the
// first choice. The conductor must present a certificate naming `conductor`,
// whatever address it is dialled at.
import type { ChannelCredentials } from '@grpc/grpc-js';
import { isStratoError, unavailable } from '../../common/errors.ts';
import type { ProtoGrpcType as HostProto } from '../../common/gen/host.ts';
import type { PullImageResponse__Output } from '../../common/gen/strato/host/v1/PullImageResponse.ts';
import type { RegistryClient } from '../../common/gen/strato/host/v1/Registry.ts';
import { connect, type StratoClient } from '../../common/grpc/client.ts';
import type { Logger } from '../../common/log.ts';

export const CONDUCTOR_NAME = 'conductor';

export type Registry = StratoClient<RegistryClient>;
export type RegistryCtor = HostProto['strato']['host']['v1']['Registry'];

export interface ConductorLinkOptions {
  endpoints: readonly string[];
  /** Replaced by setCredentials. */
  credentials: ChannelCredentials;
  Registry: RegistryCtor;
  log: Logger;
  /** Name the conductor's certificate must carry. @default 'conductor' */
  serverName?: string;
}

// The endpoint is down or not answering: try another one.
const switchable = (err: unknown): boolean =>
  isStratoError(err, 'UNAVAILABLE') || isStratoError(err, 'DEADLINE_EXCEEDED');

export class ConductorLink {
  private readonly endpoints: readonly string[];
  private readonly clients: (Registry | undefined)[];
  private readonly options: ConductorLinkOptions;
  private readonly log: Logger;
  private current = 0;

  constructor(options: ConductorLinkOptions) {
    if (options.endpoints.length === 0) throw new Error('ConductorLink needs at least one endpoint');
    this.options = options;
    this.endpoints = options.endpoints;
    this.clients = options.endpoints.map(() => undefined);
    this.log = options.log.child({ component: 'conductor-link' });
  }

  /**
   * Calls from now on go over new channels with `credentials` (a renewed
   * certificate); calls running on the old ones finish there.
   */
  setCredentials(credentials: ChannelCredentials): void {
    this.options.credentials = credentials;
    const old = this.clients.splice(0, this.clients.length, ...this.endpoints.map(() => undefined));
    for (const c of old) c?.close();
  }

  /** The endpoint calls go to first. */
  get endpoint(): string {
    return this.endpoints[this.current]!;
  }

  private client(i: number): Registry {
    let c = this.clients[i];
    if (!c) {
      const name = this.options.serverName ?? CONDUCTOR_NAME;
      c = connect(this.options.Registry, this.endpoints[i]!, {
        credentials: this.options.credentials,
        // Fail over quickly instead of retrying one dead endpoint for long.
        retry: { maxAttempts: 2, initialBackoffMs: 200 },
        channelOptions: { 'grpc.ssl_target_name_override': name, 'grpc.default_authority': name },
      });
      this.clients[i] = c;
    }
    return c;
  }

  /** Runs a unary call on the first endpoint that answers. */
  async call<T>(fn: (registry: Registry) => Promise<T>): Promise<T> {
    let last: unknown;
    for (let k = 0; k < this.endpoints.length; k++) {
      const i = (this.current + k) % this.endpoints.length;
      try {
        const result = await fn(this.client(i));
        this.use(i);
        return result;
      } catch (err) {
        if (!switchable(err)) throw err;
        last = err;
      }
    }
    throw last ?? unavailable('CONDUCTOR_UNAVAILABLE', 'no conductor endpoint answered');
  }

  /** Streams an image, failing over between endpoints until the first message arrives. */
  async *pullImage(imageId: string, hostId: string, signal?: AbortSignal): AsyncGenerator<PullImageResponse__Output> {
    let last: unknown;
    for (let k = 0; k < this.endpoints.length; k++) {
      const i = (this.current + k) % this.endpoints.length;
      let received = false;
      try {
        // A large image takes a while: the deadline bounds a stalled transfer, not a slow one.
        for await (const msg of this.client(i).PullImage({ imageId, hostId }, { timeoutMs: 30 * 60_000, signal })) {
          if (!received) this.use(i);
          received = true;
          yield msg;
        }
        return;
      } catch (err) {
        if (received || !switchable(err)) throw err;
        last = err;
      }
    }
    throw last ?? unavailable('CONDUCTOR_UNAVAILABLE', 'no conductor endpoint answered');
  }

  private use(i: number): void {
    if (i === this.current) return;
    this.log.warn({ from: this.endpoints[this.current], to: this.endpoints[i] }, 'conductor endpoint failover');
    this.current = i;
  }

  close(): void {
    for (const c of this.clients) c?.close();
  }
}
