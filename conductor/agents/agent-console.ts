// The conductor's side of a console session on an agent: strato.agent.v1.Agent's
// AttachConsole, a bidirectional stream with no deadline (a session lasts as long
// as its user), on a channel per host of its own so that a long session never
// holds the channels the workflows' calls use. Bytes typed go out as they come;
// what the guest prints comes back. Cancelling (the public caller went away) ends
// the agent's session at once, which releases the console on the host.
import { type ChannelCredentials, type ClientDuplexStream, Metadata } from '@grpc/grpc-js';
import type { ProtoGrpcType as AgentProto } from '../../common/gen/agent.ts';
import type { AgentClient } from '../../common/gen/strato/agent/v1/Agent.ts';
import type { ConsoleInput } from '../../common/gen/strato/agent/v1/ConsoleInput.ts';
import type { ConsoleOutput__Output } from '../../common/gen/strato/agent/v1/ConsoleOutput.ts';
import { createRawClient } from '../../common/grpc/client.ts';
import { fromCallError } from '../../common/grpc/status.ts';
import type { AgentTarget } from './agent-api.ts';
import { agentChannelOptions, HostClients } from './host-clients.ts';

/** One console session's input: the first item is typed with the attach, then each item's bytes. */
export type ConsoleBytes = AsyncIterable<Uint8Array>;

/** What the console API needs of the agents (a fake in tests). */
export interface AgentConsoles {
  /** Relays `input` to the instance's console on `host` and yields what it prints, until either side ends. */
  attach(host: AgentTarget, instanceId: string, input: ConsoleBytes, signal: AbortSignal): AsyncIterable<Buffer>;
  close(): void;
}

export interface AgentConsolePoolOptions {
  agentCtor: AgentProto['strato']['agent']['v1']['Agent'];
  credentials: ChannelCredentials;
}

export class AgentConsolePool implements AgentConsoles {
  private readonly clients: HostClients<AgentClient>;
  private readonly o: AgentConsolePoolOptions;

  constructor(o: AgentConsolePoolOptions) {
    this.o = o;
    // A replaced channel (the host re-registered elsewhere) may still carry sessions: an hour.
    this.clients = new HostClients(3_600_000);
  }

  private client(host: AgentTarget): AgentClient {
    return this.clients.get(host, () =>
      createRawClient(this.o.agentCtor, host.address, {
        credentials: this.o.credentials,
        channelOptions: agentChannelOptions(host.id),
        retry: false,
      }),
    );
  }

  async *attach(
    host: AgentTarget,
    instanceId: string,
    input: ConsoleBytes,
    signal: AbortSignal,
  ): AsyncGenerator<Buffer> {
    // No deadline: a console session ends when one side ends it.
    const call = this.client(host).AttachConsole(new Metadata(), { deadline: Number.POSITIVE_INFINITY });
    yield* relay(call, instanceId, input, signal);
  }

  close(): void {
    this.clients.close();
  }
}

/** Input to the call, output from it; the call is cancelled whenever the relay stops early. */
async function* relay(
  call: ClientDuplexStream<ConsoleInput, ConsoleOutput__Output>,
  instanceId: string,
  input: ConsoleBytes,
  signal: AbortSignal,
): AsyncGenerator<Buffer> {
  const cancel = (): void => call.cancel();
  if (signal.aborted) cancel();
  signal.addEventListener('abort', cancel, { once: true });
  let ended = false;
  let inputError: unknown;
  call.write({ instanceId });
  const typing = (async () => {
    for await (const data of input) {
      if (ended) return;
      if (!call.write({ data })) await new Promise((r) => call.once('drain', r));
    }
    if (!ended) call.end();
  })().catch((err: unknown) => {
    if (ended) return;
    inputError = err;
    call.cancel();
  });
  try {
    for await (const msg of call as AsyncIterable<ConsoleOutput__Output>) yield msg.data;
    ended = true;
  } catch (err) {
    ended = true;
    if (inputError !== undefined) throw inputError;
    if (!signal.aborted) throw fromCallError(err);
  } finally {
    signal.removeEventListener('abort', cancel);
    if (!ended) {
      // The consumer stopped early: the agent's session must not outlive it.
      ended = true;
      call.cancel();
    }
    void typing;
  }
  if (inputError !== undefined) throw inputError;
}
