import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AllocationRatio as _strato_host_v1_AllocationRatio, AllocationRatio__Output as _strato_host_v1_AllocationRatio__Output } from './strato/host/v1/AllocationRatio.ts';
import type { Capacity as _strato_host_v1_Capacity, Capacity__Output as _strato_host_v1_Capacity__Output } from './strato/host/v1/Capacity.ts';
import type { GetHostRequest as _strato_host_v1_GetHostRequest, GetHostRequest__Output as _strato_host_v1_GetHostRequest__Output } from './strato/host/v1/GetHostRequest.ts';
import type { HeartbeatRequest as _strato_host_v1_HeartbeatRequest, HeartbeatRequest__Output as _strato_host_v1_HeartbeatRequest__Output } from './strato/host/v1/HeartbeatRequest.ts';
import type { HeartbeatResponse as _strato_host_v1_HeartbeatResponse, HeartbeatResponse__Output as _strato_host_v1_HeartbeatResponse__Output } from './strato/host/v1/HeartbeatResponse.ts';
import type { Host as _strato_host_v1_Host, Host__Output as _strato_host_v1_Host__Output } from './strato/host/v1/Host.ts';
import type { HostsClient as _strato_host_v1_HostsClient, HostsDefinition as _strato_host_v1_HostsDefinition } from './strato/host/v1/Hosts.ts';
import type { InstanceReport as _strato_host_v1_InstanceReport, InstanceReport__Output as _strato_host_v1_InstanceReport__Output } from './strato/host/v1/InstanceReport.ts';
import type { ListHostsRequest as _strato_host_v1_ListHostsRequest, ListHostsRequest__Output as _strato_host_v1_ListHostsRequest__Output } from './strato/host/v1/ListHostsRequest.ts';
import type { ListHostsResponse as _strato_host_v1_ListHostsResponse, ListHostsResponse__Output as _strato_host_v1_ListHostsResponse__Output } from './strato/host/v1/ListHostsResponse.ts';
import type { Orphans as _strato_host_v1_Orphans, Orphans__Output as _strato_host_v1_Orphans__Output } from './strato/host/v1/Orphans.ts';
import type { PullImageRequest as _strato_host_v1_PullImageRequest, PullImageRequest__Output as _strato_host_v1_PullImageRequest__Output } from './strato/host/v1/PullImageRequest.ts';
import type { PullImageResponse as _strato_host_v1_PullImageResponse, PullImageResponse__Output as _strato_host_v1_PullImageResponse__Output } from './strato/host/v1/PullImageResponse.ts';
import type { RegisterRequest as _strato_host_v1_RegisterRequest, RegisterRequest__Output as _strato_host_v1_RegisterRequest__Output } from './strato/host/v1/RegisterRequest.ts';
import type { RegisterResponse as _strato_host_v1_RegisterResponse, RegisterResponse__Output as _strato_host_v1_RegisterResponse__Output } from './strato/host/v1/RegisterResponse.ts';
import type { RegistryClient as _strato_host_v1_RegistryClient, RegistryDefinition as _strato_host_v1_RegistryDefinition } from './strato/host/v1/Registry.ts';
import type { ReportInstanceRequest as _strato_host_v1_ReportInstanceRequest, ReportInstanceRequest__Output as _strato_host_v1_ReportInstanceRequest__Output } from './strato/host/v1/ReportInstanceRequest.ts';
import type { ReportInstanceResponse as _strato_host_v1_ReportInstanceResponse, ReportInstanceResponse__Output as _strato_host_v1_ReportInstanceResponse__Output } from './strato/host/v1/ReportInstanceResponse.ts';
import type { SetHostEnabledRequest as _strato_host_v1_SetHostEnabledRequest, SetHostEnabledRequest__Output as _strato_host_v1_SetHostEnabledRequest__Output } from './strato/host/v1/SetHostEnabledRequest.ts';
import type { StorageReport as _strato_host_v1_StorageReport, StorageReport__Output as _strato_host_v1_StorageReport__Output } from './strato/host/v1/StorageReport.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    host: {
      v1: {
        AllocationRatio: MessageTypeDefinition<_strato_host_v1_AllocationRatio, _strato_host_v1_AllocationRatio__Output>
        Capacity: MessageTypeDefinition<_strato_host_v1_Capacity, _strato_host_v1_Capacity__Output>
        GetHostRequest: MessageTypeDefinition<_strato_host_v1_GetHostRequest, _strato_host_v1_GetHostRequest__Output>
        HeartbeatRequest: MessageTypeDefinition<_strato_host_v1_HeartbeatRequest, _strato_host_v1_HeartbeatRequest__Output>
        HeartbeatResponse: MessageTypeDefinition<_strato_host_v1_HeartbeatResponse, _strato_host_v1_HeartbeatResponse__Output>
        Host: MessageTypeDefinition<_strato_host_v1_Host, _strato_host_v1_Host__Output>
        Hosts: SubtypeConstructor<typeof grpc.Client, _strato_host_v1_HostsClient> & { service: _strato_host_v1_HostsDefinition }
        InstanceReport: MessageTypeDefinition<_strato_host_v1_InstanceReport, _strato_host_v1_InstanceReport__Output>
        ListHostsRequest: MessageTypeDefinition<_strato_host_v1_ListHostsRequest, _strato_host_v1_ListHostsRequest__Output>
        ListHostsResponse: MessageTypeDefinition<_strato_host_v1_ListHostsResponse, _strato_host_v1_ListHostsResponse__Output>
        Orphans: MessageTypeDefinition<_strato_host_v1_Orphans, _strato_host_v1_Orphans__Output>
        PullImageRequest: MessageTypeDefinition<_strato_host_v1_PullImageRequest, _strato_host_v1_PullImageRequest__Output>
        PullImageResponse: MessageTypeDefinition<_strato_host_v1_PullImageResponse, _strato_host_v1_PullImageResponse__Output>
        RegisterRequest: MessageTypeDefinition<_strato_host_v1_RegisterRequest, _strato_host_v1_RegisterRequest__Output>
        RegisterResponse: MessageTypeDefinition<_strato_host_v1_RegisterResponse, _strato_host_v1_RegisterResponse__Output>
        Registry: SubtypeConstructor<typeof grpc.Client, _strato_host_v1_RegistryClient> & { service: _strato_host_v1_RegistryDefinition }
        ReportInstanceRequest: MessageTypeDefinition<_strato_host_v1_ReportInstanceRequest, _strato_host_v1_ReportInstanceRequest__Output>
        ReportInstanceResponse: MessageTypeDefinition<_strato_host_v1_ReportInstanceResponse, _strato_host_v1_ReportInstanceResponse__Output>
        SetHostEnabledRequest: MessageTypeDefinition<_strato_host_v1_SetHostEnabledRequest, _strato_host_v1_SetHostEnabledRequest__Output>
        StorageReport: MessageTypeDefinition<_strato_host_v1_StorageReport, _strato_host_v1_StorageReport__Output>
      }
    }
  }
}

