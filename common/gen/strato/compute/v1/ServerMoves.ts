// Original file: strato/compute/v1/server_move.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AbortMigrationRequest as _strato_compute_v1_AbortMigrationRequest, AbortMigrationRequest__Output as _strato_compute_v1_AbortMigrationRequest__Output } from '../../../strato/compute/v1/AbortMigrationRequest.ts';
import type { ConfirmResizeRequest as _strato_compute_v1_ConfirmResizeRequest, ConfirmResizeRequest__Output as _strato_compute_v1_ConfirmResizeRequest__Output } from '../../../strato/compute/v1/ConfirmResizeRequest.ts';
import type { GetMigrationRequest as _strato_compute_v1_GetMigrationRequest, GetMigrationRequest__Output as _strato_compute_v1_GetMigrationRequest__Output } from '../../../strato/compute/v1/GetMigrationRequest.ts';
import type { ListMigrationsRequest as _strato_compute_v1_ListMigrationsRequest, ListMigrationsRequest__Output as _strato_compute_v1_ListMigrationsRequest__Output } from '../../../strato/compute/v1/ListMigrationsRequest.ts';
import type { ListMigrationsResponse as _strato_compute_v1_ListMigrationsResponse, ListMigrationsResponse__Output as _strato_compute_v1_ListMigrationsResponse__Output } from '../../../strato/compute/v1/ListMigrationsResponse.ts';
import type { MigrateServerRequest as _strato_compute_v1_MigrateServerRequest, MigrateServerRequest__Output as _strato_compute_v1_MigrateServerRequest__Output } from '../../../strato/compute/v1/MigrateServerRequest.ts';
import type { Migration as _strato_compute_v1_Migration, Migration__Output as _strato_compute_v1_Migration__Output } from '../../../strato/compute/v1/Migration.ts';
import type { ResizeServerRequest as _strato_compute_v1_ResizeServerRequest, ResizeServerRequest__Output as _strato_compute_v1_ResizeServerRequest__Output } from '../../../strato/compute/v1/ResizeServerRequest.ts';
import type { RevertResizeRequest as _strato_compute_v1_RevertResizeRequest, RevertResizeRequest__Output as _strato_compute_v1_RevertResizeRequest__Output } from '../../../strato/compute/v1/RevertResizeRequest.ts';
import type { Server as _strato_compute_v1_Server, Server__Output as _strato_compute_v1_Server__Output } from '../../../strato/compute/v1/Server.ts';

