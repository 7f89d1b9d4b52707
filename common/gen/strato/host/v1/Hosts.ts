// Original file: strato/host/v1/host.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DrainHostRequest as _strato_host_v1_DrainHostRequest, DrainHostRequest__Output as _strato_host_v1_DrainHostRequest__Output } from '../../../strato/host/v1/DrainHostRequest.ts';
import type { DrainHostResponse as _strato_host_v1_DrainHostResponse, DrainHostResponse__Output as _strato_host_v1_DrainHostResponse__Output } from '../../../strato/host/v1/DrainHostResponse.ts';
import type { GetHostRequest as _strato_host_v1_GetHostRequest, GetHostRequest__Output as _strato_host_v1_GetHostRequest__Output } from '../../../strato/host/v1/GetHostRequest.ts';
import type { Host as _strato_host_v1_Host, Host__Output as _strato_host_v1_Host__Output } from '../../../strato/host/v1/Host.ts';
import type { ListHostsRequest as _strato_host_v1_ListHostsRequest, ListHostsRequest__Output as _strato_host_v1_ListHostsRequest__Output } from '../../../strato/host/v1/ListHostsRequest.ts';
import type { ListHostsResponse as _strato_host_v1_ListHostsResponse, ListHostsResponse__Output as _strato_host_v1_ListHostsResponse__Output } from '../../../strato/host/v1/ListHostsResponse.ts';
import type { SetHostEnabledRequest as _strato_host_v1_SetHostEnabledRequest, SetHostEnabledRequest__Output as _strato_host_v1_SetHostEnabledRequest__Output } from '../../../strato/host/v1/SetHostEnabledRequest.ts';

export interface HostsClient extends grpc.Client {
  /**
   * DrainHost (admin only) empties a host for maintenance: it is disabled
   * (as SetHostEnabled false: no new servers), then every server on it starts
   * moving to a host the scheduler picks: ACTIVE ones live, SHUTOFF ones cold
   * (see server_move.proto). Returns once the moves are accepted, with one
   * entry per server on the host: the migration that moves it, or why it
   * cannot move (another vm_state, volumes attached, a task in progress); a
   * move may still fail later (its migration says why). Follow the host's
   * migrations (ListMigrations host) or its servers; the host is empty when
   * they have all finished. Repeating it starts moves for what is still there
   * and idle. Errors: PERMISSION_DENIED; NOT_FOUND (HOST_NOT_FOUND).
   */
  DrainHost(argument: _strato_host_v1_DrainHostRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_DrainHostResponse__Output>): grpc.ClientUnaryCall;
  DrainHost(argument: _strato_host_v1_DrainHostRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_DrainHostResponse__Output>): grpc.ClientUnaryCall;
  DrainHost(argument: _strato_host_v1_DrainHostRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_DrainHostResponse__Output>): grpc.ClientUnaryCall;
  DrainHost(argument: _strato_host_v1_DrainHostRequest, callback: grpc.requestCallback<_strato_host_v1_DrainHostResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DrainHost (admin only) empties a host for maintenance: it is disabled
   * (as SetHostEnabled false: no new servers), then every server on it starts
   * moving to a host the scheduler picks: ACTIVE ones live, SHUTOFF ones cold
   * (see server_move.proto). Returns once the moves are accepted, with one
   * entry per server on the host: the migration that moves it, or why it
   * cannot move (another vm_state, volumes attached, a task in progress); a
   * move may still fail later (its migration says why). Follow the host's
   * migrations (ListMigrations host) or its servers; the host is empty when
   * they have all finished. Repeating it starts moves for what is still there
   * and idle. Errors: PERMISSION_DENIED; NOT_FOUND (HOST_NOT_FOUND).
   */
  drainHost(argument: _strato_host_v1_DrainHostRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_DrainHostResponse__Output>): grpc.ClientUnaryCall;
  drainHost(argument: _strato_host_v1_DrainHostRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_DrainHostResponse__Output>): grpc.ClientUnaryCall;
  drainHost(argument: _strato_host_v1_DrainHostRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_DrainHostResponse__Output>): grpc.ClientUnaryCall;
  drainHost(argument: _strato_host_v1_DrainHostRequest, callback: grpc.requestCallback<_strato_host_v1_DrainHostResponse__Output>): grpc.ClientUnaryCall;
  
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
   * DrainHost (admin only) empties a host for maintenance: it is disabled
   * (as SetHostEnabled false: no new servers), then every server on it starts
   * moving to a host the scheduler picks: ACTIVE ones live, SHUTOFF ones cold
   * (see server_move.proto). Returns once the moves are accepted, with one
   * entry per server on the host: the migration that moves it, or why it
   * cannot move (another vm_state, volumes attached, a task in progress); a
   * move may still fail later (its migration says why). Follow the host's
   * migrations (ListMigrations host) or its servers; the host is empty when
   * they have all finished. Repeating it starts moves for what is still there
   * and idle. Errors: PERMISSION_DENIED; NOT_FOUND (HOST_NOT_FOUND).
   */
  DrainHost: grpc.handleUnaryCall<_strato_host_v1_DrainHostRequest__Output, _strato_host_v1_DrainHostResponse>;
  
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
  DrainHost: MethodDefinition<_strato_host_v1_DrainHostRequest, _strato_host_v1_DrainHostResponse, _strato_host_v1_DrainHostRequest__Output, _strato_host_v1_DrainHostResponse__Output>
  GetHost: MethodDefinition<_strato_host_v1_GetHostRequest, _strato_host_v1_Host, _strato_host_v1_GetHostRequest__Output, _strato_host_v1_Host__Output>
  ListHosts: MethodDefinition<_strato_host_v1_ListHostsRequest, _strato_host_v1_ListHostsResponse, _strato_host_v1_ListHostsRequest__Output, _strato_host_v1_ListHostsResponse__Output>
  SetHostEnabled: MethodDefinition<_strato_host_v1_SetHostEnabledRequest, _strato_host_v1_Host, _strato_host_v1_SetHostEnabledRequest__Output, _strato_host_v1_Host__Output>
}
