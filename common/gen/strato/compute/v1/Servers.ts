// Original file: strato/compute/v1/server.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateServerRequest as _strato_compute_v1_CreateServerRequest, CreateServerRequest__Output as _strato_compute_v1_CreateServerRequest__Output } from '../../../strato/compute/v1/CreateServerRequest.ts';
import type { DeleteServerRequest as _strato_compute_v1_DeleteServerRequest, DeleteServerRequest__Output as _strato_compute_v1_DeleteServerRequest__Output } from '../../../strato/compute/v1/DeleteServerRequest.ts';
import type { GetConsoleLogRequest as _strato_compute_v1_GetConsoleLogRequest, GetConsoleLogRequest__Output as _strato_compute_v1_GetConsoleLogRequest__Output } from '../../../strato/compute/v1/GetConsoleLogRequest.ts';
import type { GetConsoleLogResponse as _strato_compute_v1_GetConsoleLogResponse, GetConsoleLogResponse__Output as _strato_compute_v1_GetConsoleLogResponse__Output } from '../../../strato/compute/v1/GetConsoleLogResponse.ts';
import type { GetServerRequest as _strato_compute_v1_GetServerRequest, GetServerRequest__Output as _strato_compute_v1_GetServerRequest__Output } from '../../../strato/compute/v1/GetServerRequest.ts';
import type { ListServerEventsRequest as _strato_compute_v1_ListServerEventsRequest, ListServerEventsRequest__Output as _strato_compute_v1_ListServerEventsRequest__Output } from '../../../strato/compute/v1/ListServerEventsRequest.ts';
import type { ListServerEventsResponse as _strato_compute_v1_ListServerEventsResponse, ListServerEventsResponse__Output as _strato_compute_v1_ListServerEventsResponse__Output } from '../../../strato/compute/v1/ListServerEventsResponse.ts';
import type { ListServersRequest as _strato_compute_v1_ListServersRequest, ListServersRequest__Output as _strato_compute_v1_ListServersRequest__Output } from '../../../strato/compute/v1/ListServersRequest.ts';
import type { ListServersResponse as _strato_compute_v1_ListServersResponse, ListServersResponse__Output as _strato_compute_v1_ListServersResponse__Output } from '../../../strato/compute/v1/ListServersResponse.ts';
import type { Server as _strato_compute_v1_Server, Server__Output as _strato_compute_v1_Server__Output } from '../../../strato/compute/v1/Server.ts';
import type { ServerActionRequest as _strato_compute_v1_ServerActionRequest, ServerActionRequest__Output as _strato_compute_v1_ServerActionRequest__Output } from '../../../strato/compute/v1/ServerActionRequest.ts';

