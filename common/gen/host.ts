import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AllocationRatio as _strato_host_v1_AllocationRatio, AllocationRatio__Output as _strato_host_v1_AllocationRatio__Output } from './strato/host/v1/AllocationRatio.ts';
import type { Capacity as _strato_host_v1_Capacity, Capacity__Output as _strato_host_v1_Capacity__Output } from './strato/host/v1/Capacity.ts';
import type { DrainHostRequest as _strato_host_v1_DrainHostRequest, DrainHostRequest__Output as _strato_host_v1_DrainHostRequest__Output } from './strato/host/v1/DrainHostRequest.ts';
import type { DrainHostResponse as _strato_host_v1_DrainHostResponse, DrainHostResponse__Output as _strato_host_v1_DrainHostResponse__Output } from './strato/host/v1/DrainHostResponse.ts';
import type { DrainedServer as _strato_host_v1_DrainedServer, DrainedServer__Output as _strato_host_v1_DrainedServer__Output } from './strato/host/v1/DrainedServer.ts';
import type { EvacuateHostRequest as _strato_host_v1_EvacuateHostRequest, EvacuateHostRequest__Output as _strato_host_v1_EvacuateHostRequest__Output } from './strato/host/v1/EvacuateHostRequest.ts';
import type { EvacuateHostResponse as _strato_host_v1_EvacuateHostResponse, EvacuateHostResponse__Output as _strato_host_v1_EvacuateHostResponse__Output } from './strato/host/v1/EvacuateHostResponse.ts';
import type { GetHostCertificatesRequest as _strato_host_v1_GetHostCertificatesRequest, GetHostCertificatesRequest__Output as _strato_host_v1_GetHostCertificatesRequest__Output } from './strato/host/v1/GetHostCertificatesRequest.ts';
import type { GetHostRequest as _strato_host_v1_GetHostRequest, GetHostRequest__Output as _strato_host_v1_GetHostRequest__Output } from './strato/host/v1/GetHostRequest.ts';
import type { GetInstanceMetadataRequest as _strato_host_v1_GetInstanceMetadataRequest, GetInstanceMetadataRequest__Output as _strato_host_v1_GetInstanceMetadataRequest__Output } from './strato/host/v1/GetInstanceMetadataRequest.ts';
import type { GetInstanceMetadataResponse as _strato_host_v1_GetInstanceMetadataResponse, GetInstanceMetadataResponse__Output as _strato_host_v1_GetInstanceMetadataResponse__Output } from './strato/host/v1/GetInstanceMetadataResponse.ts';
import type { HeartbeatRequest as _strato_host_v1_HeartbeatRequest, HeartbeatRequest__Output as _strato_host_v1_HeartbeatRequest__Output } from './strato/host/v1/HeartbeatRequest.ts';
import type { HeartbeatResponse as _strato_host_v1_HeartbeatResponse, HeartbeatResponse__Output as _strato_host_v1_HeartbeatResponse__Output } from './strato/host/v1/HeartbeatResponse.ts';
import type { Host as _strato_host_v1_Host, Host__Output as _strato_host_v1_Host__Output } from './strato/host/v1/Host.ts';
import type { HostCertificate as _strato_host_v1_HostCertificate, HostCertificate__Output as _strato_host_v1_HostCertificate__Output } from './strato/host/v1/HostCertificate.ts';
import type { HostCertificateSet as _strato_host_v1_HostCertificateSet, HostCertificateSet__Output as _strato_host_v1_HostCertificateSet__Output } from './strato/host/v1/HostCertificateSet.ts';
import type { HostCertificatesClient as _strato_host_v1_HostCertificatesClient, HostCertificatesDefinition as _strato_host_v1_HostCertificatesDefinition } from './strato/host/v1/HostCertificates.ts';
import type { HostsClient as _strato_host_v1_HostsClient, HostsDefinition as _strato_host_v1_HostsDefinition } from './strato/host/v1/Hosts.ts';
import type { InstanceReport as _strato_host_v1_InstanceReport, InstanceReport__Output as _strato_host_v1_InstanceReport__Output } from './strato/host/v1/InstanceReport.ts';
import type { IssueHostCertificateRequest as _strato_host_v1_IssueHostCertificateRequest, IssueHostCertificateRequest__Output as _strato_host_v1_IssueHostCertificateRequest__Output } from './strato/host/v1/IssueHostCertificateRequest.ts';
import type { IssueHostCertificateResponse as _strato_host_v1_IssueHostCertificateResponse, IssueHostCertificateResponse__Output as _strato_host_v1_IssueHostCertificateResponse__Output } from './strato/host/v1/IssueHostCertificateResponse.ts';
import type { ListHostsRequest as _strato_host_v1_ListHostsRequest, ListHostsRequest__Output as _strato_host_v1_ListHostsRequest__Output } from './strato/host/v1/ListHostsRequest.ts';
import type { ListHostsResponse as _strato_host_v1_ListHostsResponse, ListHostsResponse__Output as _strato_host_v1_ListHostsResponse__Output } from './strato/host/v1/ListHostsResponse.ts';
import type { MetadataPublicKey as _strato_host_v1_MetadataPublicKey, MetadataPublicKey__Output as _strato_host_v1_MetadataPublicKey__Output } from './strato/host/v1/MetadataPublicKey.ts';
import type { Orphans as _strato_host_v1_Orphans, Orphans__Output as _strato_host_v1_Orphans__Output } from './strato/host/v1/Orphans.ts';
import type { PullImageRequest as _strato_host_v1_PullImageRequest, PullImageRequest__Output as _strato_host_v1_PullImageRequest__Output } from './strato/host/v1/PullImageRequest.ts';
import type { PullImageResponse as _strato_host_v1_PullImageResponse, PullImageResponse__Output as _strato_host_v1_PullImageResponse__Output } from './strato/host/v1/PullImageResponse.ts';
import type { RegisterRequest as _strato_host_v1_RegisterRequest, RegisterRequest__Output as _strato_host_v1_RegisterRequest__Output } from './strato/host/v1/RegisterRequest.ts';
import type { RegisterResponse as _strato_host_v1_RegisterResponse, RegisterResponse__Output as _strato_host_v1_RegisterResponse__Output } from './strato/host/v1/RegisterResponse.ts';
import type { RegistryClient as _strato_host_v1_RegistryClient, RegistryDefinition as _strato_host_v1_RegistryDefinition } from './strato/host/v1/Registry.ts';
import type { RenewCertificateRequest as _strato_host_v1_RenewCertificateRequest, RenewCertificateRequest__Output as _strato_host_v1_RenewCertificateRequest__Output } from './strato/host/v1/RenewCertificateRequest.ts';
import type { RenewCertificateResponse as _strato_host_v1_RenewCertificateResponse, RenewCertificateResponse__Output as _strato_host_v1_RenewCertificateResponse__Output } from './strato/host/v1/RenewCertificateResponse.ts';
import type { ReportInstanceRequest as _strato_host_v1_ReportInstanceRequest, ReportInstanceRequest__Output as _strato_host_v1_ReportInstanceRequest__Output } from './strato/host/v1/ReportInstanceRequest.ts';
import type { ReportInstanceResponse as _strato_host_v1_ReportInstanceResponse, ReportInstanceResponse__Output as _strato_host_v1_ReportInstanceResponse__Output } from './strato/host/v1/ReportInstanceResponse.ts';
import type { RevokeHostCertificateRequest as _strato_host_v1_RevokeHostCertificateRequest, RevokeHostCertificateRequest__Output as _strato_host_v1_RevokeHostCertificateRequest__Output } from './strato/host/v1/RevokeHostCertificateRequest.ts';
import type { RotateHostCertificateRequest as _strato_host_v1_RotateHostCertificateRequest, RotateHostCertificateRequest__Output as _strato_host_v1_RotateHostCertificateRequest__Output } from './strato/host/v1/RotateHostCertificateRequest.ts';
import type { ServerEvacuation as _strato_host_v1_ServerEvacuation, ServerEvacuation__Output as _strato_host_v1_ServerEvacuation__Output } from './strato/host/v1/ServerEvacuation.ts';
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
        DrainHostRequest: MessageTypeDefinition<_strato_host_v1_DrainHostRequest, _strato_host_v1_DrainHostRequest__Output>
        DrainHostResponse: MessageTypeDefinition<_strato_host_v1_DrainHostResponse, _strato_host_v1_DrainHostResponse__Output>
        DrainedServer: MessageTypeDefinition<_strato_host_v1_DrainedServer, _strato_host_v1_DrainedServer__Output>
        EvacuateHostRequest: MessageTypeDefinition<_strato_host_v1_EvacuateHostRequest, _strato_host_v1_EvacuateHostRequest__Output>
        EvacuateHostResponse: MessageTypeDefinition<_strato_host_v1_EvacuateHostResponse, _strato_host_v1_EvacuateHostResponse__Output>
        GetHostCertificatesRequest: MessageTypeDefinition<_strato_host_v1_GetHostCertificatesRequest, _strato_host_v1_GetHostCertificatesRequest__Output>
        GetHostRequest: MessageTypeDefinition<_strato_host_v1_GetHostRequest, _strato_host_v1_GetHostRequest__Output>
        GetInstanceMetadataRequest: MessageTypeDefinition<_strato_host_v1_GetInstanceMetadataRequest, _strato_host_v1_GetInstanceMetadataRequest__Output>
        GetInstanceMetadataResponse: MessageTypeDefinition<_strato_host_v1_GetInstanceMetadataResponse, _strato_host_v1_GetInstanceMetadataResponse__Output>
        HeartbeatRequest: MessageTypeDefinition<_strato_host_v1_HeartbeatRequest, _strato_host_v1_HeartbeatRequest__Output>
        HeartbeatResponse: MessageTypeDefinition<_strato_host_v1_HeartbeatResponse, _strato_host_v1_HeartbeatResponse__Output>
        Host: MessageTypeDefinition<_strato_host_v1_Host, _strato_host_v1_Host__Output>
        HostCertificate: MessageTypeDefinition<_strato_host_v1_HostCertificate, _strato_host_v1_HostCertificate__Output>
        HostCertificateSet: MessageTypeDefinition<_strato_host_v1_HostCertificateSet, _strato_host_v1_HostCertificateSet__Output>
        /**
         * HostCertificates (admin only): the certificates hosts present to the
         * conductor and to each other's callers, signed by the deployment's CA, whose
         * key the conductor holds (<tls-dir>/ca.key, made by `scripts/make-certs --ca`
         * on the conductor host). The conductor records every certificate per host:
         * those it issues or renews, and one made elsewhere (make-certs) when the host
         * first calls with it. Once a host has a record, the Registry accepts only the
         * record's valid certificates, on every call, and the conductor calls the
         * host's agent only while the agent's certificate is valid there: a revoked
         * host is cut off at once both ways.
         */
        HostCertificates: SubtypeConstructor<typeof grpc.Client, _strato_host_v1_HostCertificatesClient> & { service: _strato_host_v1_HostCertificatesDefinition }
        Hosts: SubtypeConstructor<typeof grpc.Client, _strato_host_v1_HostsClient> & { service: _strato_host_v1_HostsDefinition }
        InstanceReport: MessageTypeDefinition<_strato_host_v1_InstanceReport, _strato_host_v1_InstanceReport__Output>
        IssueHostCertificateRequest: MessageTypeDefinition<_strato_host_v1_IssueHostCertificateRequest, _strato_host_v1_IssueHostCertificateRequest__Output>
        IssueHostCertificateResponse: MessageTypeDefinition<_strato_host_v1_IssueHostCertificateResponse, _strato_host_v1_IssueHostCertificateResponse__Output>
        ListHostsRequest: MessageTypeDefinition<_strato_host_v1_ListHostsRequest, _strato_host_v1_ListHostsRequest__Output>
        ListHostsResponse: MessageTypeDefinition<_strato_host_v1_ListHostsResponse, _strato_host_v1_ListHostsResponse__Output>
        MetadataPublicKey: MessageTypeDefinition<_strato_host_v1_MetadataPublicKey, _strato_host_v1_MetadataPublicKey__Output>
        Orphans: MessageTypeDefinition<_strato_host_v1_Orphans, _strato_host_v1_Orphans__Output>
        PullImageRequest: MessageTypeDefinition<_strato_host_v1_PullImageRequest, _strato_host_v1_PullImageRequest__Output>
        PullImageResponse: MessageTypeDefinition<_strato_host_v1_PullImageResponse, _strato_host_v1_PullImageResponse__Output>
        RegisterRequest: MessageTypeDefinition<_strato_host_v1_RegisterRequest, _strato_host_v1_RegisterRequest__Output>
        RegisterResponse: MessageTypeDefinition<_strato_host_v1_RegisterResponse, _strato_host_v1_RegisterResponse__Output>
        Registry: SubtypeConstructor<typeof grpc.Client, _strato_host_v1_RegistryClient> & { service: _strato_host_v1_RegistryDefinition }
        RenewCertificateRequest: MessageTypeDefinition<_strato_host_v1_RenewCertificateRequest, _strato_host_v1_RenewCertificateRequest__Output>
        RenewCertificateResponse: MessageTypeDefinition<_strato_host_v1_RenewCertificateResponse, _strato_host_v1_RenewCertificateResponse__Output>
        ReportInstanceRequest: MessageTypeDefinition<_strato_host_v1_ReportInstanceRequest, _strato_host_v1_ReportInstanceRequest__Output>
        ReportInstanceResponse: MessageTypeDefinition<_strato_host_v1_ReportInstanceResponse, _strato_host_v1_ReportInstanceResponse__Output>
        RevokeHostCertificateRequest: MessageTypeDefinition<_strato_host_v1_RevokeHostCertificateRequest, _strato_host_v1_RevokeHostCertificateRequest__Output>
        RotateHostCertificateRequest: MessageTypeDefinition<_strato_host_v1_RotateHostCertificateRequest, _strato_host_v1_RotateHostCertificateRequest__Output>
        ServerEvacuation: MessageTypeDefinition<_strato_host_v1_ServerEvacuation, _strato_host_v1_ServerEvacuation__Output>
        SetHostEnabledRequest: MessageTypeDefinition<_strato_host_v1_SetHostEnabledRequest, _strato_host_v1_SetHostEnabledRequest__Output>
        StorageReport: MessageTypeDefinition<_strato_host_v1_StorageReport, _strato_host_v1_StorageReport__Output>
      }
    }
  }
}

