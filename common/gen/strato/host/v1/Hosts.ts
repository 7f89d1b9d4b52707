// Original file: strato/host/v1/host.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DrainHostRequest as _strato_host_v1_DrainHostRequest, DrainHostRequest__Output as _strato_host_v1_DrainHostRequest__Output } from '../../../strato/host/v1/DrainHostRequest.ts';
import type { DrainHostResponse as _strato_host_v1_DrainHostResponse, DrainHostResponse__Output as _strato_host_v1_DrainHostResponse__Output } from '../../../strato/host/v1/DrainHostResponse.ts';
import type { EvacuateHostRequest as _strato_host_v1_EvacuateHostRequest, EvacuateHostRequest__Output as _strato_host_v1_EvacuateHostRequest__Output } from '../../../strato/host/v1/EvacuateHostRequest.ts';
import type { EvacuateHostResponse as _strato_host_v1_EvacuateHostResponse, EvacuateHostResponse__Output as _strato_host_v1_EvacuateHostResponse__Output } from '../../../strato/host/v1/EvacuateHostResponse.ts';
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
   * cannot move (another vm_state, a task in progress); a
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
   * cannot move (another vm_state, a task in progress); a
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
   * EvacuateHost (admin only): rebuilds every server of a host that is down
   * and that the operator has fenced (powered off, cut from the network and
   * storage) on other hosts, as Nova's evacuate does without shared storage.
   * The operator confirms the fencing by disabling the host first: the host
   * must be down (no heartbeat for down_after_s) AND disabled. Each server
   * gets a new placement (the scheduler, never the dead host; target_host
   * forces one), its claim on the dead host is given back, its ports are
   * re-bound to the new host with the same addresses (that host's network is
   * pushed before the spawn), a fresh root disk from its image (the dead
   * host's disk is lost; a boot-from-volume server keeps its volume as root),
   * and its volumes: the storage host first revokes the dead host's access
   * (export gone, CHAP secret changed), then exports them to the new host.
   * ACTIVE (and PAUSED, SUSPENDED, ERROR) servers end ACTIVE, SHUTOFF ones
   * SHUTOFF; a server whose evacuation fails ends in ERROR with a fault and
   * can be evacuated again. Each server records an `evacuate` event. A
   * server busy with another task is skipped (listed with its reason).
   * When the evacuated host's agent returns, the conductor deletes its stale
   * copies there (never started). Asynchronous: the reply lists what was
   * started; follow each server (GetServer). Idempotent: a server already
   * evacuating is listed again, not restarted.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (FIELD_REQUIRED: host;
   * TARGET_HOST_SAME: target_host is the evacuated host); NOT_FOUND
   * (HOST_NOT_FOUND, naming host or target_host); FAILED_PRECONDITION
   * (HOST_NOT_DOWN: the host still heartbeats; HOST_NOT_DISABLED: disable it
   * to confirm it is fenced; TARGET_HOST_UNAVAILABLE: target_host is down or
   * disabled).
   */
  EvacuateHost(argument: _strato_host_v1_EvacuateHostRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_EvacuateHostResponse__Output>): grpc.ClientUnaryCall;
  EvacuateHost(argument: _strato_host_v1_EvacuateHostRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_EvacuateHostResponse__Output>): grpc.ClientUnaryCall;
  EvacuateHost(argument: _strato_host_v1_EvacuateHostRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_EvacuateHostResponse__Output>): grpc.ClientUnaryCall;
  EvacuateHost(argument: _strato_host_v1_EvacuateHostRequest, callback: grpc.requestCallback<_strato_host_v1_EvacuateHostResponse__Output>): grpc.ClientUnaryCall;
  /**
   * EvacuateHost (admin only): rebuilds every server of a host that is down
   * and that the operator has fenced (powered off, cut from the network and
   * storage) on other hosts, as Nova's evacuate does without shared storage.
   * The operator confirms the fencing by disabling the host first: the host
   * must be down (no heartbeat for down_after_s) AND disabled. Each server
   * gets a new placement (the scheduler, never the dead host; target_host
   * forces one), its claim on the dead host is given back, its ports are
   * re-bound to the new host with the same addresses (that host's network is
   * pushed before the spawn), a fresh root disk from its image (the dead
   * host's disk is lost; a boot-from-volume server keeps its volume as root),
   * and its volumes: the storage host first revokes the dead host's access
   * (export gone, CHAP secret changed), then exports them to the new host.
   * ACTIVE (and PAUSED, SUSPENDED, ERROR) servers end ACTIVE, SHUTOFF ones
   * SHUTOFF; a server whose evacuation fails ends in ERROR with a fault and
   * can be evacuated again. Each server records an `evacuate` event. A
   * server busy with another task is skipped (listed with its reason).
   * When the evacuated host's agent returns, the conductor deletes its stale
   * copies there (never started). Asynchronous: the reply lists what was
   * started; follow each server (GetServer). Idempotent: a server already
   * evacuating is listed again, not restarted.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (FIELD_REQUIRED: host;
   * TARGET_HOST_SAME: target_host is the evacuated host); NOT_FOUND
   * (HOST_NOT_FOUND, naming host or target_host); FAILED_PRECONDITION
   * (HOST_NOT_DOWN: the host still heartbeats; HOST_NOT_DISABLED: disable it
   * to confirm it is fenced; TARGET_HOST_UNAVAILABLE: target_host is down or
   * disabled).
   */
  evacuateHost(argument: _strato_host_v1_EvacuateHostRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_EvacuateHostResponse__Output>): grpc.ClientUnaryCall;
  evacuateHost(argument: _strato_host_v1_EvacuateHostRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_EvacuateHostResponse__Output>): grpc.ClientUnaryCall;
  evacuateHost(argument: _strato_host_v1_EvacuateHostRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_EvacuateHostResponse__Output>): grpc.ClientUnaryCall;
  evacuateHost(argument: _strato_host_v1_EvacuateHostRequest, callback: grpc.requestCallback<_strato_host_v1_EvacuateHostResponse__Output>): grpc.ClientUnaryCall;
  
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
   * cannot move (another vm_state, a task in progress); a
   * move may still fail later (its migration says why). Follow the host's
   * migrations (ListMigrations host) or its servers; the host is empty when
   * they have all finished. Repeating it starts moves for what is still there
   * and idle. Errors: PERMISSION_DENIED; NOT_FOUND (HOST_NOT_FOUND).
   */
  DrainHost: grpc.handleUnaryCall<_strato_host_v1_DrainHostRequest__Output, _strato_host_v1_DrainHostResponse>;
  
  /**
   * EvacuateHost (admin only): rebuilds every server of a host that is down
   * and that the operator has fenced (powered off, cut from the network and
   * storage) on other hosts, as Nova's evacuate does without shared storage.
   * The operator confirms the fencing by disabling the host first: the host
   * must be down (no heartbeat for down_after_s) AND disabled. Each server
   * gets a new placement (the scheduler, never the dead host; target_host
   * forces one), its claim on the dead host is given back, its ports are
   * re-bound to the new host with the same addresses (that host's network is
   * pushed before the spawn), a fresh root disk from its image (the dead
   * host's disk is lost; a boot-from-volume server keeps its volume as root),
   * and its volumes: the storage host first revokes the dead host's access
   * (export gone, CHAP secret changed), then exports them to the new host.
   * ACTIVE (and PAUSED, SUSPENDED, ERROR) servers end ACTIVE, SHUTOFF ones
   * SHUTOFF; a server whose evacuation fails ends in ERROR with a fault and
   * can be evacuated again. Each server records an `evacuate` event. A
   * server busy with another task is skipped (listed with its reason).
   * When the evacuated host's agent returns, the conductor deletes its stale
   * copies there (never started). Asynchronous: the reply lists what was
   * started; follow each server (GetServer). Idempotent: a server already
   * evacuating is listed again, not restarted.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (FIELD_REQUIRED: host;
   * TARGET_HOST_SAME: target_host is the evacuated host); NOT_FOUND
   * (HOST_NOT_FOUND, naming host or target_host); FAILED_PRECONDITION
   * (HOST_NOT_DOWN: the host still heartbeats; HOST_NOT_DISABLED: disable it
   * to confirm it is fenced; TARGET_HOST_UNAVAILABLE: target_host is down or
   * disabled).
   */
  EvacuateHost: grpc.handleUnaryCall<_strato_host_v1_EvacuateHostRequest__Output, _strato_host_v1_EvacuateHostResponse>;
  
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
  EvacuateHost: MethodDefinition<_strato_host_v1_EvacuateHostRequest, _strato_host_v1_EvacuateHostResponse, _strato_host_v1_EvacuateHostRequest__Output, _strato_host_v1_EvacuateHostResponse__Output>
  GetHost: MethodDefinition<_strato_host_v1_GetHostRequest, _strato_host_v1_Host, _strato_host_v1_GetHostRequest__Output, _strato_host_v1_Host__Output>
  ListHosts: MethodDefinition<_strato_host_v1_ListHostsRequest, _strato_host_v1_ListHostsResponse, _strato_host_v1_ListHostsRequest__Output, _strato_host_v1_ListHostsResponse__Output>
  SetHostEnabled: MethodDefinition<_strato_host_v1_SetHostEnabledRequest, _strato_host_v1_Host, _strato_host_v1_SetHostEnabledRequest__Output, _strato_host_v1_Host__Output>
}
