import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AbortMigrationRequest as _strato_agent_v1_AbortMigrationRequest, AbortMigrationRequest__Output as _strato_agent_v1_AbortMigrationRequest__Output } from './strato/agent/v1/AbortMigrationRequest.ts';
import type { AgentClient as _strato_agent_v1_AgentClient, AgentDefinition as _strato_agent_v1_AgentDefinition } from './strato/agent/v1/Agent.ts';
import type { AgentStorageClient as _strato_agent_v1_AgentStorageClient, AgentStorageDefinition as _strato_agent_v1_AgentStorageDefinition } from './strato/agent/v1/AgentStorage.ts';
import type { AttachVolumeRequest as _strato_agent_v1_AttachVolumeRequest, AttachVolumeRequest__Output as _strato_agent_v1_AttachVolumeRequest__Output } from './strato/agent/v1/AttachVolumeRequest.ts';
import type { AttachVolumeResponse as _strato_agent_v1_AttachVolumeResponse, AttachVolumeResponse__Output as _strato_agent_v1_AttachVolumeResponse__Output } from './strato/agent/v1/AttachVolumeResponse.ts';
import type { ConsoleInput as _strato_agent_v1_ConsoleInput, ConsoleInput__Output as _strato_agent_v1_ConsoleInput__Output } from './strato/agent/v1/ConsoleInput.ts';
import type { ConsoleOutput as _strato_agent_v1_ConsoleOutput, ConsoleOutput__Output as _strato_agent_v1_ConsoleOutput__Output } from './strato/agent/v1/ConsoleOutput.ts';
import type { CreateSnapshotRequest as _strato_agent_v1_CreateSnapshotRequest, CreateSnapshotRequest__Output as _strato_agent_v1_CreateSnapshotRequest__Output } from './strato/agent/v1/CreateSnapshotRequest.ts';
import type { CreateVolumeRequest as _strato_agent_v1_CreateVolumeRequest, CreateVolumeRequest__Output as _strato_agent_v1_CreateVolumeRequest__Output } from './strato/agent/v1/CreateVolumeRequest.ts';
import type { DeleteInstanceRequest as _strato_agent_v1_DeleteInstanceRequest, DeleteInstanceRequest__Output as _strato_agent_v1_DeleteInstanceRequest__Output } from './strato/agent/v1/DeleteInstanceRequest.ts';
import type { DeleteInstanceResponse as _strato_agent_v1_DeleteInstanceResponse, DeleteInstanceResponse__Output as _strato_agent_v1_DeleteInstanceResponse__Output } from './strato/agent/v1/DeleteInstanceResponse.ts';
import type { DeleteSnapshotRequest as _strato_agent_v1_DeleteSnapshotRequest, DeleteSnapshotRequest__Output as _strato_agent_v1_DeleteSnapshotRequest__Output } from './strato/agent/v1/DeleteSnapshotRequest.ts';
import type { DeleteSnapshotResponse as _strato_agent_v1_DeleteSnapshotResponse, DeleteSnapshotResponse__Output as _strato_agent_v1_DeleteSnapshotResponse__Output } from './strato/agent/v1/DeleteSnapshotResponse.ts';
import type { DeleteVolumeRequest as _strato_agent_v1_DeleteVolumeRequest, DeleteVolumeRequest__Output as _strato_agent_v1_DeleteVolumeRequest__Output } from './strato/agent/v1/DeleteVolumeRequest.ts';
import type { DeleteVolumeResponse as _strato_agent_v1_DeleteVolumeResponse, DeleteVolumeResponse__Output as _strato_agent_v1_DeleteVolumeResponse__Output } from './strato/agent/v1/DeleteVolumeResponse.ts';
import type { DetachVolumeRequest as _strato_agent_v1_DetachVolumeRequest, DetachVolumeRequest__Output as _strato_agent_v1_DetachVolumeRequest__Output } from './strato/agent/v1/DetachVolumeRequest.ts';
import type { DetachVolumeResponse as _strato_agent_v1_DetachVolumeResponse, DetachVolumeResponse__Output as _strato_agent_v1_DetachVolumeResponse__Output } from './strato/agent/v1/DetachVolumeResponse.ts';
import type { ExportInitiator as _strato_agent_v1_ExportInitiator, ExportInitiator__Output as _strato_agent_v1_ExportInitiator__Output } from './strato/agent/v1/ExportInitiator.ts';
import type { ExportRootDiskChunk as _strato_agent_v1_ExportRootDiskChunk, ExportRootDiskChunk__Output as _strato_agent_v1_ExportRootDiskChunk__Output } from './strato/agent/v1/ExportRootDiskChunk.ts';
import type { ExportRootDiskRequest as _strato_agent_v1_ExportRootDiskRequest, ExportRootDiskRequest__Output as _strato_agent_v1_ExportRootDiskRequest__Output } from './strato/agent/v1/ExportRootDiskRequest.ts';
import type { ExportVolumeRequest as _strato_agent_v1_ExportVolumeRequest, ExportVolumeRequest__Output as _strato_agent_v1_ExportVolumeRequest__Output } from './strato/agent/v1/ExportVolumeRequest.ts';
import type { ExtendVolumeRequest as _strato_agent_v1_ExtendVolumeRequest, ExtendVolumeRequest__Output as _strato_agent_v1_ExtendVolumeRequest__Output } from './strato/agent/v1/ExtendVolumeRequest.ts';
import type { FlavorSpec as _strato_agent_v1_FlavorSpec, FlavorSpec__Output as _strato_agent_v1_FlavorSpec__Output } from './strato/agent/v1/FlavorSpec.ts';
import type { GetConsoleLogRequest as _strato_agent_v1_GetConsoleLogRequest, GetConsoleLogRequest__Output as _strato_agent_v1_GetConsoleLogRequest__Output } from './strato/agent/v1/GetConsoleLogRequest.ts';
import type { GetConsoleLogResponse as _strato_agent_v1_GetConsoleLogResponse, GetConsoleLogResponse__Output as _strato_agent_v1_GetConsoleLogResponse__Output } from './strato/agent/v1/GetConsoleLogResponse.ts';
import type { GetInstanceRequest as _strato_agent_v1_GetInstanceRequest, GetInstanceRequest__Output as _strato_agent_v1_GetInstanceRequest__Output } from './strato/agent/v1/GetInstanceRequest.ts';
import type { GetMigrationRequest as _strato_agent_v1_GetMigrationRequest, GetMigrationRequest__Output as _strato_agent_v1_GetMigrationRequest__Output } from './strato/agent/v1/GetMigrationRequest.ts';
import type { GetStorageInfoRequest as _strato_agent_v1_GetStorageInfoRequest, GetStorageInfoRequest__Output as _strato_agent_v1_GetStorageInfoRequest__Output } from './strato/agent/v1/GetStorageInfoRequest.ts';
import type { GetVolumeRequest as _strato_agent_v1_GetVolumeRequest, GetVolumeRequest__Output as _strato_agent_v1_GetVolumeRequest__Output } from './strato/agent/v1/GetVolumeRequest.ts';
import type { ImageRef as _strato_agent_v1_ImageRef, ImageRef__Output as _strato_agent_v1_ImageRef__Output } from './strato/agent/v1/ImageRef.ts';
import type { InstanceActionRequest as _strato_agent_v1_InstanceActionRequest, InstanceActionRequest__Output as _strato_agent_v1_InstanceActionRequest__Output } from './strato/agent/v1/InstanceActionRequest.ts';
import type { InstanceStatus as _strato_agent_v1_InstanceStatus, InstanceStatus__Output as _strato_agent_v1_InstanceStatus__Output } from './strato/agent/v1/InstanceStatus.ts';
import type { ListInstancesRequest as _strato_agent_v1_ListInstancesRequest, ListInstancesRequest__Output as _strato_agent_v1_ListInstancesRequest__Output } from './strato/agent/v1/ListInstancesRequest.ts';
import type { ListInstancesResponse as _strato_agent_v1_ListInstancesResponse, ListInstancesResponse__Output as _strato_agent_v1_ListInstancesResponse__Output } from './strato/agent/v1/ListInstancesResponse.ts';
import type { ListVolumesRequest as _strato_agent_v1_ListVolumesRequest, ListVolumesRequest__Output as _strato_agent_v1_ListVolumesRequest__Output } from './strato/agent/v1/ListVolumesRequest.ts';
import type { ListVolumesResponse as _strato_agent_v1_ListVolumesResponse, ListVolumesResponse__Output as _strato_agent_v1_ListVolumesResponse__Output } from './strato/agent/v1/ListVolumesResponse.ts';
import type { MigrationStatus as _strato_agent_v1_MigrationStatus, MigrationStatus__Output as _strato_agent_v1_MigrationStatus__Output } from './strato/agent/v1/MigrationStatus.ts';
import type { PortSpec as _strato_agent_v1_PortSpec, PortSpec__Output as _strato_agent_v1_PortSpec__Output } from './strato/agent/v1/PortSpec.ts';
import type { PrepareIncomingRequest as _strato_agent_v1_PrepareIncomingRequest, PrepareIncomingRequest__Output as _strato_agent_v1_PrepareIncomingRequest__Output } from './strato/agent/v1/PrepareIncomingRequest.ts';
import type { PrepareIncomingResponse as _strato_agent_v1_PrepareIncomingResponse, PrepareIncomingResponse__Output as _strato_agent_v1_PrepareIncomingResponse__Output } from './strato/agent/v1/PrepareIncomingResponse.ts';
import type { PublicKey as _strato_agent_v1_PublicKey, PublicKey__Output as _strato_agent_v1_PublicKey__Output } from './strato/agent/v1/PublicKey.ts';
import type { ReconcileExportsRequest as _strato_agent_v1_ReconcileExportsRequest, ReconcileExportsRequest__Output as _strato_agent_v1_ReconcileExportsRequest__Output } from './strato/agent/v1/ReconcileExportsRequest.ts';
import type { ReconcileExportsResponse as _strato_agent_v1_ReconcileExportsResponse, ReconcileExportsResponse__Output as _strato_agent_v1_ReconcileExportsResponse__Output } from './strato/agent/v1/ReconcileExportsResponse.ts';
import type { RefreshVolumeSizeRequest as _strato_agent_v1_RefreshVolumeSizeRequest, RefreshVolumeSizeRequest__Output as _strato_agent_v1_RefreshVolumeSizeRequest__Output } from './strato/agent/v1/RefreshVolumeSizeRequest.ts';
import type { RefreshVolumeSizeResponse as _strato_agent_v1_RefreshVolumeSizeResponse, RefreshVolumeSizeResponse__Output as _strato_agent_v1_RefreshVolumeSizeResponse__Output } from './strato/agent/v1/RefreshVolumeSizeResponse.ts';
import type { ResizeInstanceRequest as _strato_agent_v1_ResizeInstanceRequest, ResizeInstanceRequest__Output as _strato_agent_v1_ResizeInstanceRequest__Output } from './strato/agent/v1/ResizeInstanceRequest.ts';
import type { Snapshot as _strato_agent_v1_Snapshot, Snapshot__Output as _strato_agent_v1_Snapshot__Output } from './strato/agent/v1/Snapshot.ts';
import type { SpawnInstanceRequest as _strato_agent_v1_SpawnInstanceRequest, SpawnInstanceRequest__Output as _strato_agent_v1_SpawnInstanceRequest__Output } from './strato/agent/v1/SpawnInstanceRequest.ts';
import type { StartMigrationRequest as _strato_agent_v1_StartMigrationRequest, StartMigrationRequest__Output as _strato_agent_v1_StartMigrationRequest__Output } from './strato/agent/v1/StartMigrationRequest.ts';
import type { StorageInfo as _strato_agent_v1_StorageInfo, StorageInfo__Output as _strato_agent_v1_StorageInfo__Output } from './strato/agent/v1/StorageInfo.ts';
import type { UnexportVolumeRequest as _strato_agent_v1_UnexportVolumeRequest, UnexportVolumeRequest__Output as _strato_agent_v1_UnexportVolumeRequest__Output } from './strato/agent/v1/UnexportVolumeRequest.ts';
import type { UnexportVolumeResponse as _strato_agent_v1_UnexportVolumeResponse, UnexportVolumeResponse__Output as _strato_agent_v1_UnexportVolumeResponse__Output } from './strato/agent/v1/UnexportVolumeResponse.ts';
import type { Volume as _strato_agent_v1_Volume, Volume__Output as _strato_agent_v1_Volume__Output } from './strato/agent/v1/Volume.ts';
import type { VolumeExport as _strato_agent_v1_VolumeExport, VolumeExport__Output as _strato_agent_v1_VolumeExport__Output } from './strato/agent/v1/VolumeExport.ts';
import type { VolumeSpec as _strato_agent_v1_VolumeSpec, VolumeSpec__Output as _strato_agent_v1_VolumeSpec__Output } from './strato/agent/v1/VolumeSpec.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    agent: {
      v1: {
        AbortMigrationRequest: MessageTypeDefinition<_strato_agent_v1_AbortMigrationRequest, _strato_agent_v1_AbortMigrationRequest__Output>
        Agent: SubtypeConstructor<typeof grpc.Client, _strato_agent_v1_AgentClient> & { service: _strato_agent_v1_AgentDefinition }
        AgentStorage: SubtypeConstructor<typeof grpc.Client, _strato_agent_v1_AgentStorageClient> & { service: _strato_agent_v1_AgentStorageDefinition }
        AttachVolumeRequest: MessageTypeDefinition<_strato_agent_v1_AttachVolumeRequest, _strato_agent_v1_AttachVolumeRequest__Output>
        AttachVolumeResponse: MessageTypeDefinition<_strato_agent_v1_AttachVolumeResponse, _strato_agent_v1_AttachVolumeResponse__Output>
        ConsoleInput: MessageTypeDefinition<_strato_agent_v1_ConsoleInput, _strato_agent_v1_ConsoleInput__Output>
        ConsoleOutput: MessageTypeDefinition<_strato_agent_v1_ConsoleOutput, _strato_agent_v1_ConsoleOutput__Output>
        CreateSnapshotRequest: MessageTypeDefinition<_strato_agent_v1_CreateSnapshotRequest, _strato_agent_v1_CreateSnapshotRequest__Output>
        CreateVolumeRequest: MessageTypeDefinition<_strato_agent_v1_CreateVolumeRequest, _strato_agent_v1_CreateVolumeRequest__Output>
        DeleteInstanceRequest: MessageTypeDefinition<_strato_agent_v1_DeleteInstanceRequest, _strato_agent_v1_DeleteInstanceRequest__Output>
        DeleteInstanceResponse: MessageTypeDefinition<_strato_agent_v1_DeleteInstanceResponse, _strato_agent_v1_DeleteInstanceResponse__Output>
        DeleteSnapshotRequest: MessageTypeDefinition<_strato_agent_v1_DeleteSnapshotRequest, _strato_agent_v1_DeleteSnapshotRequest__Output>
        DeleteSnapshotResponse: MessageTypeDefinition<_strato_agent_v1_DeleteSnapshotResponse, _strato_agent_v1_DeleteSnapshotResponse__Output>
        DeleteVolumeRequest: MessageTypeDefinition<_strato_agent_v1_DeleteVolumeRequest, _strato_agent_v1_DeleteVolumeRequest__Output>
        DeleteVolumeResponse: MessageTypeDefinition<_strato_agent_v1_DeleteVolumeResponse, _strato_agent_v1_DeleteVolumeResponse__Output>
        DetachVolumeRequest: MessageTypeDefinition<_strato_agent_v1_DetachVolumeRequest, _strato_agent_v1_DetachVolumeRequest__Output>
        DetachVolumeResponse: MessageTypeDefinition<_strato_agent_v1_DetachVolumeResponse, _strato_agent_v1_DetachVolumeResponse__Output>
        ExportInitiator: MessageTypeDefinition<_strato_agent_v1_ExportInitiator, _strato_agent_v1_ExportInitiator__Output>
        ExportRootDiskChunk: MessageTypeDefinition<_strato_agent_v1_ExportRootDiskChunk, _strato_agent_v1_ExportRootDiskChunk__Output>
        ExportRootDiskRequest: MessageTypeDefinition<_strato_agent_v1_ExportRootDiskRequest, _strato_agent_v1_ExportRootDiskRequest__Output>
        ExportVolumeRequest: MessageTypeDefinition<_strato_agent_v1_ExportVolumeRequest, _strato_agent_v1_ExportVolumeRequest__Output>
        ExtendVolumeRequest: MessageTypeDefinition<_strato_agent_v1_ExtendVolumeRequest, _strato_agent_v1_ExtendVolumeRequest__Output>
        FlavorSpec: MessageTypeDefinition<_strato_agent_v1_FlavorSpec, _strato_agent_v1_FlavorSpec__Output>
        GetConsoleLogRequest: MessageTypeDefinition<_strato_agent_v1_GetConsoleLogRequest, _strato_agent_v1_GetConsoleLogRequest__Output>
        GetConsoleLogResponse: MessageTypeDefinition<_strato_agent_v1_GetConsoleLogResponse, _strato_agent_v1_GetConsoleLogResponse__Output>
        GetInstanceRequest: MessageTypeDefinition<_strato_agent_v1_GetInstanceRequest, _strato_agent_v1_GetInstanceRequest__Output>
        GetMigrationRequest: MessageTypeDefinition<_strato_agent_v1_GetMigrationRequest, _strato_agent_v1_GetMigrationRequest__Output>
        GetStorageInfoRequest: MessageTypeDefinition<_strato_agent_v1_GetStorageInfoRequest, _strato_agent_v1_GetStorageInfoRequest__Output>
        GetVolumeRequest: MessageTypeDefinition<_strato_agent_v1_GetVolumeRequest, _strato_agent_v1_GetVolumeRequest__Output>
        ImageRef: MessageTypeDefinition<_strato_agent_v1_ImageRef, _strato_agent_v1_ImageRef__Output>
        InstanceActionRequest: MessageTypeDefinition<_strato_agent_v1_InstanceActionRequest, _strato_agent_v1_InstanceActionRequest__Output>
        InstanceStatus: MessageTypeDefinition<_strato_agent_v1_InstanceStatus, _strato_agent_v1_InstanceStatus__Output>
        ListInstancesRequest: MessageTypeDefinition<_strato_agent_v1_ListInstancesRequest, _strato_agent_v1_ListInstancesRequest__Output>
        ListInstancesResponse: MessageTypeDefinition<_strato_agent_v1_ListInstancesResponse, _strato_agent_v1_ListInstancesResponse__Output>
        ListVolumesRequest: MessageTypeDefinition<_strato_agent_v1_ListVolumesRequest, _strato_agent_v1_ListVolumesRequest__Output>
        ListVolumesResponse: MessageTypeDefinition<_strato_agent_v1_ListVolumesResponse, _strato_agent_v1_ListVolumesResponse__Output>
        MigrationStatus: MessageTypeDefinition<_strato_agent_v1_MigrationStatus, _strato_agent_v1_MigrationStatus__Output>
        PortSpec: MessageTypeDefinition<_strato_agent_v1_PortSpec, _strato_agent_v1_PortSpec__Output>
        PrepareIncomingRequest: MessageTypeDefinition<_strato_agent_v1_PrepareIncomingRequest, _strato_agent_v1_PrepareIncomingRequest__Output>
        PrepareIncomingResponse: MessageTypeDefinition<_strato_agent_v1_PrepareIncomingResponse, _strato_agent_v1_PrepareIncomingResponse__Output>
        PublicKey: MessageTypeDefinition<_strato_agent_v1_PublicKey, _strato_agent_v1_PublicKey__Output>
        ReconcileExportsRequest: MessageTypeDefinition<_strato_agent_v1_ReconcileExportsRequest, _strato_agent_v1_ReconcileExportsRequest__Output>
        ReconcileExportsResponse: MessageTypeDefinition<_strato_agent_v1_ReconcileExportsResponse, _strato_agent_v1_ReconcileExportsResponse__Output>
        RefreshVolumeSizeRequest: MessageTypeDefinition<_strato_agent_v1_RefreshVolumeSizeRequest, _strato_agent_v1_RefreshVolumeSizeRequest__Output>
        RefreshVolumeSizeResponse: MessageTypeDefinition<_strato_agent_v1_RefreshVolumeSizeResponse, _strato_agent_v1_RefreshVolumeSizeResponse__Output>
        ResizeInstanceRequest: MessageTypeDefinition<_strato_agent_v1_ResizeInstanceRequest, _strato_agent_v1_ResizeInstanceRequest__Output>
        Snapshot: MessageTypeDefinition<_strato_agent_v1_Snapshot, _strato_agent_v1_Snapshot__Output>
        SpawnInstanceRequest: MessageTypeDefinition<_strato_agent_v1_SpawnInstanceRequest, _strato_agent_v1_SpawnInstanceRequest__Output>
        StartMigrationRequest: MessageTypeDefinition<_strato_agent_v1_StartMigrationRequest, _strato_agent_v1_StartMigrationRequest__Output>
        StorageInfo: MessageTypeDefinition<_strato_agent_v1_StorageInfo, _strato_agent_v1_StorageInfo__Output>
        UnexportVolumeRequest: MessageTypeDefinition<_strato_agent_v1_UnexportVolumeRequest, _strato_agent_v1_UnexportVolumeRequest__Output>
        UnexportVolumeResponse: MessageTypeDefinition<_strato_agent_v1_UnexportVolumeResponse, _strato_agent_v1_UnexportVolumeResponse__Output>
        Volume: MessageTypeDefinition<_strato_agent_v1_Volume, _strato_agent_v1_Volume__Output>
        VolumeExport: MessageTypeDefinition<_strato_agent_v1_VolumeExport, _strato_agent_v1_VolumeExport__Output>
        VolumeSpec: MessageTypeDefinition<_strato_agent_v1_VolumeSpec, _strato_agent_v1_VolumeSpec__Output>
      }
    }
  }
}

