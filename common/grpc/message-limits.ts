// How large a message each port of strato takes and sends, set on both ends
// (grpc.max_receive_message_length / max_send_message_length) so that a peer
// cannot make a daemon buffer an unbounded message: grpc-js refuses a larger
// one with RESOURCE_EXHAUSTED before any handler sees it. Both daemons share
// these because the client of a port must agree with its server.
import type { ChannelOptions, ServerOptions } from '@grpc/grpc-js';

const MiB = 1024 * 1024;

/** The largest request a port's server takes and the largest answer it sends, in bytes. */
export interface MessageLimits {
  request: number;
  response: number;
}

export const MESSAGE_LIMITS = {
  /**
   * The public API. The largest request is one UploadImage chunk (the CLI sends
   * 1 MiB) or a CreateServer with its 64 KiB of user data and metadata, so
   * 4 MiB (grpc-js's default) leaves room without inviting more; answers are
   * pages of up to 1000 resources, each a few KiB (a server with all its
   * metadata about 200 KiB at worst).
   */
  publicApi: { request: 4 * MiB, response: 64 * MiB },
  /**
   * The conductor's registry, called by agents: a heartbeat lists every
   * instance of its host, and PullImage sends 1 MiB chunks.
   */
  registry: { request: 16 * MiB, response: 16 * MiB },
  /**
   * An agent's services, called by the conductor: a spawn carries user data and
   * network data, a network push the host's whole desired network state.
   */
  agent: { request: 16 * MiB, response: 16 * MiB },
} as const satisfies Record<string, MessageLimits>;

/** A server's side of `limits`. */
export function serverMessageOptions(limits: MessageLimits): ServerOptions {
  return {
    'grpc.max_receive_message_length': limits.request,
    'grpc.max_send_message_length': limits.response,
  };
}

/** A client's side of `limits` (what the server sends, it receives). */
export function clientMessageOptions(limits: MessageLimits): ChannelOptions {
  return {
    'grpc.max_receive_message_length': limits.response,
    'grpc.max_send_message_length': limits.request,
  };
}
