// What compute asks of the agent on one host: a narrow, plain-data view of
// strato.agent.v1.Agent, so workflows can be read (and tested) without gRPC.
// Every call is idempotent on the agent, keyed by the instance id.

import type { DeleteInstanceRequest } from '../../common/gen/strato/agent/v1/DeleteInstanceRequest.ts';
import type { ExportRootDiskChunk__Output } from '../../common/gen/strato/agent/v1/ExportRootDiskChunk.ts';
import type { InstanceActionRequest } from '../../common/gen/strato/agent/v1/InstanceActionRequest.ts';
import type { InstanceStatus__Output } from '../../common/gen/strato/agent/v1/InstanceStatus.ts';
import type { SpawnInstanceRequest } from '../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';

export type InstanceStatus = InstanceStatus__Output;

export interface AgentCallOptions {
  /** Cancels the call (conductor shutdown). */
  signal?: AbortSignal;
}

export interface AgentApi {
  spawn(req: SpawnInstanceRequest, o?: AgentCallOptions): Promise<InstanceStatus>;
  delete(req: DeleteInstanceRequest, o?: AgentCallOptions): Promise<void>;
  action(req: InstanceActionRequest, o?: AgentCallOptions): Promise<InstanceStatus>;
  consoleLog(instanceId: string, lines: number, o?: AgentCallOptions): Promise<string[]>;
  /** The root disk, flattened, as a stream (ExportRootDisk); absent on directories that cannot (UNIMPLEMENTED). */
  exportRootDisk?(instanceId: string, o?: AgentCallOptions): AsyncIterable<ExportRootDiskChunk>;
}

export type ExportRootDiskChunk = ExportRootDiskChunk__Output;

export interface AgentTarget {
  /** The host id: the name the agent's certificate must carry. */
  id: string;
  /** host:port of its gRPC server. */
  address: string;
}

/** Hands out an AgentApi per host. */
export interface AgentDirectory {
  forHost(host: AgentTarget): AgentApi;
  close(): void;
}
