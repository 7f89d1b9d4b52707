import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AbortMigrationRequest as _strato_agent_v1_AbortMigrationRequest, AbortMigrationRequest__Output as _strato_agent_v1_AbortMigrationRequest__Output } from './strato/agent/v1/AbortMigrationRequest.ts';
import type { AgentClient as _strato_agent_v1_AgentClient, AgentDefinition as _strato_agent_v1_AgentDefinition } from './strato/agent/v1/Agent.ts';
import type { AgentNetworkClient as _strato_agent_v1_AgentNetworkClient, AgentNetworkDefinition as _strato_agent_v1_AgentNetworkDefinition } from './strato/agent/v1/AgentNetwork.ts';
import type { ApplyNetworkStateRequest as _strato_agent_v1_ApplyNetworkStateRequest, ApplyNetworkStateRequest__Output as _strato_agent_v1_ApplyNetworkStateRequest__Output } from './strato/agent/v1/ApplyNetworkStateRequest.ts';
import type { ApplyNetworkStateResponse as _strato_agent_v1_ApplyNetworkStateResponse, ApplyNetworkStateResponse__Output as _strato_agent_v1_ApplyNetworkStateResponse__Output } from './strato/agent/v1/ApplyNetworkStateResponse.ts';
import type { AttachPortRequest as _strato_agent_v1_AttachPortRequest, AttachPortRequest__Output as _strato_agent_v1_AttachPortRequest__Output } from './strato/agent/v1/AttachPortRequest.ts';
import type { AttachPortResponse as _strato_agent_v1_AttachPortResponse, AttachPortResponse__Output as _strato_agent_v1_AttachPortResponse__Output } from './strato/agent/v1/AttachPortResponse.ts';
import type { AttachVolumeRequest as _strato_agent_v1_AttachVolumeRequest, AttachVolumeRequest__Output as _strato_agent_v1_AttachVolumeRequest__Output } from './strato/agent/v1/AttachVolumeRequest.ts';
import type { AttachVolumeResponse as _strato_agent_v1_AttachVolumeResponse, AttachVolumeResponse__Output as _strato_agent_v1_AttachVolumeResponse__Output } from './strato/agent/v1/AttachVolumeResponse.ts';
import type { ConsoleInput as _strato_agent_v1_ConsoleInput, ConsoleInput__Output as _strato_agent_v1_ConsoleInput__Output } from './strato/agent/v1/ConsoleInput.ts';
import type { ConsoleOutput as _strato_agent_v1_ConsoleOutput, ConsoleOutput__Output as _strato_agent_v1_ConsoleOutput__Output } from './strato/agent/v1/ConsoleOutput.ts';
import type { DeleteInstanceRequest as _strato_agent_v1_DeleteInstanceRequest, DeleteInstanceRequest__Output as _strato_agent_v1_DeleteInstanceRequest__Output } from './strato/agent/v1/DeleteInstanceRequest.ts';
import type { DeleteInstanceResponse as _strato_agent_v1_DeleteInstanceResponse, DeleteInstanceResponse__Output as _strato_agent_v1_DeleteInstanceResponse__Output } from './strato/agent/v1/DeleteInstanceResponse.ts';
import type { DetachPortRequest as _strato_agent_v1_DetachPortRequest, DetachPortRequest__Output as _strato_agent_v1_DetachPortRequest__Output } from './strato/agent/v1/DetachPortRequest.ts';
import type { DetachPortResponse as _strato_agent_v1_DetachPortResponse, DetachPortResponse__Output as _strato_agent_v1_DetachPortResponse__Output } from './strato/agent/v1/DetachPortResponse.ts';
import type { DetachVolumeRequest as _strato_agent_v1_DetachVolumeRequest, DetachVolumeRequest__Output as _strato_agent_v1_DetachVolumeRequest__Output } from './strato/agent/v1/DetachVolumeRequest.ts';
import type { DetachVolumeResponse as _strato_agent_v1_DetachVolumeResponse, DetachVolumeResponse__Output as _strato_agent_v1_DetachVolumeResponse__Output } from './strato/agent/v1/DetachVolumeResponse.ts';
import type { DhcpConfig as _strato_agent_v1_DhcpConfig, DhcpConfig__Output as _strato_agent_v1_DhcpConfig__Output } from './strato/agent/v1/DhcpConfig.ts';
import type { DhcpHostConfig as _strato_agent_v1_DhcpHostConfig, DhcpHostConfig__Output as _strato_agent_v1_DhcpHostConfig__Output } from './strato/agent/v1/DhcpHostConfig.ts';
import type { DhcpSubnetConfig as _strato_agent_v1_DhcpSubnetConfig, DhcpSubnetConfig__Output as _strato_agent_v1_DhcpSubnetConfig__Output } from './strato/agent/v1/DhcpSubnetConfig.ts';
import type { ExportRootDiskChunk as _strato_agent_v1_ExportRootDiskChunk, ExportRootDiskChunk__Output as _strato_agent_v1_ExportRootDiskChunk__Output } from './strato/agent/v1/ExportRootDiskChunk.ts';
import type { ExportRootDiskRequest as _strato_agent_v1_ExportRootDiskRequest, ExportRootDiskRequest__Output as _strato_agent_v1_ExportRootDiskRequest__Output } from './strato/agent/v1/ExportRootDiskRequest.ts';
import type { FlavorSpec as _strato_agent_v1_FlavorSpec, FlavorSpec__Output as _strato_agent_v1_FlavorSpec__Output } from './strato/agent/v1/FlavorSpec.ts';
import type { FloatingIpConfig as _strato_agent_v1_FloatingIpConfig, FloatingIpConfig__Output as _strato_agent_v1_FloatingIpConfig__Output } from './strato/agent/v1/FloatingIpConfig.ts';
import type { GetConsoleLogRequest as _strato_agent_v1_GetConsoleLogRequest, GetConsoleLogRequest__Output as _strato_agent_v1_GetConsoleLogRequest__Output } from './strato/agent/v1/GetConsoleLogRequest.ts';
import type { GetConsoleLogResponse as _strato_agent_v1_GetConsoleLogResponse, GetConsoleLogResponse__Output as _strato_agent_v1_GetConsoleLogResponse__Output } from './strato/agent/v1/GetConsoleLogResponse.ts';
import type { GetInstanceRequest as _strato_agent_v1_GetInstanceRequest, GetInstanceRequest__Output as _strato_agent_v1_GetInstanceRequest__Output } from './strato/agent/v1/GetInstanceRequest.ts';
import type { GetMigrationRequest as _strato_agent_v1_GetMigrationRequest, GetMigrationRequest__Output as _strato_agent_v1_GetMigrationRequest__Output } from './strato/agent/v1/GetMigrationRequest.ts';
import type { HostNetworkState as _strato_agent_v1_HostNetworkState, HostNetworkState__Output as _strato_agent_v1_HostNetworkState__Output } from './strato/agent/v1/HostNetworkState.ts';
import type { ImageRef as _strato_agent_v1_ImageRef, ImageRef__Output as _strato_agent_v1_ImageRef__Output } from './strato/agent/v1/ImageRef.ts';
import type { InstanceActionRequest as _strato_agent_v1_InstanceActionRequest, InstanceActionRequest__Output as _strato_agent_v1_InstanceActionRequest__Output } from './strato/agent/v1/InstanceActionRequest.ts';
import type { InstanceStatus as _strato_agent_v1_InstanceStatus, InstanceStatus__Output as _strato_agent_v1_InstanceStatus__Output } from './strato/agent/v1/InstanceStatus.ts';
import type { ListInstancesRequest as _strato_agent_v1_ListInstancesRequest, ListInstancesRequest__Output as _strato_agent_v1_ListInstancesRequest__Output } from './strato/agent/v1/ListInstancesRequest.ts';
import type { ListInstancesResponse as _strato_agent_v1_ListInstancesResponse, ListInstancesResponse__Output as _strato_agent_v1_ListInstancesResponse__Output } from './strato/agent/v1/ListInstancesResponse.ts';
import type { MigrationStatus as _strato_agent_v1_MigrationStatus, MigrationStatus__Output as _strato_agent_v1_MigrationStatus__Output } from './strato/agent/v1/MigrationStatus.ts';
import type { NamespaceAttach as _strato_agent_v1_NamespaceAttach, NamespaceAttach__Output as _strato_agent_v1_NamespaceAttach__Output } from './strato/agent/v1/NamespaceAttach.ts';
import type { NetworkConfig as _strato_agent_v1_NetworkConfig, NetworkConfig__Output as _strato_agent_v1_NetworkConfig__Output } from './strato/agent/v1/NetworkConfig.ts';
import type { PortConfig as _strato_agent_v1_PortConfig, PortConfig__Output as _strato_agent_v1_PortConfig__Output } from './strato/agent/v1/PortConfig.ts';
import type { PortSpec as _strato_agent_v1_PortSpec, PortSpec__Output as _strato_agent_v1_PortSpec__Output } from './strato/agent/v1/PortSpec.ts';
import type { PrepareIncomingRequest as _strato_agent_v1_PrepareIncomingRequest, PrepareIncomingRequest__Output as _strato_agent_v1_PrepareIncomingRequest__Output } from './strato/agent/v1/PrepareIncomingRequest.ts';
import type { PrepareIncomingResponse as _strato_agent_v1_PrepareIncomingResponse, PrepareIncomingResponse__Output as _strato_agent_v1_PrepareIncomingResponse__Output } from './strato/agent/v1/PrepareIncomingResponse.ts';
import type { PublicKey as _strato_agent_v1_PublicKey, PublicKey__Output as _strato_agent_v1_PublicKey__Output } from './strato/agent/v1/PublicKey.ts';
import type { RefreshVolumeSizeRequest as _strato_agent_v1_RefreshVolumeSizeRequest, RefreshVolumeSizeRequest__Output as _strato_agent_v1_RefreshVolumeSizeRequest__Output } from './strato/agent/v1/RefreshVolumeSizeRequest.ts';
import type { RefreshVolumeSizeResponse as _strato_agent_v1_RefreshVolumeSizeResponse, RefreshVolumeSizeResponse__Output as _strato_agent_v1_RefreshVolumeSizeResponse__Output } from './strato/agent/v1/RefreshVolumeSizeResponse.ts';
import type { ResizeInstanceRequest as _strato_agent_v1_ResizeInstanceRequest, ResizeInstanceRequest__Output as _strato_agent_v1_ResizeInstanceRequest__Output } from './strato/agent/v1/ResizeInstanceRequest.ts';
import type { RouterConfig as _strato_agent_v1_RouterConfig, RouterConfig__Output as _strato_agent_v1_RouterConfig__Output } from './strato/agent/v1/RouterConfig.ts';
import type { RouterGatewayConfig as _strato_agent_v1_RouterGatewayConfig, RouterGatewayConfig__Output as _strato_agent_v1_RouterGatewayConfig__Output } from './strato/agent/v1/RouterGatewayConfig.ts';
import type { RouterInterfaceConfig as _strato_agent_v1_RouterInterfaceConfig, RouterInterfaceConfig__Output as _strato_agent_v1_RouterInterfaceConfig__Output } from './strato/agent/v1/RouterInterfaceConfig.ts';
import type { SecurityRuleConfig as _strato_agent_v1_SecurityRuleConfig, SecurityRuleConfig__Output as _strato_agent_v1_SecurityRuleConfig__Output } from './strato/agent/v1/SecurityRuleConfig.ts';
import type { SpawnInstanceRequest as _strato_agent_v1_SpawnInstanceRequest, SpawnInstanceRequest__Output as _strato_agent_v1_SpawnInstanceRequest__Output } from './strato/agent/v1/SpawnInstanceRequest.ts';
import type { StartMigrationRequest as _strato_agent_v1_StartMigrationRequest, StartMigrationRequest__Output as _strato_agent_v1_StartMigrationRequest__Output } from './strato/agent/v1/StartMigrationRequest.ts';
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
        AgentNetwork: SubtypeConstructor<typeof grpc.Client, _strato_agent_v1_AgentNetworkClient> & { service: _strato_agent_v1_AgentNetworkDefinition }
        ApplyNetworkStateRequest: MessageTypeDefinition<_strato_agent_v1_ApplyNetworkStateRequest, _strato_agent_v1_ApplyNetworkStateRequest__Output>
        ApplyNetworkStateResponse: MessageTypeDefinition<_strato_agent_v1_ApplyNetworkStateResponse, _strato_agent_v1_ApplyNetworkStateResponse__Output>
        AttachPortRequest: MessageTypeDefinition<_strato_agent_v1_AttachPortRequest, _strato_agent_v1_AttachPortRequest__Output>
        AttachPortResponse: MessageTypeDefinition<_strato_agent_v1_AttachPortResponse, _strato_agent_v1_AttachPortResponse__Output>
        AttachVolumeRequest: MessageTypeDefinition<_strato_agent_v1_AttachVolumeRequest, _strato_agent_v1_AttachVolumeRequest__Output>
        AttachVolumeResponse: MessageTypeDefinition<_strato_agent_v1_AttachVolumeResponse, _strato_agent_v1_AttachVolumeResponse__Output>
        ConsoleInput: MessageTypeDefinition<_strato_agent_v1_ConsoleInput, _strato_agent_v1_ConsoleInput__Output>
        ConsoleOutput: MessageTypeDefinition<_strato_agent_v1_ConsoleOutput, _strato_agent_v1_ConsoleOutput__Output>
        DeleteInstanceRequest: MessageTypeDefinition<_strato_agent_v1_DeleteInstanceRequest, _strato_agent_v1_DeleteInstanceRequest__Output>
        DeleteInstanceResponse: MessageTypeDefinition<_strato_agent_v1_DeleteInstanceResponse, _strato_agent_v1_DeleteInstanceResponse__Output>
        DetachPortRequest: MessageTypeDefinition<_strato_agent_v1_DetachPortRequest, _strato_agent_v1_DetachPortRequest__Output>
        DetachPortResponse: MessageTypeDefinition<_strato_agent_v1_DetachPortResponse, _strato_agent_v1_DetachPortResponse__Output>
        DetachVolumeRequest: MessageTypeDefinition<_strato_agent_v1_DetachVolumeRequest, _strato_agent_v1_DetachVolumeRequest__Output>
        DetachVolumeResponse: MessageTypeDefinition<_strato_agent_v1_DetachVolumeResponse, _strato_agent_v1_DetachVolumeResponse__Output>
        DhcpConfig: MessageTypeDefinition<_strato_agent_v1_DhcpConfig, _strato_agent_v1_DhcpConfig__Output>
        DhcpHostConfig: MessageTypeDefinition<_strato_agent_v1_DhcpHostConfig, _strato_agent_v1_DhcpHostConfig__Output>
        DhcpSubnetConfig: MessageTypeDefinition<_strato_agent_v1_DhcpSubnetConfig, _strato_agent_v1_DhcpSubnetConfig__Output>
        ExportRootDiskChunk: MessageTypeDefinition<_strato_agent_v1_ExportRootDiskChunk, _strato_agent_v1_ExportRootDiskChunk__Output>
        ExportRootDiskRequest: MessageTypeDefinition<_strato_agent_v1_ExportRootDiskRequest, _strato_agent_v1_ExportRootDiskRequest__Output>
        FlavorSpec: MessageTypeDefinition<_strato_agent_v1_FlavorSpec, _strato_agent_v1_FlavorSpec__Output>
        FloatingIpConfig: MessageTypeDefinition<_strato_agent_v1_FloatingIpConfig, _strato_agent_v1_FloatingIpConfig__Output>
        GetConsoleLogRequest: MessageTypeDefinition<_strato_agent_v1_GetConsoleLogRequest, _strato_agent_v1_GetConsoleLogRequest__Output>
        GetConsoleLogResponse: MessageTypeDefinition<_strato_agent_v1_GetConsoleLogResponse, _strato_agent_v1_GetConsoleLogResponse__Output>
        GetInstanceRequest: MessageTypeDefinition<_strato_agent_v1_GetInstanceRequest, _strato_agent_v1_GetInstanceRequest__Output>
        GetMigrationRequest: MessageTypeDefinition<_strato_agent_v1_GetMigrationRequest, _strato_agent_v1_GetMigrationRequest__Output>
        HostNetworkState: MessageTypeDefinition<_strato_agent_v1_HostNetworkState, _strato_agent_v1_HostNetworkState__Output>
        ImageRef: MessageTypeDefinition<_strato_agent_v1_ImageRef, _strato_agent_v1_ImageRef__Output>
        InstanceActionRequest: MessageTypeDefinition<_strato_agent_v1_InstanceActionRequest, _strato_agent_v1_InstanceActionRequest__Output>
        InstanceStatus: MessageTypeDefinition<_strato_agent_v1_InstanceStatus, _strato_agent_v1_InstanceStatus__Output>
        ListInstancesRequest: MessageTypeDefinition<_strato_agent_v1_ListInstancesRequest, _strato_agent_v1_ListInstancesRequest__Output>
        ListInstancesResponse: MessageTypeDefinition<_strato_agent_v1_ListInstancesResponse, _strato_agent_v1_ListInstancesResponse__Output>
        MigrationStatus: MessageTypeDefinition<_strato_agent_v1_MigrationStatus, _strato_agent_v1_MigrationStatus__Output>
        NamespaceAttach: MessageTypeDefinition<_strato_agent_v1_NamespaceAttach, _strato_agent_v1_NamespaceAttach__Output>
        NetworkConfig: MessageTypeDefinition<_strato_agent_v1_NetworkConfig, _strato_agent_v1_NetworkConfig__Output>
        NetworkType: EnumTypeDefinition
        PortConfig: MessageTypeDefinition<_strato_agent_v1_PortConfig, _strato_agent_v1_PortConfig__Output>
        PortSpec: MessageTypeDefinition<_strato_agent_v1_PortSpec, _strato_agent_v1_PortSpec__Output>
        PrepareIncomingRequest: MessageTypeDefinition<_strato_agent_v1_PrepareIncomingRequest, _strato_agent_v1_PrepareIncomingRequest__Output>
        PrepareIncomingResponse: MessageTypeDefinition<_strato_agent_v1_PrepareIncomingResponse, _strato_agent_v1_PrepareIncomingResponse__Output>
        PublicKey: MessageTypeDefinition<_strato_agent_v1_PublicKey, _strato_agent_v1_PublicKey__Output>
        RefreshVolumeSizeRequest: MessageTypeDefinition<_strato_agent_v1_RefreshVolumeSizeRequest, _strato_agent_v1_RefreshVolumeSizeRequest__Output>
        RefreshVolumeSizeResponse: MessageTypeDefinition<_strato_agent_v1_RefreshVolumeSizeResponse, _strato_agent_v1_RefreshVolumeSizeResponse__Output>
        ResizeInstanceRequest: MessageTypeDefinition<_strato_agent_v1_ResizeInstanceRequest, _strato_agent_v1_ResizeInstanceRequest__Output>
        RouterConfig: MessageTypeDefinition<_strato_agent_v1_RouterConfig, _strato_agent_v1_RouterConfig__Output>
        RouterGatewayConfig: MessageTypeDefinition<_strato_agent_v1_RouterGatewayConfig, _strato_agent_v1_RouterGatewayConfig__Output>
        RouterInterfaceConfig: MessageTypeDefinition<_strato_agent_v1_RouterInterfaceConfig, _strato_agent_v1_RouterInterfaceConfig__Output>
        RuleDirection: EnumTypeDefinition
        RuleProtocol: EnumTypeDefinition
        SecurityRuleConfig: MessageTypeDefinition<_strato_agent_v1_SecurityRuleConfig, _strato_agent_v1_SecurityRuleConfig__Output>
        SpawnInstanceRequest: MessageTypeDefinition<_strato_agent_v1_SpawnInstanceRequest, _strato_agent_v1_SpawnInstanceRequest__Output>
        StartMigrationRequest: MessageTypeDefinition<_strato_agent_v1_StartMigrationRequest, _strato_agent_v1_StartMigrationRequest__Output>
        VolumeSpec: MessageTypeDefinition<_strato_agent_v1_VolumeSpec, _strato_agent_v1_VolumeSpec__Output>
      }
    }
  }
}