export interface ServersClient extends grpc.Client {
  /**
   * CreateServer validates, records the server in BUILD/scheduling and
   * schedules it. Not idempotent. Errors: INVALID_ARGUMENT (name, user data
   * over 64 KiB); NOT_FOUND (image or flavor); FAILED_PRECONDITION (image
   * not active, image larger than the flavor's disk); PERMISSION_DENIED
   * (host given by a non-admin). "No valid host" is not an error of this
   * call: the server goes to ERROR with the reasons in its fault.
   */
  CreateServer(argument: _strato_compute_v1_CreateServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  CreateServer(argument: _strato_compute_v1_CreateServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  CreateServer(argument: _strato_compute_v1_CreateServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  CreateServer(argument: _strato_compute_v1_CreateServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * CreateServer validates, records the server in BUILD/scheduling and
   * schedules it. Not idempotent. Errors: INVALID_ARGUMENT (name, user data
   * over 64 KiB); NOT_FOUND (image or flavor); FAILED_PRECONDITION (image
   * not active, image larger than the flavor's disk); PERMISSION_DENIED
   * (host given by a non-admin). "No valid host" is not an error of this
   * call: the server goes to ERROR with the reasons in its fault.
   */
  createServer(argument: _strato_compute_v1_CreateServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  createServer(argument: _strato_compute_v1_CreateServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  createServer(argument: _strato_compute_v1_CreateServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  createServer(argument: _strato_compute_v1_CreateServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteServer starts deleting (task_state deleting); the server
   * disappears from lists when its host has removed everything. Idempotent
   * while deleting. Errors: NOT_FOUND.
   */
  DeleteServer(argument: _strato_compute_v1_DeleteServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  DeleteServer(argument: _strato_compute_v1_DeleteServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  DeleteServer(argument: _strato_compute_v1_DeleteServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  DeleteServer(argument: _strato_compute_v1_DeleteServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteServer starts deleting (task_state deleting); the server
   * disappears from lists when its host has removed everything. Idempotent
   * while deleting. Errors: NOT_FOUND.
   */
  deleteServer(argument: _strato_compute_v1_DeleteServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  deleteServer(argument: _strato_compute_v1_DeleteServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  deleteServer(argument: _strato_compute_v1_DeleteServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  deleteServer(argument: _strato_compute_v1_DeleteServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetConsoleLog returns the last lines of the serial console (bounded on
   * the host). Errors: NOT_FOUND; FAILED_PRECONDITION (not on a host yet).
   */
  GetConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  GetConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  GetConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  GetConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetConsoleLog returns the last lines of the serial console (bounded on
   * the host). Errors: NOT_FOUND; FAILED_PRECONDITION (not on a host yet).
   */
  getConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  getConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  getConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  getConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetServer by id or name. Errors: NOT_FOUND (also another project's);
   * FAILED_PRECONDITION (a name matching several servers).
   */
  GetServer(argument: _strato_compute_v1_GetServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  GetServer(argument: _strato_compute_v1_GetServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  GetServer(argument: _strato_compute_v1_GetServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  GetServer(argument: _strato_compute_v1_GetServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * GetServer by id or name. Errors: NOT_FOUND (also another project's);
   * FAILED_PRECONDITION (a name matching several servers).
   */
  getServer(argument: _strato_compute_v1_GetServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  getServer(argument: _strato_compute_v1_GetServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  getServer(argument: _strato_compute_v1_GetServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  getServer(argument: _strato_compute_v1_GetServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListServerEvents: every action on the server — who, when, request id,
   * result and error — oldest first. Errors: NOT_FOUND.
   */
  ListServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  ListServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  ListServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  ListServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListServerEvents: every action on the server — who, when, request id,
   * result and error — oldest first. Errors: NOT_FOUND.
   */
  listServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  listServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  listServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  listServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListServers of the caller's project (all projects for admins asking
   * for it), paginated, ordered by name.
   */
  ListServers(argument: _strato_compute_v1_ListServersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListServersResponse__Output>): grpc.ClientUnaryCall;
  ListServers(argument: _strato_compute_v1_ListServersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListServersResponse__Output>): grpc.ClientUnaryCall;
  ListServers(argument: _strato_compute_v1_ListServersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListServersResponse__Output>): grpc.ClientUnaryCall;
  ListServers(argument: _strato_compute_v1_ListServersRequest, callback: grpc.requestCallback<_strato_compute_v1_ListServersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListServers of the caller's project (all projects for admins asking
   * for it), paginated, ordered by name.
   */
  listServers(argument: _strato_compute_v1_ListServersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListServersResponse__Output>): grpc.ClientUnaryCall;
  listServers(argument: _strato_compute_v1_ListServersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListServersResponse__Output>): grpc.ClientUnaryCall;
  listServers(argument: _strato_compute_v1_ListServersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListServersResponse__Output>): grpc.ClientUnaryCall;
  listServers(argument: _strato_compute_v1_ListServersRequest, callback: grpc.requestCallback<_strato_compute_v1_ListServersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Power actions, each legal only in these vm_states:
   * start: SHUTOFF                        stop: ACTIVE, PAUSED, SUSPENDED, ERROR
   * reboot: ACTIVE                        reboot hard: ACTIVE, SHUTOFF, PAUSED, SUSPENDED, ERROR
   * pause: ACTIVE   unpause: PAUSED       suspend: ACTIVE   resume: SUSPENDED
   * Soft stop and reboot use ACPI and fall back to hard after a timeout.
   * Errors: NOT_FOUND; FAILED_PRECONDITION (reason INVALID_STATE or
   * TASK_IN_PROGRESS).
   */
  ServerAction(argument: _strato_compute_v1_ServerActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  ServerAction(argument: _strato_compute_v1_ServerActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  ServerAction(argument: _strato_compute_v1_ServerActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  ServerAction(argument: _strato_compute_v1_ServerActionRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * Power actions, each legal only in these vm_states:
   * start: SHUTOFF                        stop: ACTIVE, PAUSED, SUSPENDED, ERROR
   * reboot: ACTIVE                        reboot hard: ACTIVE, SHUTOFF, PAUSED, SUSPENDED, ERROR
   * pause: ACTIVE   unpause: PAUSED       suspend: ACTIVE   resume: SUSPENDED
   * Soft stop and reboot use ACPI and fall back to hard after a timeout.
   * Errors: NOT_FOUND; FAILED_PRECONDITION (reason INVALID_STATE or
   * TASK_IN_PROGRESS).
   */
  serverAction(argument: _strato_compute_v1_ServerActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  serverAction(argument: _strato_compute_v1_ServerActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  serverAction(argument: _strato_compute_v1_ServerActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  serverAction(argument: _strato_compute_v1_ServerActionRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
}

export interface ServersHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateServer validates, records the server in BUILD/scheduling and
   * schedules it. Not idempotent. Errors: INVALID_ARGUMENT (name, user data
   * over 64 KiB); NOT_FOUND (image or flavor); FAILED_PRECONDITION (image
   * not active, image larger than the flavor's disk); PERMISSION_DENIED
   * (host given by a non-admin). "No valid host" is not an error of this
   * call: the server goes to ERROR with the reasons in its fault.
   */
  CreateServer: grpc.handleUnaryCall<_strato_compute_v1_CreateServerRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * DeleteServer starts deleting (task_state deleting); the server
   * disappears from lists when its host has removed everything. Idempotent
   * while deleting. Errors: NOT_FOUND.
   */
  DeleteServer: grpc.handleUnaryCall<_strato_compute_v1_DeleteServerRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * GetConsoleLog returns the last lines of the serial console (bounded on
   * the host). Errors: NOT_FOUND; FAILED_PRECONDITION (not on a host yet).
   */
  GetConsoleLog: grpc.handleUnaryCall<_strato_compute_v1_GetConsoleLogRequest__Output, _strato_compute_v1_GetConsoleLogResponse>;
  
  /**
   * GetServer by id or name. Errors: NOT_FOUND (also another project's);
   * FAILED_PRECONDITION (a name matching several servers).
   */
  GetServer: grpc.handleUnaryCall<_strato_compute_v1_GetServerRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * ListServerEvents: every action on the server — who, when, request id,
   * result and error — oldest first. Errors: NOT_FOUND.
   */
  ListServerEvents: grpc.handleUnaryCall<_strato_compute_v1_ListServerEventsRequest__Output, _strato_compute_v1_ListServerEventsResponse>;
  
  /**
   * ListServers of the caller's project (all projects for admins asking
   * for it), paginated, ordered by name.
   */
  ListServers: grpc.handleUnaryCall<_strato_compute_v1_ListServersRequest__Output, _strato_compute_v1_ListServersResponse>;
  
  /**
   * Power actions, each legal only in these vm_states:
   * start: SHUTOFF                        stop: ACTIVE, PAUSED, SUSPENDED, ERROR
   * reboot: ACTIVE                        reboot hard: ACTIVE, SHUTOFF, PAUSED, SUSPENDED, ERROR
   * pause: ACTIVE   unpause: PAUSED       suspend: ACTIVE   resume: SUSPENDED
   * Soft stop and reboot use ACPI and fall back to hard after a timeout.
   * Errors: NOT_FOUND; FAILED_PRECONDITION (reason INVALID_STATE or
   * TASK_IN_PROGRESS).
   */
  ServerAction: grpc.handleUnaryCall<_strato_compute_v1_ServerActionRequest__Output, _strato_compute_v1_Server>;
  
}

export interface ServersDefinition extends grpc.ServiceDefinition {
  CreateServer: MethodDefinition<_strato_compute_v1_CreateServerRequest, _strato_compute_v1_Server, _strato_compute_v1_CreateServerRequest__Output, _strato_compute_v1_Server__Output>
  DeleteServer: MethodDefinition<_strato_compute_v1_DeleteServerRequest, _strato_compute_v1_Server, _strato_compute_v1_DeleteServerRequest__Output, _strato_compute_v1_Server__Output>
  GetConsoleLog: MethodDefinition<_strato_compute_v1_GetConsoleLogRequest, _strato_compute_v1_GetConsoleLogResponse, _strato_compute_v1_GetConsoleLogRequest__Output, _strato_compute_v1_GetConsoleLogResponse__Output>
  GetServer: MethodDefinition<_strato_compute_v1_GetServerRequest, _strato_compute_v1_Server, _strato_compute_v1_GetServerRequest__Output, _strato_compute_v1_Server__Output>
  ListServerEvents: MethodDefinition<_strato_compute_v1_ListServerEventsRequest, _strato_compute_v1_ListServerEventsResponse, _strato_compute_v1_ListServerEventsRequest__Output, _strato_compute_v1_ListServerEventsResponse__Output>
  ListServers: MethodDefinition<_strato_compute_v1_ListServersRequest, _strato_compute_v1_ListServersResponse, _strato_compute_v1_ListServersRequest__Output, _strato_compute_v1_ListServersResponse__Output>
  ServerAction: MethodDefinition<_strato_compute_v1_ServerActionRequest, _strato_compute_v1_Server, _strato_compute_v1_ServerActionRequest__Output, _strato_compute_v1_Server__Output>
}
