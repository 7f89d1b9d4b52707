// Original file: strato/volume/v1/volume.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateVolumeSnapshotRequest as _strato_volume_v1_CreateVolumeSnapshotRequest, CreateVolumeSnapshotRequest__Output as _strato_volume_v1_CreateVolumeSnapshotRequest__Output } from '../../../strato/volume/v1/CreateVolumeSnapshotRequest.ts';
import type { DeleteVolumeSnapshotRequest as _strato_volume_v1_DeleteVolumeSnapshotRequest, DeleteVolumeSnapshotRequest__Output as _strato_volume_v1_DeleteVolumeSnapshotRequest__Output } from '../../../strato/volume/v1/DeleteVolumeSnapshotRequest.ts';
import type { GetVolumeSnapshotRequest as _strato_volume_v1_GetVolumeSnapshotRequest, GetVolumeSnapshotRequest__Output as _strato_volume_v1_GetVolumeSnapshotRequest__Output } from '../../../strato/volume/v1/GetVolumeSnapshotRequest.ts';
import type { ListVolumeSnapshotsRequest as _strato_volume_v1_ListVolumeSnapshotsRequest, ListVolumeSnapshotsRequest__Output as _strato_volume_v1_ListVolumeSnapshotsRequest__Output } from '../../../strato/volume/v1/ListVolumeSnapshotsRequest.ts';
import type { ListVolumeSnapshotsResponse as _strato_volume_v1_ListVolumeSnapshotsResponse, ListVolumeSnapshotsResponse__Output as _strato_volume_v1_ListVolumeSnapshotsResponse__Output } from '../../../strato/volume/v1/ListVolumeSnapshotsResponse.ts';
import type { VolumeSnapshot as _strato_volume_v1_VolumeSnapshot, VolumeSnapshot__Output as _strato_volume_v1_VolumeSnapshot__Output } from '../../../strato/volume/v1/VolumeSnapshot.ts';

