// Original file: strato/agent/v1/agent_storage.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateSnapshotRequest as _strato_agent_v1_CreateSnapshotRequest, CreateSnapshotRequest__Output as _strato_agent_v1_CreateSnapshotRequest__Output } from '../../../strato/agent/v1/CreateSnapshotRequest.ts';
import type { CreateVolumeRequest as _strato_agent_v1_CreateVolumeRequest, CreateVolumeRequest__Output as _strato_agent_v1_CreateVolumeRequest__Output } from '../../../strato/agent/v1/CreateVolumeRequest.ts';
import type { DeleteSnapshotRequest as _strato_agent_v1_DeleteSnapshotRequest, DeleteSnapshotRequest__Output as _strato_agent_v1_DeleteSnapshotRequest__Output } from '../../../strato/agent/v1/DeleteSnapshotRequest.ts';
import type { DeleteSnapshotResponse as _strato_agent_v1_DeleteSnapshotResponse, DeleteSnapshotResponse__Output as _strato_agent_v1_DeleteSnapshotResponse__Output } from '../../../strato/agent/v1/DeleteSnapshotResponse.ts';
import type { DeleteVolumeRequest as _strato_agent_v1_DeleteVolumeRequest, DeleteVolumeRequest__Output as _strato_agent_v1_DeleteVolumeRequest__Output } from '../../../strato/agent/v1/DeleteVolumeRequest.ts';
import type { DeleteVolumeResponse as _strato_agent_v1_DeleteVolumeResponse, DeleteVolumeResponse__Output as _strato_agent_v1_DeleteVolumeResponse__Output } from '../../../strato/agent/v1/DeleteVolumeResponse.ts';
import type { ExportVolumeRequest as _strato_agent_v1_ExportVolumeRequest, ExportVolumeRequest__Output as _strato_agent_v1_ExportVolumeRequest__Output } from '../../../strato/agent/v1/ExportVolumeRequest.ts';
import type { ExtendVolumeRequest as _strato_agent_v1_ExtendVolumeRequest, ExtendVolumeRequest__Output as _strato_agent_v1_ExtendVolumeRequest__Output } from '../../../strato/agent/v1/ExtendVolumeRequest.ts';
import type { GetStorageInfoRequest as _strato_agent_v1_GetStorageInfoRequest, GetStorageInfoRequest__Output as _strato_agent_v1_GetStorageInfoRequest__Output } from '../../../strato/agent/v1/GetStorageInfoRequest.ts';
import type { GetVolumeRequest as _strato_agent_v1_GetVolumeRequest, GetVolumeRequest__Output as _strato_agent_v1_GetVolumeRequest__Output } from '../../../strato/agent/v1/GetVolumeRequest.ts';
import type { ListVolumesRequest as _strato_agent_v1_ListVolumesRequest, ListVolumesRequest__Output as _strato_agent_v1_ListVolumesRequest__Output } from '../../../strato/agent/v1/ListVolumesRequest.ts';
import type { ListVolumesResponse as _strato_agent_v1_ListVolumesResponse, ListVolumesResponse__Output as _strato_agent_v1_ListVolumesResponse__Output } from '../../../strato/agent/v1/ListVolumesResponse.ts';
import type { ReconcileExportsRequest as _strato_agent_v1_ReconcileExportsRequest, ReconcileExportsRequest__Output as _strato_agent_v1_ReconcileExportsRequest__Output } from '../../../strato/agent/v1/ReconcileExportsRequest.ts';
import type { ReconcileExportsResponse as _strato_agent_v1_ReconcileExportsResponse, ReconcileExportsResponse__Output as _strato_agent_v1_ReconcileExportsResponse__Output } from '../../../strato/agent/v1/ReconcileExportsResponse.ts';
import type { Snapshot as _strato_agent_v1_Snapshot, Snapshot__Output as _strato_agent_v1_Snapshot__Output } from '../../../strato/agent/v1/Snapshot.ts';
import type { StorageInfo as _strato_agent_v1_StorageInfo, StorageInfo__Output as _strato_agent_v1_StorageInfo__Output } from '../../../strato/agent/v1/StorageInfo.ts';
import type { UnexportVolumeRequest as _strato_agent_v1_UnexportVolumeRequest, UnexportVolumeRequest__Output as _strato_agent_v1_UnexportVolumeRequest__Output } from '../../../strato/agent/v1/UnexportVolumeRequest.ts';
import type { UnexportVolumeResponse as _strato_agent_v1_UnexportVolumeResponse, UnexportVolumeResponse__Output as _strato_agent_v1_UnexportVolumeResponse__Output } from '../../../strato/agent/v1/UnexportVolumeResponse.ts';
import type { Volume as _strato_agent_v1_Volume, Volume__Output as _strato_agent_v1_Volume__Output } from '../../../strato/agent/v1/Volume.ts';
import type { VolumeExport as _strato_agent_v1_VolumeExport, VolumeExport__Output as _strato_agent_v1_VolumeExport__Output } from '../../../strato/agent/v1/VolumeExport.ts';

