// What block storage asks of agents, as narrow views of their services so the
// volume workflows read (and are tested) without gRPC: a storage host's
// strato.agent.v1.AgentStorage, and the volume calls of a compute host's
// strato.agent.v1.Agent. Every call is idempotent on the agent, keyed by the
// volume (or snapshot) id the conductor chose.
import type { CreateVolumeRequest } from '../../common/gen/strato/agent/v1/CreateVolumeRequest.ts';
import type { ExportVolumeRequest } from '../../common/gen/strato/agent/v1/ExportVolumeRequest.ts';
import type { ReconcileExportsResponse__Output } from '../../common/gen/strato/agent/v1/ReconcileExportsResponse.ts';
import type { Volume__Output } from '../../common/gen/strato/agent/v1/Volume.ts';
import type { VolumeExport__Output } from '../../common/gen/strato/agent/v1/VolumeExport.ts';
import type { VolumeSpec } from '../../common/gen/strato/agent/v1/VolumeSpec.ts';
import type { AgentCallOptions, AgentTarget } from './agent-api.ts';

export type AgentVolume = Volume__Output;
export type ExportRequest = ExportVolumeRequest;

export interface StorageAgentApi {
  /** Returns when the volume is complete (an image copy takes a while). */
  createVolume(req: CreateVolumeRequest, o?: AgentCallOptions): Promise<AgentVolume>;
  getVolume(volumeId: string, o?: AgentCallOptions): Promise<AgentVolume>;
  extendVolume(volumeId: string, sizeBytes: number, o?: AgentCallOptions): Promise<AgentVolume>;
  deleteVolume(volumeId: string, o?: AgentCallOptions): Promise<void>;
  createSnapshot(snapshotId: string, volumeId: string, o?: AgentCallOptions): Promise<void>;
  deleteSnapshot(snapshotId: string, o?: AgentCallOptions): Promise<void>;
  exportVolume(req: ExportRequest, o?: AgentCallOptions): Promise<VolumeExport__Output>;
  unexportVolume(volumeId: string, o?: AgentCallOptions): Promise<void>;
  reconcileExports(exports: ExportRequest[], o?: AgentCallOptions): Promise<ReconcileExportsResponse__Output>;
}

export interface ComputeVolumeApi {
  attachVolume(instanceId: string, volume: VolumeSpec, o?: AgentCallOptions): Promise<void>;
  /** Waits up to `timeoutS` for the guest to release the disk (DEADLINE_EXCEEDED/DETACH_TIMEOUT). */
  detachVolume(instanceId: string, volumeId: string, timeoutS: number, o?: AgentCallOptions): Promise<void>;
  refreshVolumeSize(instanceId: string, volumeId: string, sizeBytes: number, o?: AgentCallOptions): Promise<void>;
}

/** Hands out the volume calls of each host's agent. */
export interface VolumeAgents {
  storage(host: AgentTarget): StorageAgentApi;
  compute(host: AgentTarget): ComputeVolumeApi;
}
