// The agent side of many simulated hosts, in ONE gRPC server: what the
// conductor calls on every host that registers — AgentNetwork.ApplyNetworkState
// (the network pusher) and AgentStorage.ReconcileExports (the export
// reconcile) — answered as an agent with nothing on it answers (applied, no
// steps). Each host is reached as the conductor reaches a real one: mutual TLS,
// the server certificate checked against the host id, which the conductor sends
// as the TLS server name; the server picks that host's certificate by it (SNI),
// so every simulated host advertises the same address. Every other method
// answers UNIMPLEMENTED (grpc-js's default), as an older agent would.
import { readFile } from 'node:fs/promises';
import { createSecureContext, type SecureContext } from 'node:tls';
import { type ServiceDefinition, Server, ServerCredentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as AgentNetworkProto } from '../../common/gen/agent_network.ts';
import type { ProtoGrpcType as AgentStorageProto } from '../../common/gen/agent_storage.ts';
import { loadClientObject } from '../../common/proto-descriptor.ts';

export interface SimAgentServer {
  /** host:port every simulated host advertises. */
  address: string;
  /** Calls answered, by method name. */
  calls: Map<string, number>;
  close(): void;
}

/** Serves `hosts` (their certificates `dir/<host>.crt`, the shared key `keyFile`, `dir/ca.crt`) on 127.0.0.1. */
export async function startSimAgentServer(
  dir: string,
  keyFile: string,
  hosts: readonly string[],
): Promise<SimAgentServer> {
  const [ca, key] = await Promise.all([readFile(`${dir}/ca.crt`), readFile(keyFile)]);
  const known = new Set(hosts);
  const contexts = new Map<string, SecureContext>();
  const contextFor = async (host: string): Promise<SecureContext> => {
    let c = contexts.get(host);
    if (!c) {
      c = createSecureContext({ ca, key, cert: await readFile(`${dir}/${host}.crt`) });
      contexts.set(host, c);
    }
    return c;
  };
  const first = hosts[0];
  if (first === undefined) throw new Error('no hosts to serve');
  const creds = ServerCredentials.createSsl(
    ca,
    [{ private_key: key, cert_chain: await readFile(`${dir}/${first}.crt`) }],
    true,
  );
  // grpc-js hands its constructor options to http2.createSecureServer: the SNI
  // callback rides along (there is no public option for it).
  const options = (creds as unknown as { _getConstructorOptions(): Record<string, unknown> })._getConstructorOptions();
  options.SNICallback = (servername: string, cb: (err: Error | null, ctx?: SecureContext) => void) => {
    if (!known.has(servername)) return cb(new Error(`no simulated host ${servername}`));
    contextFor(servername).then(
      (ctx) => cb(null, ctx),
      (err: Error) => cb(err),
    );
  };

  const calls = new Map<string, number>();
  const count = (m: string) => calls.set(m, (calls.get(m) ?? 0) + 1);
  const net = loadClientObject<AgentNetworkProto>('strato/agent/v1/agent_network.proto');
  const storage = loadClientObject<AgentStorageProto>('strato/agent/v1/agent_storage.proto');
  const server = new Server();
  server.addService(net.strato.agent.v1.AgentNetwork.service as ServiceDefinition, {
    ApplyNetworkState: (
      call: { request: { generation: string } },
      cb: (e: null, r: { appliedGeneration: string; steps: number }) => void,
    ) => {
      count('ApplyNetworkState');
      cb(null, { appliedGeneration: call.request.generation, steps: 0 });
    },
  });
  server.addService(storage.strato.agent.v1.AgentStorage.service as ServiceDefinition, {
    ReconcileExports: (
      _call: unknown,
      cb: (e: null, r: { exports: never[]; steps: number; missingVolumeIds: string[] }) => void,
    ) => {
      count('ReconcileExports');
      cb(null, { exports: [], steps: 0, missingVolumeIds: [] });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', creds, (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    address: `127.0.0.1:${port}`,
    calls,
    // The end of a run: nothing left to finish.
    close: () => server.forceShutdown(),
  };
}
