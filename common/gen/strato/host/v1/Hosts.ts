// Original file: strato/host/v1/host.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetHostRequest as _strato_host_v1_GetHostRequest, GetHostRequest__Output as _strato_host_v1_GetHostRequest__Output } from '../../../strato/host/v1/GetHostRequest.ts';
import type { Host as _strato_host_v1_Host, Host__Output as _strato_host_v1_Host__Output } from '../../../strato/host/v1/Host.ts';
import type { ListHostsRequest as _strato_host_v1_ListHostsRequest, ListHostsRequest__Output as _strato_host_v1_ListHostsRequest__Output } from '../../../strato/host/v1/ListHostsRequest.ts';
import type { ListHostsResponse as _strato_host_v1_ListHostsResponse, ListHostsResponse__Output as _strato_host_v1_ListHostsResponse__Output } from '../../../strato/host/v1/ListHostsResponse.ts';
import type { SetHostEnabledRequest as _strato_host_v1_SetHostEnabledRequest, SetHostEnabledRequest__Output as _strato_host_v1_SetHostEnabledRequest__Output } from '../../../strato/host/v1/SetHostEnabledRequest.ts';

export interface HostsClient extends grpc.Client {
  /**
   * GetHost (admin only) by id. Errors: PERMISSION_DENIED; NOT_FOUND.
   */
  GetHost(argument: _strato_host_v1_GetHostRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  GetHost(argument: _strato_host_v1_GetHostRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  GetHost(argument: _strato_host_v1_GetHostRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  GetHost(argument: _strato_host_v1_GetHostRequest, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  /**
   * GetHost (admin only) by id. Errors: PERMISSION_DENIED; NOT_FOUND.
   */
  getHost(argument: _strato_host_v1_GetHostRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  getHost(argument: _strato_host_v1_GetHostRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  getHost(argument: _strato_host_v1_GetHostRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  getHost(argument: _strato_host_v1_GetHostRequest, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListHosts (admin only): registered hosts with their state and usage, in id
   * order, paginated. Errors: PERMISSION_DENIED; INVALID_ARGUMENT
   * (PAGE_SIZE_INVALID, PAGE_TOKEN_INVALID).
   */
  ListHosts(argument: _strato_host_v1_ListHostsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  ListHosts(argument: _strato_host_v1_ListHostsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  ListHosts(argument: _strato_host_v1_ListHostsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  ListHosts(argument: _strato_host_v1_ListHostsRequest, callback: grpc.requestCallback<_strato_host_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListHosts (admin only): registered hosts with their state and usage, in id
   * order, paginated. Errors: PERMISSION_DENIED; INVALID_ARGUMENT
   * (PAGE_SIZE_INVALID, PAGE_TOKEN_INVALID).
   */
  listHosts(argument: _strato_host_v1_ListHostsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  listHosts(argument: _strato_host_v1_ListHostsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  listHosts(argument: _strato_host_v1_ListHostsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  listHosts(argument: _strato_host_v1_ListHostsRequest, callback: grpc.requestCallback<_strato_host_v1_ListHostsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * SetHostEnabled (admin only): a disabled host keeps its instances but
   * gets no new ones. Idempotent. Errors: PERMISSION_DENIED; NOT_FOUND.
   */
  SetHostEnabled(argument: _strato_host_v1_SetHostEnabledRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  SetHostEnabled(argument: _strato_host_v1_SetHostEnabledRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  SetHostEnabled(argument: _strato_host_v1_SetHostEnabledRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  SetHostEnabled(argument: _strato_host_v1_SetHostEnabledRequest, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  /**
   * SetHostEnabled (admin only): a disabled host keeps its instances but
   * gets no new ones. Idempotent. Errors: PERMISSION_DENIED; NOT_FOUND.
   */
  setHostEnabled(argument: _strato_host_v1_SetHostEnabledRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  setHostEnabled(argument: _strato_host_v1_SetHostEnabledRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  setHostEnabled(argument: _strato_host_v1_SetHostEnabledRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  setHostEnabled(argument: _strato_host_v1_SetHostEnabledRequest, callback: grpc.requestCallback<_strato_host_v1_Host__Output>): grpc.ClientUnaryCall;
  
}

export interface HostsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * GetHost (admin only) by id. Errors: PERMISSION_DENIED; NOT_FOUND.
   */
  GetHost: grpc.handleUnaryCall<_strato_host_v1_GetHostRequest__Output, _strato_host_v1_Host>;
  
  /**
   * ListHosts (admin only): registered hosts with their state and usage, in id
   * order, paginated. Errors: PERMISSION_DENIED; INVALID_ARGUMENT
   * (PAGE_SIZE_INVALID, PAGE_TOKEN_INVALID).
   */
  ListHosts: grpc.handleUnaryCall<_strato_host_v1_ListHostsRequest__Output, _strato_host_v1_ListHostsResponse>;
  
  /**
   * SetHostEnabled (admin only): a disabled host keeps its instances but
   * gets no new ones. Idempotent. Errors: PERMISSION_DENIED; NOT_FOUND.
   */
  SetHostEnabled: grpc.handleUnaryCall<_strato_host_v1_SetHostEnabledRequest__Output, _strato_host_v1_Host>;
  
}

export interface HostsDefinition extends grpc.ServiceDefinition {
  GetHost: MethodDefinition<_strato_host_v1_GetHostRequest, _strato_host_v1_Host, _strato_host_v1_GetHostRequest__Output, _strato_host_v1_Host__Output>
  ListHosts: MethodDefinition<_strato_host_v1_ListHostsRequest, _strato_host_v1_ListHostsResponse, _strato_host_v1_ListHostsRequest__Output, _strato_host_v1_ListHostsResponse__Output>
  SetHostEnabled: MethodDefinition<_strato_host_v1_SetHostEnabledRequest, _strato_host_v1_Host, _strato_host_v1_SetHostEnabledRequest__Output, _strato_host_v1_Host__Output>
}
