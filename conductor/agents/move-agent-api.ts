// What a move asks of the agents (strato.agent.v1.Agent's move RPCs, see their
// contract in agent.proto), as plain data: the destination is prepared, the
// source starts and reports the migration, the destination's copy is resized.
// Kept apart from AgentApi so that code which never moves a server needs none of it.
import type { MigrationStatus__Output } from '../../common/gen/strato/agent/v1/MigrationStatus.ts';
import type { PrepareIncomingResponse__Output } from '../../common/gen/strato/agent/v1/PrepareIncomingResponse.ts';
import type { SpawnInstanceRequest } from '../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import type { AgentCallOptions, AgentTarget, InstanceStatus } from './agent-api.ts';

export type AgentMigrationStatus = MigrationStatus__Output;
export type IncomingAnswer = PrepareIncomingResponse__Output;

export interface StartMigration {
  instanceId: string;
  migrationId: string;
  live: boolean;
  destination: IncomingAnswer;
  bandwidthMibS: number;
  timeoutS: number;
}

export interface MoveAgentApi {
  prepareIncoming(migrationId: string, spec: SpawnInstanceRequest, o?: AgentCallOptions): Promise<IncomingAnswer>;
  startMigration(req: StartMigration, o?: AgentCallOptions): Promise<AgentMigrationStatus>;
  getMigration(instanceId: string, migrationId: string, o?: AgentCallOptions): Promise<AgentMigrationStatus>;
  abortMigration(instanceId: string, migrationId: string, o?: AgentCallOptions): Promise<AgentMigrationStatus>;
  resize(
    instanceId: string,
    flavor: { name: string; vcpus: number; ramMib: number; diskGib: number },
    o?: AgentCallOptions,
  ): Promise<InstanceStatus>;
  /** The instance's actual state here. Errors: NOT_FOUND when the host has no such domain. */
  getInstance(instanceId: string, o?: AgentCallOptions): Promise<InstanceStatus>;
}

/** Hands out a MoveAgentApi per host. */
export interface MoveAgentDirectory {
  movesFor(host: AgentTarget): MoveAgentApi;
}