export interface VolumeSnapshotsClient extends grpc.Client {
  /**
   * CreateVolumeSnapshot takes a point-in-time copy of a volume on the
   * volume's host (file: a reflink or sparse copy; lvm: an LV snapshot as
   * large as its origin), claiming the volume's size there. Status creating,
   * then available (or error with the fault). Legal for an available volume,
   * and for an in-use one with `force` (a crash-consistent copy, as `cinder
   * snapshot-create --force`). Not idempotent.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, DESCRIPTION_INVALID); NOT_FOUND
   * (VOLUME_NOT_FOUND); FAILED_PRECONDITION (VOLUME_IN_USE: attached and no
   * force, details.server_id; INVALID_STATE: neither available nor in-use;
   * SNAPSHOTS_UNSUPPORTED: the volume's backend cannot snapshot, the message
   * says why, e.g. LVM on a host without device-mapper); RESOURCE_EXHAUSTED
   * (INSUFFICIENT_CAPACITY: the volume's host has not the volume's size free).
   */
  CreateVolumeSnapshot(argument: _strato_volume_v1_CreateVolumeSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  CreateVolumeSnapshot(argument: _strato_volume_v1_CreateVolumeSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  CreateVolumeSnapshot(argument: _strato_volume_v1_CreateVolumeSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  CreateVolumeSnapshot(argument: _strato_volume_v1_CreateVolumeSnapshotRequest, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  /**
   * CreateVolumeSnapshot takes a point-in-time copy of a volume on the
   * volume's host (file: a reflink or sparse copy; lvm: an LV snapshot as
   * large as its origin), claiming the volume's size there. Status creating,
   * then available (or error with the fault). Legal for an available volume,
   * and for an in-use one with `force` (a crash-consistent copy, as `cinder
   * snapshot-create --force`). Not idempotent.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, DESCRIPTION_INVALID); NOT_FOUND
   * (VOLUME_NOT_FOUND); FAILED_PRECONDITION (VOLUME_IN_USE: attached and no
   * force, details.server_id; INVALID_STATE: neither available nor in-use;
   * SNAPSHOTS_UNSUPPORTED: the volume's backend cannot snapshot, the message
   * says why, e.g. LVM on a host without device-mapper); RESOURCE_EXHAUSTED
   * (INSUFFICIENT_CAPACITY: the volume's host has not the volume's size free).
   */
  createVolumeSnapshot(argument: _strato_volume_v1_CreateVolumeSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  createVolumeSnapshot(argument: _strato_volume_v1_CreateVolumeSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  createVolumeSnapshot(argument: _strato_volume_v1_CreateVolumeSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  createVolumeSnapshot(argument: _strato_volume_v1_CreateVolumeSnapshotRequest, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteVolumeSnapshot starts deleting (status deleting): wiped and removed
   * on its host, then the record disappears. Volumes made from it are copies
   * and stay. Legal in available and error. Idempotent while deleting.
   * Errors: NOT_FOUND (SNAPSHOT_NOT_FOUND); FAILED_PRECONDITION (SNAPSHOT_IN_USE:
   * a volume is being created from it, details.volume_id; INVALID_STATE:
   * creating).
   */
  DeleteVolumeSnapshot(argument: _strato_volume_v1_DeleteVolumeSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  DeleteVolumeSnapshot(argument: _strato_volume_v1_DeleteVolumeSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  DeleteVolumeSnapshot(argument: _strato_volume_v1_DeleteVolumeSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  DeleteVolumeSnapshot(argument: _strato_volume_v1_DeleteVolumeSnapshotRequest, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteVolumeSnapshot starts deleting (status deleting): wiped and removed
   * on its host, then the record disappears. Volumes made from it are copies
   * and stay. Legal in available and error. Idempotent while deleting.
   * Errors: NOT_FOUND (SNAPSHOT_NOT_FOUND); FAILED_PRECONDITION (SNAPSHOT_IN_USE:
   * a volume is being created from it, details.volume_id; INVALID_STATE:
   * creating).
   */
  deleteVolumeSnapshot(argument: _strato_volume_v1_DeleteVolumeSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  deleteVolumeSnapshot(argument: _strato_volume_v1_DeleteVolumeSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  deleteVolumeSnapshot(argument: _strato_volume_v1_DeleteVolumeSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  deleteVolumeSnapshot(argument: _strato_volume_v1_DeleteVolumeSnapshotRequest, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetVolumeSnapshot by id or name. Errors: NOT_FOUND (SNAPSHOT_NOT_FOUND);
   * FAILED_PRECONDITION (SNAPSHOT_NAME_AMBIGUOUS).
   */
  GetVolumeSnapshot(argument: _strato_volume_v1_GetVolumeSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  GetVolumeSnapshot(argument: _strato_volume_v1_GetVolumeSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  GetVolumeSnapshot(argument: _strato_volume_v1_GetVolumeSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  GetVolumeSnapshot(argument: _strato_volume_v1_GetVolumeSnapshotRequest, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  /**
   * GetVolumeSnapshot by id or name. Errors: NOT_FOUND (SNAPSHOT_NOT_FOUND);
   * FAILED_PRECONDITION (SNAPSHOT_NAME_AMBIGUOUS).
   */
  getVolumeSnapshot(argument: _strato_volume_v1_GetVolumeSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  getVolumeSnapshot(argument: _strato_volume_v1_GetVolumeSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  getVolumeSnapshot(argument: _strato_volume_v1_GetVolumeSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  getVolumeSnapshot(argument: _strato_volume_v1_GetVolumeSnapshotRequest, callback: grpc.requestCallback<_strato_volume_v1_VolumeSnapshot__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListVolumeSnapshots of the caller's project, optionally of one volume,
   * paginated as ListVolumes. Errors: NOT_FOUND (VOLUME_NOT_FOUND).
   */
  ListVolumeSnapshots(argument: _strato_volume_v1_ListVolumeSnapshotsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  ListVolumeSnapshots(argument: _strato_volume_v1_ListVolumeSnapshotsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  ListVolumeSnapshots(argument: _strato_volume_v1_ListVolumeSnapshotsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  ListVolumeSnapshots(argument: _strato_volume_v1_ListVolumeSnapshotsRequest, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListVolumeSnapshots of the caller's project, optionally of one volume,
   * paginated as ListVolumes. Errors: NOT_FOUND (VOLUME_NOT_FOUND).
   */
  listVolumeSnapshots(argument: _strato_volume_v1_ListVolumeSnapshotsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  listVolumeSnapshots(argument: _strato_volume_v1_ListVolumeSnapshotsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  listVolumeSnapshots(argument: _strato_volume_v1_ListVolumeSnapshotsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  listVolumeSnapshots(argument: _strato_volume_v1_ListVolumeSnapshotsRequest, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeSnapshotsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface VolumeSnapshotsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateVolumeSnapshot takes a point-in-time copy of a volume on the
   * volume's host (file: a reflink or sparse copy; lvm: an LV snapshot as
   * large as its origin), claiming the volume's size there. Status creating,
   * then available (or error with the fault). Legal for an available volume,
   * and for an in-use one with `force` (a crash-consistent copy, as `cinder
   * snapshot-create --force`). Not idempotent.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, DESCRIPTION_INVALID); NOT_FOUND
   * (VOLUME_NOT_FOUND); FAILED_PRECONDITION (VOLUME_IN_USE: attached and no
   * force, details.server_id; INVALID_STATE: neither available nor in-use;
   * SNAPSHOTS_UNSUPPORTED: the volume's backend cannot snapshot, the message
   * says why, e.g. LVM on a host without device-mapper); RESOURCE_EXHAUSTED
   * (INSUFFICIENT_CAPACITY: the volume's host has not the volume's size free).
   */
  CreateVolumeSnapshot: grpc.handleUnaryCall<_strato_volume_v1_CreateVolumeSnapshotRequest__Output, _strato_volume_v1_VolumeSnapshot>;
  
  /**
   * DeleteVolumeSnapshot starts deleting (status deleting): wiped and removed
   * on its host, then the record disappears. Volumes made from it are copies
   * and stay. Legal in available and error. Idempotent while deleting.
   * Errors: NOT_FOUND (SNAPSHOT_NOT_FOUND); FAILED_PRECONDITION (SNAPSHOT_IN_USE:
   * a volume is being created from it, details.volume_id; INVALID_STATE:
   * creating).
   */
  DeleteVolumeSnapshot: grpc.handleUnaryCall<_strato_volume_v1_DeleteVolumeSnapshotRequest__Output, _strato_volume_v1_VolumeSnapshot>;
  
  /**
   * GetVolumeSnapshot by id or name. Errors: NOT_FOUND (SNAPSHOT_NOT_FOUND);
   * FAILED_PRECONDITION (SNAPSHOT_NAME_AMBIGUOUS).
   */
  GetVolumeSnapshot: grpc.handleUnaryCall<_strato_volume_v1_GetVolumeSnapshotRequest__Output, _strato_volume_v1_VolumeSnapshot>;
  
  /**
   * ListVolumeSnapshots of the caller's project, optionally of one volume,
   * paginated as ListVolumes. Errors: NOT_FOUND (VOLUME_NOT_FOUND).
   */
  ListVolumeSnapshots: grpc.handleUnaryCall<_strato_volume_v1_ListVolumeSnapshotsRequest__Output, _strato_volume_v1_ListVolumeSnapshotsResponse>;
  
}

export interface VolumeSnapshotsDefinition extends grpc.ServiceDefinition {
  CreateVolumeSnapshot: MethodDefinition<_strato_volume_v1_CreateVolumeSnapshotRequest, _strato_volume_v1_VolumeSnapshot, _strato_volume_v1_CreateVolumeSnapshotRequest__Output, _strato_volume_v1_VolumeSnapshot__Output>
  DeleteVolumeSnapshot: MethodDefinition<_strato_volume_v1_DeleteVolumeSnapshotRequest, _strato_volume_v1_VolumeSnapshot, _strato_volume_v1_DeleteVolumeSnapshotRequest__Output, _strato_volume_v1_VolumeSnapshot__Output>
  GetVolumeSnapshot: MethodDefinition<_strato_volume_v1_GetVolumeSnapshotRequest, _strato_volume_v1_VolumeSnapshot, _strato_volume_v1_GetVolumeSnapshotRequest__Output, _strato_volume_v1_VolumeSnapshot__Output>
  ListVolumeSnapshots: MethodDefinition<_strato_volume_v1_ListVolumeSnapshotsRequest, _strato_volume_v1_ListVolumeSnapshotsResponse, _strato_volume_v1_ListVolumeSnapshotsRequest__Output, _strato_volume_v1_ListVolumeSnapshotsResponse__Output>
}