export interface AgentStorageClient extends grpc.Client {
  /**
   * CreateSnapshot takes a point-in-time copy of a volume (file: a reflink or sparse
   * copy; lvm: an LV snapshot as large as its origin). Snapshot a volume that is
   * not being written (detached), or accept a crash-consistent copy. Repeating it
   * returns the same snapshot.
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); ALREADY_EXISTS (SNAPSHOT_EXISTS: the id
   * is a snapshot of another volume); FAILED_PRECONDITION (SNAPSHOTS_UNSUPPORTED:
   * the message says why, e.g. an LVM host without device-mapper);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY).
   */
  CreateSnapshot(argument: _strato_agent_v1_CreateSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Snapshot__Output>): grpc.ClientUnaryCall;
  CreateSnapshot(argument: _strato_agent_v1_CreateSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_Snapshot__Output>): grpc.ClientUnaryCall;
  CreateSnapshot(argument: _strato_agent_v1_CreateSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Snapshot__Output>): grpc.ClientUnaryCall;
  CreateSnapshot(argument: _strato_agent_v1_CreateSnapshotRequest, callback: grpc.requestCallback<_strato_agent_v1_Snapshot__Output>): grpc.ClientUnaryCall;
  /**
   * CreateSnapshot takes a point-in-time copy of a volume (file: a reflink or sparse
   * copy; lvm: an LV snapshot as large as its origin). Snapshot a volume that is
   * not being written (detached), or accept a crash-consistent copy. Repeating it
   * returns the same snapshot.
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); ALREADY_EXISTS (SNAPSHOT_EXISTS: the id
   * is a snapshot of another volume); FAILED_PRECONDITION (SNAPSHOTS_UNSUPPORTED:
   * the message says why, e.g. an LVM host without device-mapper);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY).
   */
  createSnapshot(argument: _strato_agent_v1_CreateSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Snapshot__Output>): grpc.ClientUnaryCall;
  createSnapshot(argument: _strato_agent_v1_CreateSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_Snapshot__Output>): grpc.ClientUnaryCall;
  createSnapshot(argument: _strato_agent_v1_CreateSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Snapshot__Output>): grpc.ClientUnaryCall;
  createSnapshot(argument: _strato_agent_v1_CreateSnapshotRequest, callback: grpc.requestCallback<_strato_agent_v1_Snapshot__Output>): grpc.ClientUnaryCall;
  