export interface ServerMovesClient extends grpc.Client {
  /**
   * AbortMigration stops a move that has not arrived yet (admin only): the
   * server stays (runs again) on the source, the destination's copy and
   * resources go, the migration ends cancelled. Idempotent while aborting.
   * Errors: NOT_FOUND (MIGRATION_NOT_FOUND); FAILED_PRECONDITION
   * (MIGRATION_NOT_RUNNING: it ended, or the guest already arrived).
   */
  AbortMigration(argument: _strato_compute_v1_AbortMigrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  AbortMigration(argument: _strato_compute_v1_AbortMigrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  AbortMigration(argument: _strato_compute_v1_AbortMigrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  AbortMigration(argument: _strato_compute_v1_AbortMigrationRequest, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  /**
   * AbortMigration stops a move that has not arrived yet (admin only): the
   * server stays (runs again) on the source, the destination's copy and
   * resources go, the migration ends cancelled. Idempotent while aborting.
   * Errors: NOT_FOUND (MIGRATION_NOT_FOUND); FAILED_PRECONDITION
   * (MIGRATION_NOT_RUNNING: it ended, or the guest already arrived).
   */
  abortMigration(argument: _strato_compute_v1_AbortMigrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  abortMigration(argument: _strato_compute_v1_AbortMigrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  abortMigration(argument: _strato_compute_v1_AbortMigrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  abortMigration(argument: _strato_compute_v1_AbortMigrationRequest, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  
  /**
   * ConfirmResize keeps the new flavor: the source's copy and resources go;
   * RESIZED → ACTIVE or SHUTOFF. Idempotent while confirming. Errors:
   * NOT_FOUND (SERVER_NOT_FOUND); FAILED_PRECONDITION (INVALID_STATE: not
   * RESIZED; TASK_IN_PROGRESS).
   */
  ConfirmResize(argument: _strato_compute_v1_ConfirmResizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  ConfirmResize(argument: _strato_compute_v1_ConfirmResizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  ConfirmResize(argument: _strato_compute_v1_ConfirmResizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  ConfirmResize(argument: _strato_compute_v1_ConfirmResizeRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * ConfirmResize keeps the new flavor: the source's copy and resources go;
   * RESIZED → ACTIVE or SHUTOFF. Idempotent while confirming. Errors:
   * NOT_FOUND (SERVER_NOT_FOUND); FAILED_PRECONDITION (INVALID_STATE: not
   * RESIZED; TASK_IN_PROGRESS).
   */
  confirmResize(argument: _strato_compute_v1_ConfirmResizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  confirmResize(argument: _strato_compute_v1_ConfirmResizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  confirmResize(argument: _strato_compute_v1_ConfirmResizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  confirmResize(argument: _strato_compute_v1_ConfirmResizeRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetMigration shows one migration with its progress (admin only).
   * Errors: NOT_FOUND (MIGRATION_NOT_FOUND).
   */
  GetMigration(argument: _strato_compute_v1_GetMigrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  GetMigration(argument: _strato_compute_v1_GetMigrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  GetMigration(argument: _strato_compute_v1_GetMigrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  GetMigration(argument: _strato_compute_v1_GetMigrationRequest, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  /**
   * GetMigration shows one migration with its progress (admin only).
   * Errors: NOT_FOUND (MIGRATION_NOT_FOUND).
   */
  getMigration(argument: _strato_compute_v1_GetMigrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  getMigration(argument: _strato_compute_v1_GetMigrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  getMigration(argument: _strato_compute_v1_GetMigrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  getMigration(argument: _strato_compute_v1_GetMigrationRequest, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListMigrations lists migrations, newest first (admin only), of one server
   * (id or name) and/or one host (as source or destination). Errors:
   * NOT_FOUND (SERVER_NOT_FOUND).
   */
  ListMigrations(argument: _strato_compute_v1_ListMigrationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListMigrationsResponse__Output>): grpc.ClientUnaryCall;
  ListMigrations(argument: _strato_compute_v1_ListMigrationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListMigrationsResponse__Output>): grpc.ClientUnaryCall;
  ListMigrations(argument: _strato_compute_v1_ListMigrationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListMigrationsResponse__Output>): grpc.ClientUnaryCall;
  ListMigrations(argument: _strato_compute_v1_ListMigrationsRequest, callback: grpc.requestCallback<_strato_compute_v1_ListMigrationsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListMigrations lists migrations, newest first (admin only), of one server
   * (id or name) and/or one host (as source or destination). Errors:
   * NOT_FOUND (SERVER_NOT_FOUND).
   */
  listMigrations(argument: _strato_compute_v1_ListMigrationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListMigrationsResponse__Output>): grpc.ClientUnaryCall;
  listMigrations(argument: _strato_compute_v1_ListMigrationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListMigrationsResponse__Output>): grpc.ClientUnaryCall;
  listMigrations(argument: _strato_compute_v1_ListMigrationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListMigrationsResponse__Output>): grpc.ClientUnaryCall;
  listMigrations(argument: _strato_compute_v1_ListMigrationsRequest, callback: grpc.requestCallback<_strato_compute_v1_ListMigrationsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * MigrateServer moves a server to another host (admin only). live = false
   * (cold): from ACTIVE or SHUTOFF; live = true: from ACTIVE, the guest keeps
   * running (its memory and disks are copied while it runs, then it pauses for
   * the switch-over). Not idempotent (each call is a new migration). Errors:
   * INVALID_ARGUMENT (HOST_INVALID, BANDWIDTH_INVALID: field named); NOT_FOUND
   * (SERVER_NOT_FOUND; HOST_NOT_FOUND: field host); FAILED_PRECONDITION
   * (INVALID_STATE: wrong vm_state; TASK_IN_PROGRESS; SAME_HOST: host is the
   * server's own; NOT_ON_HOST). No valid destination is not
   * an error of this call: the migration ends in status error with the
   * scheduler's reasons and the server stays where it was.
   */
  MigrateServer(argument: _strato_compute_v1_MigrateServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  MigrateServer(argument: _strato_compute_v1_MigrateServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  MigrateServer(argument: _strato_compute_v1_MigrateServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  MigrateServer(argument: _strato_compute_v1_MigrateServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  /**
   * MigrateServer moves a server to another host (admin only). live = false
   * (cold): from ACTIVE or SHUTOFF; live = true: from ACTIVE, the guest keeps
   * running (its memory and disks are copied while it runs, then it pauses for
   * the switch-over). Not idempotent (each call is a new migration). Errors:
   * INVALID_ARGUMENT (HOST_INVALID, BANDWIDTH_INVALID: field named); NOT_FOUND
   * (SERVER_NOT_FOUND; HOST_NOT_FOUND: field host); FAILED_PRECONDITION
   * (INVALID_STATE: wrong vm_state; TASK_IN_PROGRESS; SAME_HOST: host is the
   * server's own; NOT_ON_HOST). No valid destination is not
   * an error of this call: the migration ends in status error with the
   * scheduler's reasons and the server stays where it was.
   */
  migrateServer(argument: _strato_compute_v1_MigrateServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  migrateServer(argument: _strato_compute_v1_MigrateServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  migrateServer(argument: _strato_compute_v1_MigrateServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  migrateServer(argument: _strato_compute_v1_MigrateServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  
  /**
   * ResizeServer changes a server's flavor (its project's members), moving it
   * to another host: ACTIVE or SHUTOFF → RESIZED. The root disk grows, never
   * shrinks. Not idempotent. Errors: INVALID_ARGUMENT (field flavor empty:
   * FLAVOR_REQUIRED); NOT_FOUND (SERVER_NOT_FOUND, also another project's;
   * FLAVOR_NOT_FOUND); FAILED_PRECONDITION (DISK_SHRINK_REFUSED: the flavor's
   * disk is smaller than the server's; SAME_FLAVOR; INVALID_STATE;
   * TASK_IN_PROGRESS); RESOURCE_EXHAUSTED (QUOTA_EXCEEDED:
   * the bigger flavor counts against the project's cores and RAM from now).
   */
  ResizeServer(argument: _strato_compute_v1_ResizeServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  ResizeServer(argument: _strato_compute_v1_ResizeServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  ResizeServer(argument: _strato_compute_v1_ResizeServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  ResizeServer(argument: _strato_compute_v1_ResizeServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  /**
   * ResizeServer changes a server's flavor (its project's members), moving it
   * to another host: ACTIVE or SHUTOFF → RESIZED. The root disk grows, never
   * shrinks. Not idempotent. Errors: INVALID_ARGUMENT (field flavor empty:
   * FLAVOR_REQUIRED); NOT_FOUND (SERVER_NOT_FOUND, also another project's;
   * FLAVOR_NOT_FOUND); FAILED_PRECONDITION (DISK_SHRINK_REFUSED: the flavor's
   * disk is smaller than the server's; SAME_FLAVOR; INVALID_STATE;
   * TASK_IN_PROGRESS); RESOURCE_EXHAUSTED (QUOTA_EXCEEDED:
   * the bigger flavor counts against the project's cores and RAM from now).
   */
  resizeServer(argument: _strato_compute_v1_ResizeServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  resizeServer(argument: _strato_compute_v1_ResizeServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  resizeServer(argument: _strato_compute_v1_ResizeServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  resizeServer(argument: _strato_compute_v1_ResizeServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Migration__Output>): grpc.ClientUnaryCall;
  
  /**
   * RevertResize goes back: the destination's copy and resources go, the
   * source's copy (old flavor, old disk) runs again if it ran before the
   * resize. Idempotent while reverting. Errors: as ConfirmResize.
   */
  RevertResize(argument: _strato_compute_v1_RevertResizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RevertResize(argument: _strato_compute_v1_RevertResizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RevertResize(argument: _strato_compute_v1_RevertResizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RevertResize(argument: _strato_compute_v1_RevertResizeRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * RevertResize goes back: the destination's copy and resources go, the
   * source's copy (old flavor, old disk) runs again if it ran before the
   * resize. Idempotent while reverting. Errors: as ConfirmResize.
   */
  revertResize(argument: _strato_compute_v1_RevertResizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  revertResize(argument: _strato_compute_v1_RevertResizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  revertResize(argument: _strato_compute_v1_RevertResizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  revertResize(argument: _strato_compute_v1_RevertResizeRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
}

export interface ServerMovesHandlers extends grpc.UntypedServiceImplementation {
  /**
   * AbortMigration stops a move that has not arrived yet (admin only): the
   * server stays (runs again) on the source, the destination's copy and
   * resources go, the migration ends cancelled. Idempotent while aborting.
   * Errors: NOT_FOUND (MIGRATION_NOT_FOUND); FAILED_PRECONDITION
   * (MIGRATION_NOT_RUNNING: it ended, or the guest already arrived).
   */
  AbortMigration: grpc.handleUnaryCall<_strato_compute_v1_AbortMigrationRequest__Output, _strato_compute_v1_Migration>;
  
  /**
   * ConfirmResize keeps the new flavor: the source's copy and resources go;
   * RESIZED → ACTIVE or SHUTOFF. Idempotent while confirming. Errors:
   * NOT_FOUND (SERVER_NOT_FOUND); FAILED_PRECONDITION (INVALID_STATE: not
   * RESIZED; TASK_IN_PROGRESS).
   */
  ConfirmResize: grpc.handleUnaryCall<_strato_compute_v1_ConfirmResizeRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * GetMigration shows one migration with its progress (admin only).
   * Errors: NOT_FOUND (MIGRATION_NOT_FOUND).
   */
  GetMigration: grpc.handleUnaryCall<_strato_compute_v1_GetMigrationRequest__Output, _strato_compute_v1_Migration>;
  
  /**
   * ListMigrations lists migrations, newest first (admin only), of one server
   * (id or name) and/or one host (as source or destination). Errors:
   * NOT_FOUND (SERVER_NOT_FOUND).
   */
  ListMigrations: grpc.handleUnaryCall<_strato_compute_v1_ListMigrationsRequest__Output, _strato_compute_v1_ListMigrationsResponse>;
  
  /**
   * MigrateServer moves a server to another host (admin only). live = false
   * (cold): from ACTIVE or SHUTOFF; live = true: from ACTIVE, the guest keeps
   * running (its memory and disks are copied while it runs, then it pauses for
   * the switch-over). Not idempotent (each call is a new migration). Errors:
   * INVALID_ARGUMENT (HOST_INVALID, BANDWIDTH_INVALID: field named); NOT_FOUND
   * (SERVER_NOT_FOUND; HOST_NOT_FOUND: field host); FAILED_PRECONDITION
   * (INVALID_STATE: wrong vm_state; TASK_IN_PROGRESS; SAME_HOST: host is the
   * server's own; NOT_ON_HOST). No valid destination is not
   * an error of this call: the migration ends in status error with the
   * scheduler's reasons and the server stays where it was.
   */
  MigrateServer: grpc.handleUnaryCall<_strato_compute_v1_MigrateServerRequest__Output, _strato_compute_v1_Migration>;
  
  /**
   * ResizeServer changes a server's flavor (its project's members), moving it
   * to another host: ACTIVE or SHUTOFF → RESIZED. The root disk grows, never
   * shrinks. Not idempotent. Errors: INVALID_ARGUMENT (field flavor empty:
   * FLAVOR_REQUIRED); NOT_FOUND (SERVER_NOT_FOUND, also another project's;
   * FLAVOR_NOT_FOUND); FAILED_PRECONDITION (DISK_SHRINK_REFUSED: the flavor's
   * disk is smaller than the server's; SAME_FLAVOR; INVALID_STATE;
   * TASK_IN_PROGRESS); RESOURCE_EXHAUSTED (QUOTA_EXCEEDED:
   * the bigger flavor counts against the project's cores and RAM from now).
   */
  ResizeServer: grpc.handleUnaryCall<_strato_compute_v1_ResizeServerRequest__Output, _strato_compute_v1_Migration>;
  
  /**
   * RevertResize goes back: the destination's copy and resources go, the
   * source's copy (old flavor, old disk) runs again if it ran before the
   * resize. Idempotent while reverting. Errors: as ConfirmResize.
   */
  RevertResize: grpc.handleUnaryCall<_strato_compute_v1_RevertResizeRequest__Output, _strato_compute_v1_Server>;
  
}

export interface ServerMovesDefinition extends grpc.ServiceDefinition {
  AbortMigration: MethodDefinition<_strato_compute_v1_AbortMigrationRequest, _strato_compute_v1_Migration, _strato_compute_v1_AbortMigrationRequest__Output, _strato_compute_v1_Migration__Output>
  ConfirmResize: MethodDefinition<_strato_compute_v1_ConfirmResizeRequest, _strato_compute_v1_Server, _strato_compute_v1_ConfirmResizeRequest__Output, _strato_compute_v1_Server__Output>
  GetMigration: MethodDefinition<_strato_compute_v1_GetMigrationRequest, _strato_compute_v1_Migration, _strato_compute_v1_GetMigrationRequest__Output, _strato_compute_v1_Migration__Output>
  ListMigrations: MethodDefinition<_strato_compute_v1_ListMigrationsRequest, _strato_compute_v1_ListMigrationsResponse, _strato_compute_v1_ListMigrationsRequest__Output, _strato_compute_v1_ListMigrationsResponse__Output>
  MigrateServer: MethodDefinition<_strato_compute_v1_MigrateServerRequest, _strato_compute_v1_Migration, _strato_compute_v1_MigrateServerRequest__Output, _strato_compute_v1_Migration__Output>
  ResizeServer: MethodDefinition<_strato_compute_v1_ResizeServerRequest, _strato_compute_v1_Migration, _strato_compute_v1_ResizeServerRequest__Output, _strato_compute_v1_Migration__Output>
  RevertResize: MethodDefinition<_strato_compute_v1_RevertResizeRequest, _strato_compute_v1_Server, _strato_compute_v1_RevertResizeRequest__Output, _strato_compute_v1_Server__Output>
}