  /**
   * CreateVolume makes a volume of `size_bytes` (a positive multiple of 1 MiB;
   * the backend rounds up to its allocation unit and reports the real size), empty
   * (reads as zeros) or filled from an image (fetched into the host's image cache
   * and sha256-checked like a spawn's, then converted into the volume with its
   * format named, streaming, no temporary copy), a snapshot, or another volume on
   * this host. It returns when the volume is complete; while it runs, GetVolume
   * shows it `creating` with its progress. Repeating it for an existing volume of
   * the same size returns that volume; a concurrent repeat waits for the first.
   * A failed create leaves nothing behind.
   * Errors: INVALID_ARGUMENT (INVALID_VOLUME_REQUEST: a bad id or size, field
   * named; SIZE_BELOW_SOURCE: smaller than the image's virtual size or the source's
   * size); NOT_FOUND (SNAPSHOT_NOT_FOUND, VOLUME_NOT_FOUND: the source);
   * ALREADY_EXISTS (VOLUME_EXISTS: the id is taken by a volume of another size);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY); DATA_LOSS
   * (IMAGE_CHECKSUM_MISMATCH); FAILED_PRECONDITION (DEVICE_MAPPER_MISSING: this
   * LVM host has no data path); UNAVAILABLE (image source unreachable); INTERNAL
   * (a tool refused; the message carries its words).
   */
  CreateVolume(argument: _strato_agent_v1_CreateVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  CreateVolume(argument: _strato_agent_v1_CreateVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  CreateVolume(argument: _strato_agent_v1_CreateVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  CreateVolume(argument: _strato_agent_v1_CreateVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  /**
   * CreateVolume makes a volume of `size_bytes` (a positive multiple of 1 MiB;
   * the backend rounds up to its allocation unit and reports the real size), empty
   * (reads as zeros) or filled from an image (fetched into the host's image cache
   * and sha256-checked like a spawn's, then converted into the volume with its
   * format named, streaming, no temporary copy), a snapshot, or another volume on
   * this host. It returns when the volume is complete; while it runs, GetVolume
   * shows it `creating` with its progress. Repeating it for an existing volume of
   * the same size returns that volume; a concurrent repeat waits for the first.
   * A failed create leaves nothing behind.
   * Errors: INVALID_ARGUMENT (INVALID_VOLUME_REQUEST: a bad id or size, field
   * named; SIZE_BELOW_SOURCE: smaller than the image's virtual size or the source's
   * size); NOT_FOUND (SNAPSHOT_NOT_FOUND, VOLUME_NOT_FOUND: the source);
   * ALREADY_EXISTS (VOLUME_EXISTS: the id is taken by a volume of another size);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY); DATA_LOSS
   * (IMAGE_CHECKSUM_MISMATCH); FAILED_PRECONDITION (DEVICE_MAPPER_MISSING: this
   * LVM host has no data path); UNAVAILABLE (image source unreachable); INTERNAL
   * (a tool refused; the message carries its words).
   */
  createVolume(argument: _strato_agent_v1_CreateVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  createVolume(argument: _strato_agent_v1_CreateVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  createVolume(argument: _strato_agent_v1_CreateVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  createVolume(argument: _strato_agent_v1_CreateVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteSnapshot wipes (per policy) and removes a snapshot. Deleting an absent
   * snapshot succeeds. Errors: INVALID_ARGUMENT (bad id).
   */
  DeleteSnapshot(argument: _strato_agent_v1_DeleteSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteSnapshotResponse__Output>): grpc.ClientUnaryCall;
  DeleteSnapshot(argument: _strato_agent_v1_DeleteSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_DeleteSnapshotResponse__Output>): grpc.ClientUnaryCall;
  DeleteSnapshot(argument: _strato_agent_v1_DeleteSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteSnapshotResponse__Output>): grpc.ClientUnaryCall;
  DeleteSnapshot(argument: _strato_agent_v1_DeleteSnapshotRequest, callback: grpc.requestCallback<_strato_agent_v1_DeleteSnapshotResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteSnapshot wipes (per policy) and removes a snapshot. Deleting an absent
   * snapshot succeeds. Errors: INVALID_ARGUMENT (bad id).
   */
  deleteSnapshot(argument: _strato_agent_v1_DeleteSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteSnapshotResponse__Output>): grpc.ClientUnaryCall;
  deleteSnapshot(argument: _strato_agent_v1_DeleteSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_DeleteSnapshotResponse__Output>): grpc.ClientUnaryCall;
  deleteSnapshot(argument: _strato_agent_v1_DeleteSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteSnapshotResponse__Output>): grpc.ClientUnaryCall;
  deleteSnapshot(argument: _strato_agent_v1_DeleteSnapshotRequest, callback: grpc.requestCallback<_strato_agent_v1_DeleteSnapshotResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteVolume wipes the volume per the host's policy (`zero`: every byte it held
   * is overwritten with zeros before the space is released; `none`) and removes it.
   * Deleting an absent volume succeeds.
   * Errors: FAILED_PRECONDITION (VOLUME_EXPORTED: unexport it first;
   * VOLUME_HAS_SNAPSHOTS: the message names them); INVALID_ARGUMENT (bad id).
   */
  DeleteVolume(argument: _strato_agent_v1_DeleteVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteVolumeResponse__Output>): grpc.ClientUnaryCall;
  DeleteVolume(argument: _strato_agent_v1_DeleteVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_DeleteVolumeResponse__Output>): grpc.ClientUnaryCall;
  DeleteVolume(argument: _strato_agent_v1_DeleteVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteVolumeResponse__Output>): grpc.ClientUnaryCall;
  DeleteVolume(argument: _strato_agent_v1_DeleteVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_DeleteVolumeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteVolume wipes the volume per the host's policy (`zero`: every byte it held
   * is overwritten with zeros before the space is released; `none`) and removes it.
   * Deleting an absent volume succeeds.
   * Errors: FAILED_PRECONDITION (VOLUME_EXPORTED: unexport it first;
   * VOLUME_HAS_SNAPSHOTS: the message names them); INVALID_ARGUMENT (bad id).
   */
  deleteVolume(argument: _strato_agent_v1_DeleteVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteVolumeResponse__Output>): grpc.ClientUnaryCall;
  deleteVolume(argument: _strato_agent_v1_DeleteVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_DeleteVolumeResponse__Output>): grpc.ClientUnaryCall;
  deleteVolume(argument: _strato_agent_v1_DeleteVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteVolumeResponse__Output>): grpc.ClientUnaryCall;
  deleteVolume(argument: _strato_agent_v1_DeleteVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_DeleteVolumeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ExportVolume exports a volume to one attaching host (and, during a move of
   * its server, to `also_admit` as well): target
   * `iqn.2026-01.io.strato:<volume id>`, LUN 1, CHAP user `strato-<volume id>` with
   * `chap_secret`, admitting only `initiator_name` (a tgt name ACL) connecting from
   * `initiator_address` (the storage host's filter on the portal; tgt's own ACLs
   * cannot require both, it ORs them). One export per volume: exporting again with
   * other values replaces the old ones (new logins only; a live session stays until
   * UnexportVolume). Repeating it changes nothing.
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); INVALID_ARGUMENT (INVALID_VOLUME_REQUEST
   * naming initiator_name, initiator_address (also: not of the portal's address
   * family) or chap_secret: 12-128 of A-Z a-z 0-9 _ . ~ + / = -); FAILED_PRECONDITION
   * (DEVICE_MAPPER_MISSING); UNAVAILABLE (TGTD_UNAVAILABLE).
   */
  ExportVolume(argument: _strato_agent_v1_ExportVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_VolumeExport__Output>): grpc.ClientUnaryCall;
  ExportVolume(argument: _strato_agent_v1_ExportVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_VolumeExport__Output>): grpc.ClientUnaryCall;
  ExportVolume(argument: _strato_agent_v1_ExportVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_VolumeExport__Output>): grpc.ClientUnaryCall;
  ExportVolume(argument: _strato_agent_v1_ExportVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_VolumeExport__Output>): grpc.ClientUnaryCall;
  /**
   * ExportVolume exports a volume to one attaching host (and, during a move of
   * its server, to `also_admit` as well): target
   * `iqn.2026-01.io.strato:<volume id>`, LUN 1, CHAP user `strato-<volume id>` with
   * `chap_secret`, admitting only `initiator_name` (a tgt name ACL) connecting from
   * `initiator_address` (the storage host's filter on the portal; tgt's own ACLs
   * cannot require both, it ORs them). One export per volume: exporting again with
   * other values replaces the old ones (new logins only; a live session stays until
   * UnexportVolume). Repeating it changes nothing.
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); INVALID_ARGUMENT (INVALID_VOLUME_REQUEST
   * naming initiator_name, initiator_address (also: not of the portal's address
   * family) or chap_secret: 12-128 of A-Z a-z 0-9 _ . ~ + / = -); FAILED_PRECONDITION
   * (DEVICE_MAPPER_MISSING); UNAVAILABLE (TGTD_UNAVAILABLE).
   */
  exportVolume(argument: _strato_agent_v1_ExportVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_VolumeExport__Output>): grpc.ClientUnaryCall;
  exportVolume(argument: _strato_agent_v1_ExportVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_VolumeExport__Output>): grpc.ClientUnaryCall;
  exportVolume(argument: _strato_agent_v1_ExportVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_VolumeExport__Output>): grpc.ClientUnaryCall;
  exportVolume(argument: _strato_agent_v1_ExportVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_VolumeExport__Output>): grpc.ClientUnaryCall;
  
  /**
   * ExtendVolume grows a volume to `size_bytes`; the new space reads as zeros.
   * Extending to the current size succeeds without change. An exported volume
   * stays exported: its LUN is re-created at the new size (tgt keeps a LUN's size
   * otherwise) without dropping the initiator's session; the initiator then
   * rescans (QEMU: block_resize).
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); INVALID_ARGUMENT (VOLUME_SHRINK_REFUSED,
   * field size_bytes; INVALID_VOLUME_REQUEST); RESOURCE_EXHAUSTED
   * (INSUFFICIENT_CAPACITY); FAILED_PRECONDITION (LV_NOT_CONTIGUOUS: only with the
   * LVM test stand-in).
   */
  ExtendVolume(argument: _strato_agent_v1_ExtendVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  ExtendVolume(argument: _strato_agent_v1_ExtendVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  ExtendVolume(argument: _strato_agent_v1_ExtendVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  ExtendVolume(argument: _strato_agent_v1_ExtendVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  /**
   * ExtendVolume grows a volume to `size_bytes`; the new space reads as zeros.
   * Extending to the current size succeeds without change. An exported volume
   * stays exported: its LUN is re-created at the new size (tgt keeps a LUN's size
   * otherwise) without dropping the initiator's session; the initiator then
   * rescans (QEMU: block_resize).
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); INVALID_ARGUMENT (VOLUME_SHRINK_REFUSED,
   * field size_bytes; INVALID_VOLUME_REQUEST); RESOURCE_EXHAUSTED
   * (INSUFFICIENT_CAPACITY); FAILED_PRECONDITION (LV_NOT_CONTIGUOUS: only with the
   * LVM test stand-in).
   */
  extendVolume(argument: _strato_agent_v1_ExtendVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  extendVolume(argument: _strato_agent_v1_ExtendVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  extendVolume(argument: _strato_agent_v1_ExtendVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  extendVolume(argument: _strato_agent_v1_ExtendVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetStorageInfo reports the backend, what it can do and its capacity (thick
   * accounting: every volume and snapshot counts in full).
   */
  GetStorageInfo(argument: _strato_agent_v1_GetStorageInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_StorageInfo__Output>): grpc.ClientUnaryCall;
  GetStorageInfo(argument: _strato_agent_v1_GetStorageInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_StorageInfo__Output>): grpc.ClientUnaryCall;
  GetStorageInfo(argument: _strato_agent_v1_GetStorageInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_StorageInfo__Output>): grpc.ClientUnaryCall;
  GetStorageInfo(argument: _strato_agent_v1_GetStorageInfoRequest, callback: grpc.requestCallback<_strato_agent_v1_StorageInfo__Output>): grpc.ClientUnaryCall;
  /**
   * GetStorageInfo reports the backend, what it can do and its capacity (thick
   * accounting: every volume and snapshot counts in full).
   */
  getStorageInfo(argument: _strato_agent_v1_GetStorageInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_StorageInfo__Output>): grpc.ClientUnaryCall;
  getStorageInfo(argument: _strato_agent_v1_GetStorageInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_StorageInfo__Output>): grpc.ClientUnaryCall;
  getStorageInfo(argument: _strato_agent_v1_GetStorageInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_StorageInfo__Output>): grpc.ClientUnaryCall;
  getStorageInfo(argument: _strato_agent_v1_GetStorageInfoRequest, callback: grpc.requestCallback<_strato_agent_v1_StorageInfo__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetVolume reports one volume: `creating` (with progress) while a create runs,
   * `available` otherwise, with its export if it has one.
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND).
   */
  GetVolume(argument: _strato_agent_v1_GetVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  GetVolume(argument: _strato_agent_v1_GetVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  GetVolume(argument: _strato_agent_v1_GetVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  GetVolume(argument: _strato_agent_v1_GetVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  /**
   * GetVolume reports one volume: `creating` (with progress) while a create runs,
   * `available` otherwise, with its export if it has one.
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND).
   */
  getVolume(argument: _strato_agent_v1_GetVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  getVolume(argument: _strato_agent_v1_GetVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  getVolume(argument: _strato_agent_v1_GetVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  getVolume(argument: _strato_agent_v1_GetVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_Volume__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListVolumes reports every strato volume (creating ones included), snapshot and
   * export on the host, for the conductor's reconcile.
   */
  ListVolumes(argument: _strato_agent_v1_ListVolumesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  ListVolumes(argument: _strato_agent_v1_ListVolumesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  ListVolumes(argument: _strato_agent_v1_ListVolumesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  ListVolumes(argument: _strato_agent_v1_ListVolumesRequest, callback: grpc.requestCallback<_strato_agent_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListVolumes reports every strato volume (creating ones included), snapshot and
   * export on the host, for the conductor's reconcile.
   */
  listVolumes(argument: _strato_agent_v1_ListVolumesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  listVolumes(argument: _strato_agent_v1_ListVolumesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  listVolumes(argument: _strato_agent_v1_ListVolumesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  listVolumes(argument: _strato_agent_v1_ListVolumesRequest, callback: grpc.requestCallback<_strato_agent_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ReconcileExports makes the host export exactly `exports` (the conductor's
   * attachment records): missing targets are re-created (after a tgtd or agent
   * restart), drifted ones repaired, and strato targets and accounts no record
   * calls for removed; targets and accounts not named like strato's are never
   * touched. Exports of volumes the host does not have are skipped and listed.
   * The agent keeps re-applying the last reconciled set (and later exports)
   * every few seconds, so a restarted tgtd gets its targets back without the
   * conductor. Errors: INVALID_ARGUMENT (any bad entry: nothing is changed;
   * `field` is e.g. exports[2].chap_secret); UNAVAILABLE (TGTD_UNAVAILABLE).
   */
  ReconcileExports(argument: _strato_agent_v1_ReconcileExportsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ReconcileExportsResponse__Output>): grpc.ClientUnaryCall;
  ReconcileExports(argument: _strato_agent_v1_ReconcileExportsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_ReconcileExportsResponse__Output>): grpc.ClientUnaryCall;
  ReconcileExports(argument: _strato_agent_v1_ReconcileExportsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ReconcileExportsResponse__Output>): grpc.ClientUnaryCall;
  ReconcileExports(argument: _strato_agent_v1_ReconcileExportsRequest, callback: grpc.requestCallback<_strato_agent_v1_ReconcileExportsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ReconcileExports makes the host export exactly `exports` (the conductor's
   * attachment records): missing targets are re-created (after a tgtd or agent
   * restart), drifted ones repaired, and strato targets and accounts no record
   * calls for removed; targets and accounts not named like strato's are never
   * touched. Exports of volumes the host does not have are skipped and listed.
   * The agent keeps re-applying the last reconciled set (and later exports)
   * every few seconds, so a restarted tgtd gets its targets back without the
   * conductor. Errors: INVALID_ARGUMENT (any bad entry: nothing is changed;
   * `field` is e.g. exports[2].chap_secret); UNAVAILABLE (TGTD_UNAVAILABLE).
   */
  reconcileExports(argument: _strato_agent_v1_ReconcileExportsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ReconcileExportsResponse__Output>): grpc.ClientUnaryCall;
  reconcileExports(argument: _strato_agent_v1_ReconcileExportsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_ReconcileExportsResponse__Output>): grpc.ClientUnaryCall;
  reconcileExports(argument: _strato_agent_v1_ReconcileExportsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ReconcileExportsResponse__Output>): grpc.ClientUnaryCall;
  reconcileExports(argument: _strato_agent_v1_ReconcileExportsRequest, callback: grpc.requestCallback<_strato_agent_v1_ReconcileExportsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * UnexportVolume removes the volume's target (closing any session still logged
   * in), its CHAP account and its filter rule. Unexporting what is not exported
   * succeeds. Errors: INVALID_ARGUMENT (bad id); UNAVAILABLE (TGTD_UNAVAILABLE).
   */
  UnexportVolume(argument: _strato_agent_v1_UnexportVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_UnexportVolumeResponse__Output>): grpc.ClientUnaryCall;
  UnexportVolume(argument: _strato_agent_v1_UnexportVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_UnexportVolumeResponse__Output>): grpc.ClientUnaryCall;
  UnexportVolume(argument: _strato_agent_v1_UnexportVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_UnexportVolumeResponse__Output>): grpc.ClientUnaryCall;
  UnexportVolume(argument: _strato_agent_v1_UnexportVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_UnexportVolumeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * UnexportVolume removes the volume's target (closing any session still logged
   * in), its CHAP account and its filter rule. Unexporting what is not exported
   * succeeds. Errors: INVALID_ARGUMENT (bad id); UNAVAILABLE (TGTD_UNAVAILABLE).
   */
  unexportVolume(argument: _strato_agent_v1_UnexportVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_UnexportVolumeResponse__Output>): grpc.ClientUnaryCall;
  unexportVolume(argument: _strato_agent_v1_UnexportVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_UnexportVolumeResponse__Output>): grpc.ClientUnaryCall;
  unexportVolume(argument: _strato_agent_v1_UnexportVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_UnexportVolumeResponse__Output>): grpc.ClientUnaryCall;
  unexportVolume(argument: _strato_agent_v1_UnexportVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_UnexportVolumeResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface AgentStorageHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateSnapshot takes a point-in-time copy of a volume (file: a reflink or sparse
   * copy; lvm: an LV snapshot as large as its origin). Snapshot a volume that is
   * not being written (detached), or accept a crash-consistent copy. Repeating it
   * returns the same snapshot.
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); ALREADY_EXISTS (SNAPSHOT_EXISTS: the id
   * is a snapshot of another volume); FAILED_PRECONDITION (SNAPSHOTS_UNSUPPORTED:
   * the message says why, e.g. an LVM host without device-mapper);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY).
   */
  CreateSnapshot: grpc.handleUnaryCall<_strato_agent_v1_CreateSnapshotRequest__Output, _strato_agent_v1_Snapshot>;
  
  /**
   * CreateVolume makes a volume of `size_bytes` (a positive multiple of 1 MiB;
   * the backend rounds up to its allocation unit and reports the real size), empty
   * (reads as zeros) or filled from an image (fetched into the host's image cache
   * and sha256-checked like a spawn's, then converted into the volume with its
   * format named, streaming, no temporary copy), a snapshot, or another volume on
   * this host. It returns when the volume is complete; while it runs, GetVolume
   * shows it `creating` with its progress. Repeating it for an existing volume of
   * the same size returns that volume; a concurrent repeat waits for the first.
   * A failed create leaves nothing behind.
   * Errors: INVALID_ARGUMENT (INVALID_VOLUME_REQUEST: a bad id or size, field
   * named; SIZE_BELOW_SOURCE: smaller than the image's virtual size or the source's
   * size); NOT_FOUND (SNAPSHOT_NOT_FOUND, VOLUME_NOT_FOUND: the source);
   * ALREADY_EXISTS (VOLUME_EXISTS: the id is taken by a volume of another size);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY); DATA_LOSS
   * (IMAGE_CHECKSUM_MISMATCH); FAILED_PRECONDITION (DEVICE_MAPPER_MISSING: this
   * LVM host has no data path); UNAVAILABLE (image source unreachable); INTERNAL
   * (a tool refused; the message carries its words).
   */
  CreateVolume: grpc.handleUnaryCall<_strato_agent_v1_CreateVolumeRequest__Output, _strato_agent_v1_Volume>;
  
  /**
   * DeleteSnapshot wipes (per policy) and removes a snapshot. Deleting an absent
   * snapshot succeeds. Errors: INVALID_ARGUMENT (bad id).
   */
  DeleteSnapshot: grpc.handleUnaryCall<_strato_agent_v1_DeleteSnapshotRequest__Output, _strato_agent_v1_DeleteSnapshotResponse>;
  
  /**
   * DeleteVolume wipes the volume per the host's policy (`zero`: every byte it held
   * is overwritten with zeros before the space is released; `none`) and removes it.
   * Deleting an absent volume succeeds.
   * Errors: FAILED_PRECONDITION (VOLUME_EXPORTED: unexport it first;
   * VOLUME_HAS_SNAPSHOTS: the message names them); INVALID_ARGUMENT (bad id).
   */
  DeleteVolume: grpc.handleUnaryCall<_strato_agent_v1_DeleteVolumeRequest__Output, _strato_agent_v1_DeleteVolumeResponse>;
  
  /**
   * ExportVolume exports a volume to one attaching host (and, during a move of
   * its server, to `also_admit` as well): target
   * `iqn.2026-01.io.strato:<volume id>`, LUN 1, CHAP user `strato-<volume id>` with
   * `chap_secret`, admitting only `initiator_name` (a tgt name ACL) connecting from
   * `initiator_address` (the storage host's filter on the portal; tgt's own ACLs
   * cannot require both, it ORs them). One export per volume: exporting again with
   * other values replaces the old ones (new logins only; a live session stays until
   * UnexportVolume). Repeating it changes nothing.
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); INVALID_ARGUMENT (INVALID_VOLUME_REQUEST
   * naming initiator_name, initiator_address (also: not of the portal's address
   * family) or chap_secret: 12-128 of A-Z a-z 0-9 _ . ~ + / = -); FAILED_PRECONDITION
   * (DEVICE_MAPPER_MISSING); UNAVAILABLE (TGTD_UNAVAILABLE).
   */
  ExportVolume: grpc.handleUnaryCall<_strato_agent_v1_ExportVolumeRequest__Output, _strato_agent_v1_VolumeExport>;
  
  /**
   * ExtendVolume grows a volume to `size_bytes`; the new space reads as zeros.
   * Extending to the current size succeeds without change. An exported volume
   * stays exported: its LUN is re-created at the new size (tgt keeps a LUN's size
   * otherwise) without dropping the initiator's session; the initiator then
   * rescans (QEMU: block_resize).
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); INVALID_ARGUMENT (VOLUME_SHRINK_REFUSED,
   * field size_bytes; INVALID_VOLUME_REQUEST); RESOURCE_EXHAUSTED
   * (INSUFFICIENT_CAPACITY); FAILED_PRECONDITION (LV_NOT_CONTIGUOUS: only with the
   * LVM test stand-in).
   */
  ExtendVolume: grpc.handleUnaryCall<_strato_agent_v1_ExtendVolumeRequest__Output, _strato_agent_v1_Volume>;
  
  /**
   * GetStorageInfo reports the backend, what it can do and its capacity (thick
   * accounting: every volume and snapshot counts in full).
   */
  GetStorageInfo: grpc.handleUnaryCall<_strato_agent_v1_GetStorageInfoRequest__Output, _strato_agent_v1_StorageInfo>;
  
  /**
   * GetVolume reports one volume: `creating` (with progress) while a create runs,
   * `available` otherwise, with its export if it has one.
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND).
   */
  GetVolume: grpc.handleUnaryCall<_strato_agent_v1_GetVolumeRequest__Output, _strato_agent_v1_Volume>;
  
  /**
   * ListVolumes reports every strato volume (creating ones included), snapshot and
   * export on the host, for the conductor's reconcile.
   */
  ListVolumes: grpc.handleUnaryCall<_strato_agent_v1_ListVolumesRequest__Output, _strato_agent_v1_ListVolumesResponse>;
  
  /**
   * ReconcileExports makes the host export exactly `exports` (the conductor's
   * attachment records): missing targets are re-created (after a tgtd or agent
   * restart), drifted ones repaired, and strato targets and accounts no record
   * calls for removed; targets and accounts not named like strato's are never
   * touched. Exports of volumes the host does not have are skipped and listed.
   * The agent keeps re-applying the last reconciled set (and later exports)
   * every few seconds, so a restarted tgtd gets its targets back without the
   * conductor. Errors: INVALID_ARGUMENT (any bad entry: nothing is changed;
   * `field` is e.g. exports[2].chap_secret); UNAVAILABLE (TGTD_UNAVAILABLE).
   */
  ReconcileExports: grpc.handleUnaryCall<_strato_agent_v1_ReconcileExportsRequest__Output, _strato_agent_v1_ReconcileExportsResponse>;
  
  /**
   * UnexportVolume removes the volume's target (closing any session still logged
   * in), its CHAP account and its filter rule. Unexporting what is not exported
   * succeeds. Errors: INVALID_ARGUMENT (bad id); UNAVAILABLE (TGTD_UNAVAILABLE).
   */
  UnexportVolume: grpc.handleUnaryCall<_strato_agent_v1_UnexportVolumeRequest__Output, _strato_agent_v1_UnexportVolumeResponse>;
  
}

export interface AgentStorageDefinition extends grpc.ServiceDefinition {
  CreateSnapshot: MethodDefinition<_strato_agent_v1_CreateSnapshotRequest, _strato_agent_v1_Snapshot, _strato_agent_v1_CreateSnapshotRequest__Output, _strato_agent_v1_Snapshot__Output>
  CreateVolume: MethodDefinition<_strato_agent_v1_CreateVolumeRequest, _strato_agent_v1_Volume, _strato_agent_v1_CreateVolumeRequest__Output, _strato_agent_v1_Volume__Output>
  DeleteSnapshot: MethodDefinition<_strato_agent_v1_DeleteSnapshotRequest, _strato_agent_v1_DeleteSnapshotResponse, _strato_agent_v1_DeleteSnapshotRequest__Output, _strato_agent_v1_DeleteSnapshotResponse__Output>
  DeleteVolume: MethodDefinition<_strato_agent_v1_DeleteVolumeRequest, _strato_agent_v1_DeleteVolumeResponse, _strato_agent_v1_DeleteVolumeRequest__Output, _strato_agent_v1_DeleteVolumeResponse__Output>
  ExportVolume: MethodDefinition<_strato_agent_v1_ExportVolumeRequest, _strato_agent_v1_VolumeExport, _strato_agent_v1_ExportVolumeRequest__Output, _strato_agent_v1_VolumeExport__Output>
  ExtendVolume: MethodDefinition<_strato_agent_v1_ExtendVolumeRequest, _strato_agent_v1_Volume, _strato_agent_v1_ExtendVolumeRequest__Output, _strato_agent_v1_Volume__Output>
  GetStorageInfo: MethodDefinition<_strato_agent_v1_GetStorageInfoRequest, _strato_agent_v1_StorageInfo, _strato_agent_v1_GetStorageInfoRequest__Output, _strato_agent_v1_StorageInfo__Output>
  GetVolume: MethodDefinition<_strato_agent_v1_GetVolumeRequest, _strato_agent_v1_Volume, _strato_agent_v1_GetVolumeRequest__Output, _strato_agent_v1_Volume__Output>
  ListVolumes: MethodDefinition<_strato_agent_v1_ListVolumesRequest, _strato_agent_v1_ListVolumesResponse, _strato_agent_v1_ListVolumesRequest__Output, _strato_agent_v1_ListVolumesResponse__Output>
  ReconcileExports: MethodDefinition<_strato_agent_v1_ReconcileExportsRequest, _strato_agent_v1_ReconcileExportsResponse, _strato_agent_v1_ReconcileExportsRequest__Output, _strato_agent_v1_ReconcileExportsResponse__Output>
  UnexportVolume: MethodDefinition<_strato_agent_v1_UnexportVolumeRequest, _strato_agent_v1_UnexportVolumeResponse, _strato_agent_v1_UnexportVolumeRequest__Output, _strato_agent_v1_UnexportVolumeResponse__Output>
}
