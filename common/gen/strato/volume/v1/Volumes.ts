// Original file: strato/volume/v1/volume.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateVolumeRequest as _strato_volume_v1_CreateVolumeRequest, CreateVolumeRequest__Output as _strato_volume_v1_CreateVolumeRequest__Output } from '../../../strato/volume/v1/CreateVolumeRequest.ts';
import type { DeleteVolumeRequest as _strato_volume_v1_DeleteVolumeRequest, DeleteVolumeRequest__Output as _strato_volume_v1_DeleteVolumeRequest__Output } from '../../../strato/volume/v1/DeleteVolumeRequest.ts';
import type { ExtendVolumeRequest as _strato_volume_v1_ExtendVolumeRequest, ExtendVolumeRequest__Output as _strato_volume_v1_ExtendVolumeRequest__Output } from '../../../strato/volume/v1/ExtendVolumeRequest.ts';
import type { GetVolumeRequest as _strato_volume_v1_GetVolumeRequest, GetVolumeRequest__Output as _strato_volume_v1_GetVolumeRequest__Output } from '../../../strato/volume/v1/GetVolumeRequest.ts';
import type { ListVolumeBackendsRequest as _strato_volume_v1_ListVolumeBackendsRequest, ListVolumeBackendsRequest__Output as _strato_volume_v1_ListVolumeBackendsRequest__Output } from '../../../strato/volume/v1/ListVolumeBackendsRequest.ts';
import type { ListVolumeBackendsResponse as _strato_volume_v1_ListVolumeBackendsResponse, ListVolumeBackendsResponse__Output as _strato_volume_v1_ListVolumeBackendsResponse__Output } from '../../../strato/volume/v1/ListVolumeBackendsResponse.ts';
import type { ListVolumesRequest as _strato_volume_v1_ListVolumesRequest, ListVolumesRequest__Output as _strato_volume_v1_ListVolumesRequest__Output } from '../../../strato/volume/v1/ListVolumesRequest.ts';
import type { ListVolumesResponse as _strato_volume_v1_ListVolumesResponse, ListVolumesResponse__Output as _strato_volume_v1_ListVolumesResponse__Output } from '../../../strato/volume/v1/ListVolumesResponse.ts';
import type { UpdateVolumeRequest as _strato_volume_v1_UpdateVolumeRequest, UpdateVolumeRequest__Output as _strato_volume_v1_UpdateVolumeRequest__Output } from '../../../strato/volume/v1/UpdateVolumeRequest.ts';
import type { Volume as _strato_volume_v1_Volume, Volume__Output as _strato_volume_v1_Volume__Output } from '../../../strato/volume/v1/Volume.ts';

export interface VolumesClient extends grpc.Client {
  /**
   * CreateVolume records the volume and places it on a storage host in one
   * step: the scheduler claims `size_gib` on an up, enabled storage host with
   * that much free capacity (of `backend` if given, else either), atomically,
   * so concurrent creates never over-allocate. It returns the volume in
   * `creating` (or `downloading` for an image); the host then makes it and it
   * becomes `available`, or `error` with the fault (a failed copy leaves
   * nothing on the host; delete the record). Not idempotent.
   * 
   * Sources (at most one): an image (active, visible to the caller; copied
   * into the volume with its format named, so nothing in it is probed; status
   * downloading with progress_percent), a snapshot (available; the volume is
   * made on the snapshot's host, from its data) or another volume
   * (`source_volume`, available: a copy made on the same host; to copy an
   * attached volume, snapshot it with force and create from the snapshot).
   * size_gib 0 with a snapshot or a source volume means the source's size;
   * otherwise 1 to 65536, at least the source's size (an image's virtual
   * size, rounded up to a GiB).
   * 
   * Errors: INVALID_ARGUMENT (NAME_INVALID; DESCRIPTION_INVALID: over 255
   * characters or control characters; SIZE_INVALID: 0 without a snapshot or
   * source volume to size from, or above 65536, field size_gib;
   * SIZE_BELOW_SOURCE: smaller than the source, details.min_size_gib;
   * BACKEND_INVALID: not "", "lvm" or "file"; BACKEND_CONFLICT: a backend
   * other than the snapshot's or source volume's); NOT_FOUND
   * (IMAGE_NOT_FOUND, also another project's private image;
   * SNAPSHOT_NOT_FOUND; VOLUME_NOT_FOUND for source_volume);
   * FAILED_PRECONDITION (IMAGE_NOT_ACTIVE; SNAPSHOT_NOT_AVAILABLE and
   * VOLUME_NOT_AVAILABLE: the source is in another status, details.status;
   * VOLUME_IN_USE: the source volume is attached, details.server_id;
   * SNAPSHOTS_UNSUPPORTED: a snapshot or volume source on a host that cannot
   * copy volumes, e.g. LVM without device-mapper, the message says why;
   * NO_STORAGE_HOST: no storage host of that backend is registered);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY: no up, enabled storage host
   * has size_gib free, details.largest_free_gib; for a snapshot or source
   * volume, its host has not); UNAVAILABLE (STORAGE_UNAVAILABLE: storage hosts
   * of that backend exist but none is up: retry later).
   */
  CreateVolume(argument: _strato_volume_v1_CreateVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  CreateVolume(argument: _strato_volume_v1_CreateVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  CreateVolume(argument: _strato_volume_v1_CreateVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  CreateVolume(argument: _strato_volume_v1_CreateVolumeRequest, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  /**
   * CreateVolume records the volume and places it on a storage host in one
   * step: the scheduler claims `size_gib` on an up, enabled storage host with
   * that much free capacity (of `backend` if given, else either), atomically,
   * so concurrent creates never over-allocate. It returns the volume in
   * `creating` (or `downloading` for an image); the host then makes it and it
   * becomes `available`, or `error` with the fault (a failed copy leaves
   * nothing on the host; delete the record). Not idempotent.
   * 
   * Sources (at most one): an image (active, visible to the caller; copied
   * into the volume with its format named, so nothing in it is probed; status
   * downloading with progress_percent), a snapshot (available; the volume is
   * made on the snapshot's host, from its data) or another volume
   * (`source_volume`, available: a copy made on the same host; to copy an
   * attached volume, snapshot it with force and create from the snapshot).
   * size_gib 0 with a snapshot or a source volume means the source's size;
   * otherwise 1 to 65536, at least the source's size (an image's virtual
   * size, rounded up to a GiB).
   * 
   * Errors: INVALID_ARGUMENT (NAME_INVALID; DESCRIPTION_INVALID: over 255
   * characters or control characters; SIZE_INVALID: 0 without a snapshot or
   * source volume to size from, or above 65536, field size_gib;
   * SIZE_BELOW_SOURCE: smaller than the source, details.min_size_gib;
   * BACKEND_INVALID: not "", "lvm" or "file"; BACKEND_CONFLICT: a backend
   * other than the snapshot's or source volume's); NOT_FOUND
   * (IMAGE_NOT_FOUND, also another project's private image;
   * SNAPSHOT_NOT_FOUND; VOLUME_NOT_FOUND for source_volume);
   * FAILED_PRECONDITION (IMAGE_NOT_ACTIVE; SNAPSHOT_NOT_AVAILABLE and
   * VOLUME_NOT_AVAILABLE: the source is in another status, details.status;
   * VOLUME_IN_USE: the source volume is attached, details.server_id;
   * SNAPSHOTS_UNSUPPORTED: a snapshot or volume source on a host that cannot
   * copy volumes, e.g. LVM without device-mapper, the message says why;
   * NO_STORAGE_HOST: no storage host of that backend is registered);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY: no up, enabled storage host
   * has size_gib free, details.largest_free_gib; for a snapshot or source
   * volume, its host has not); UNAVAILABLE (STORAGE_UNAVAILABLE: storage hosts
   * of that backend exist but none is up: retry later).
   */
  createVolume(argument: _strato_volume_v1_CreateVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  createVolume(argument: _strato_volume_v1_CreateVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  createVolume(argument: _strato_volume_v1_CreateVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  createVolume(argument: _strato_volume_v1_CreateVolumeRequest, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteVolume starts deleting (status deleting): the storage host wipes the
   * volume's bytes (per its policy, normally zeros) and removes it, then the
   * record disappears and its capacity is released. Legal in available and
   * error. Idempotent while deleting (returns the volume as it is).
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); FAILED_PRECONDITION (VOLUME_IN_USE:
   * attached, details.server_id names the server: detach it first, or delete
   * the server; VOLUME_HAS_SNAPSHOTS: details.snapshot_ids names them, up to 10,
   * delete them first; INVALID_STATE: creating, downloading, attaching,
   * detaching or extending, retry when it settles).
   */
  DeleteVolume(argument: _strato_volume_v1_DeleteVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  DeleteVolume(argument: _strato_volume_v1_DeleteVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  DeleteVolume(argument: _strato_volume_v1_DeleteVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  DeleteVolume(argument: _strato_volume_v1_DeleteVolumeRequest, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteVolume starts deleting (status deleting): the storage host wipes the
   * volume's bytes (per its policy, normally zeros) and removes it, then the
   * record disappears and its capacity is released. Legal in available and
   * error. Idempotent while deleting (returns the volume as it is).
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); FAILED_PRECONDITION (VOLUME_IN_USE:
   * attached, details.server_id names the server: detach it first, or delete
   * the server; VOLUME_HAS_SNAPSHOTS: details.snapshot_ids names them, up to 10,
   * delete them first; INVALID_STATE: creating, downloading, attaching,
   * detaching or extending, retry when it settles).
   */
  deleteVolume(argument: _strato_volume_v1_DeleteVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  deleteVolume(argument: _strato_volume_v1_DeleteVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  deleteVolume(argument: _strato_volume_v1_DeleteVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  deleteVolume(argument: _strato_volume_v1_DeleteVolumeRequest, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  
  /**
   * ExtendVolume grows a volume to new_size_gib (grow only: the new space
   * reads as zeros), in `available` or `in-use`: status extending meanwhile,
   * then back to the status it had. An attached volume grows while the guest
   * runs: its storage host grows the backing store and re-exports it at the
   * new size, then the server's host resizes the disk (the guest's kernel
   * notices a virtio disk's new size by itself, with no I/O error); a server
   * that is not running sees the new size at its next start. The extra size is
   * claimed on the volume's host at once (atomically, as in CreateVolume). A
   * failed extend returns the volume to its status at its old size, with the
   * failure in `fault`; when only the server's host could not resize the disk
   * (the volume did grow), the volume keeps its new size and `fault` says the
   * guest sees it at its next start. Extending to the current size succeeds
   * without change (so a retried call succeeds).
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); INVALID_ARGUMENT (SIZE_INVALID:
   * above 65536, field new_size_gib; VOLUME_SHRINK_REFUSED: below the current
   * size, field new_size_gib, details.size_gib); FAILED_PRECONDITION
   * (INVALID_STATE); RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY: the volume's
   * host has not that much free, details.free_gib).
   */
  ExtendVolume(argument: _strato_volume_v1_ExtendVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  ExtendVolume(argument: _strato_volume_v1_ExtendVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  ExtendVolume(argument: _strato_volume_v1_ExtendVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  ExtendVolume(argument: _strato_volume_v1_ExtendVolumeRequest, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  /**
   * ExtendVolume grows a volume to new_size_gib (grow only: the new space
   * reads as zeros), in `available` or `in-use`: status extending meanwhile,
   * then back to the status it had. An attached volume grows while the guest
   * runs: its storage host grows the backing store and re-exports it at the
   * new size, then the server's host resizes the disk (the guest's kernel
   * notices a virtio disk's new size by itself, with no I/O error); a server
   * that is not running sees the new size at its next start. The extra size is
   * claimed on the volume's host at once (atomically, as in CreateVolume). A
   * failed extend returns the volume to its status at its old size, with the
   * failure in `fault`; when only the server's host could not resize the disk
   * (the volume did grow), the volume keeps its new size and `fault` says the
   * guest sees it at its next start. Extending to the current size succeeds
   * without change (so a retried call succeeds).
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); INVALID_ARGUMENT (SIZE_INVALID:
   * above 65536, field new_size_gib; VOLUME_SHRINK_REFUSED: below the current
   * size, field new_size_gib, details.size_gib); FAILED_PRECONDITION
   * (INVALID_STATE); RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY: the volume's
   * host has not that much free, details.free_gib).
   */
  extendVolume(argument: _strato_volume_v1_ExtendVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  extendVolume(argument: _strato_volume_v1_ExtendVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  extendVolume(argument: _strato_volume_v1_ExtendVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  extendVolume(argument: _strato_volume_v1_ExtendVolumeRequest, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetVolume by id or name. Errors: NOT_FOUND (VOLUME_NOT_FOUND);
   * FAILED_PRECONDITION (VOLUME_NAME_AMBIGUOUS).
   */
  GetVolume(argument: _strato_volume_v1_GetVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  GetVolume(argument: _strato_volume_v1_GetVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  GetVolume(argument: _strato_volume_v1_GetVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  GetVolume(argument: _strato_volume_v1_GetVolumeRequest, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  /**
   * GetVolume by id or name. Errors: NOT_FOUND (VOLUME_NOT_FOUND);
   * FAILED_PRECONDITION (VOLUME_NAME_AMBIGUOUS).
   */
  getVolume(argument: _strato_volume_v1_GetVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  getVolume(argument: _strato_volume_v1_GetVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  getVolume(argument: _strato_volume_v1_GetVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  getVolume(argument: _strato_volume_v1_GetVolumeRequest, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListVolumeBackends (admins only): every storage host with its backend and
   * capacity, ordered by host id, paginated. Errors: PERMISSION_DENIED
   * (ADMIN_REQUIRED); INVALID_ARGUMENT (PAGE_SIZE_INVALID, PAGE_TOKEN_INVALID).
   */
  ListVolumeBackends(argument: _strato_volume_v1_ListVolumeBackendsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeBackendsResponse__Output>): grpc.ClientUnaryCall;
  ListVolumeBackends(argument: _strato_volume_v1_ListVolumeBackendsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeBackendsResponse__Output>): grpc.ClientUnaryCall;
  ListVolumeBackends(argument: _strato_volume_v1_ListVolumeBackendsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeBackendsResponse__Output>): grpc.ClientUnaryCall;
  ListVolumeBackends(argument: _strato_volume_v1_ListVolumeBackendsRequest, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeBackendsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListVolumeBackends (admins only): every storage host with its backend and
   * capacity, ordered by host id, paginated. Errors: PERMISSION_DENIED
   * (ADMIN_REQUIRED); INVALID_ARGUMENT (PAGE_SIZE_INVALID, PAGE_TOKEN_INVALID).
   */
  listVolumeBackends(argument: _strato_volume_v1_ListVolumeBackendsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeBackendsResponse__Output>): grpc.ClientUnaryCall;
  listVolumeBackends(argument: _strato_volume_v1_ListVolumeBackendsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeBackendsResponse__Output>): grpc.ClientUnaryCall;
  listVolumeBackends(argument: _strato_volume_v1_ListVolumeBackendsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeBackendsResponse__Output>): grpc.ClientUnaryCall;
  listVolumeBackends(argument: _strato_volume_v1_ListVolumeBackendsRequest, callback: grpc.requestCallback<_strato_volume_v1_ListVolumeBackendsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListVolumes of the caller's project (every project's for admins asking
   * for it), paginated, ordered by name then id (by id with all_projects).
   */
  ListVolumes(argument: _strato_volume_v1_ListVolumesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  ListVolumes(argument: _strato_volume_v1_ListVolumesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  ListVolumes(argument: _strato_volume_v1_ListVolumesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  ListVolumes(argument: _strato_volume_v1_ListVolumesRequest, callback: grpc.requestCallback<_strato_volume_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListVolumes of the caller's project (every project's for admins asking
   * for it), paginated, ordered by name then id (by id with all_projects).
   */
  listVolumes(argument: _strato_volume_v1_ListVolumesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  listVolumes(argument: _strato_volume_v1_ListVolumesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  listVolumes(argument: _strato_volume_v1_ListVolumesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  listVolumes(argument: _strato_volume_v1_ListVolumesRequest, callback: grpc.requestCallback<_strato_volume_v1_ListVolumesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * UpdateVolume renames a volume and/or sets its description (fields left
   * absent are kept; description "" clears it). Legal in every status but
   * deleting. Idempotent. Errors: NOT_FOUND (VOLUME_NOT_FOUND);
   * INVALID_ARGUMENT (NAME_INVALID, DESCRIPTION_INVALID); FAILED_PRECONDITION
   * (INVALID_STATE: deleting).
   */
  UpdateVolume(argument: _strato_volume_v1_UpdateVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  UpdateVolume(argument: _strato_volume_v1_UpdateVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  UpdateVolume(argument: _strato_volume_v1_UpdateVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  UpdateVolume(argument: _strato_volume_v1_UpdateVolumeRequest, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  /**
   * UpdateVolume renames a volume and/or sets its description (fields left
   * absent are kept; description "" clears it). Legal in every status but
   * deleting. Idempotent. Errors: NOT_FOUND (VOLUME_NOT_FOUND);
   * INVALID_ARGUMENT (NAME_INVALID, DESCRIPTION_INVALID); FAILED_PRECONDITION
   * (INVALID_STATE: deleting).
   */
  updateVolume(argument: _strato_volume_v1_UpdateVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  updateVolume(argument: _strato_volume_v1_UpdateVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  updateVolume(argument: _strato_volume_v1_UpdateVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  updateVolume(argument: _strato_volume_v1_UpdateVolumeRequest, callback: grpc.requestCallback<_strato_volume_v1_Volume__Output>): grpc.ClientUnaryCall;
  
}

export interface VolumesHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateVolume records the volume and places it on a storage host in one
   * step: the scheduler claims `size_gib` on an up, enabled storage host with
   * that much free capacity (of `backend` if given, else either), atomically,
   * so concurrent creates never over-allocate. It returns the volume in
   * `creating` (or `downloading` for an image); the host then makes it and it
   * becomes `available`, or `error` with the fault (a failed copy leaves
   * nothing on the host; delete the record). Not idempotent.
   * 
   * Sources (at most one): an image (active, visible to the caller; copied
   * into the volume with its format named, so nothing in it is probed; status
   * downloading with progress_percent), a snapshot (available; the volume is
   * made on the snapshot's host, from its data) or another volume
   * (`source_volume`, available: a copy made on the same host; to copy an
   * attached volume, snapshot it with force and create from the snapshot).
   * size_gib 0 with a snapshot or a source volume means the source's size;
   * otherwise 1 to 65536, at least the source's size (an image's virtual
   * size, rounded up to a GiB).
   * 
   * Errors: INVALID_ARGUMENT (NAME_INVALID; DESCRIPTION_INVALID: over 255
   * characters or control characters; SIZE_INVALID: 0 without a snapshot or
   * source volume to size from, or above 65536, field size_gib;
   * SIZE_BELOW_SOURCE: smaller than the source, details.min_size_gib;
   * BACKEND_INVALID: not "", "lvm" or "file"; BACKEND_CONFLICT: a backend
   * other than the snapshot's or source volume's); NOT_FOUND
   * (IMAGE_NOT_FOUND, also another project's private image;
   * SNAPSHOT_NOT_FOUND; VOLUME_NOT_FOUND for source_volume);
   * FAILED_PRECONDITION (IMAGE_NOT_ACTIVE; SNAPSHOT_NOT_AVAILABLE and
   * VOLUME_NOT_AVAILABLE: the source is in another status, details.status;
   * VOLUME_IN_USE: the source volume is attached, details.server_id;
   * SNAPSHOTS_UNSUPPORTED: a snapshot or volume source on a host that cannot
   * copy volumes, e.g. LVM without device-mapper, the message says why;
   * NO_STORAGE_HOST: no storage host of that backend is registered);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY: no up, enabled storage host
   * has size_gib free, details.largest_free_gib; for a snapshot or source
   * volume, its host has not); UNAVAILABLE (STORAGE_UNAVAILABLE: storage hosts
   * of that backend exist but none is up: retry later).
   */
  CreateVolume: grpc.handleUnaryCall<_strato_volume_v1_CreateVolumeRequest__Output, _strato_volume_v1_Volume>;
  
  /**
   * DeleteVolume starts deleting (status deleting): the storage host wipes the
   * volume's bytes (per its policy, normally zeros) and removes it, then the
   * record disappears and its capacity is released. Legal in available and
   * error. Idempotent while deleting (returns the volume as it is).
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); FAILED_PRECONDITION (VOLUME_IN_USE:
   * attached, details.server_id names the server: detach it first, or delete
   * the server; VOLUME_HAS_SNAPSHOTS: details.snapshot_ids names them, up to 10,
   * delete them first; INVALID_STATE: creating, downloading, attaching,
   * detaching or extending, retry when it settles).
   */
  DeleteVolume: grpc.handleUnaryCall<_strato_volume_v1_DeleteVolumeRequest__Output, _strato_volume_v1_Volume>;
  
  /**
   * ExtendVolume grows a volume to new_size_gib (grow only: the new space
   * reads as zeros), in `available` or `in-use`: status extending meanwhile,
   * then back to the status it had. An attached volume grows while the guest
   * runs: its storage host grows the backing store and re-exports it at the
   * new size, then the server's host resizes the disk (the guest's kernel
   * notices a virtio disk's new size by itself, with no I/O error); a server
   * that is not running sees the new size at its next start. The extra size is
   * claimed on the volume's host at once (atomically, as in CreateVolume). A
   * failed extend returns the volume to its status at its old size, with the
   * failure in `fault`; when only the server's host could not resize the disk
   * (the volume did grow), the volume keeps its new size and `fault` says the
   * guest sees it at its next start. Extending to the current size succeeds
   * without change (so a retried call succeeds).
   * Errors: NOT_FOUND (VOLUME_NOT_FOUND); INVALID_ARGUMENT (SIZE_INVALID:
   * above 65536, field new_size_gib; VOLUME_SHRINK_REFUSED: below the current
   * size, field new_size_gib, details.size_gib); FAILED_PRECONDITION
   * (INVALID_STATE); RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY: the volume's
   * host has not that much free, details.free_gib).
   */
  ExtendVolume: grpc.handleUnaryCall<_strato_volume_v1_ExtendVolumeRequest__Output, _strato_volume_v1_Volume>;
  
  /**
   * GetVolume by id or name. Errors: NOT_FOUND (VOLUME_NOT_FOUND);
   * FAILED_PRECONDITION (VOLUME_NAME_AMBIGUOUS).
   */
  GetVolume: grpc.handleUnaryCall<_strato_volume_v1_GetVolumeRequest__Output, _strato_volume_v1_Volume>;
  
  /**
   * ListVolumeBackends (admins only): every storage host with its backend and
   * capacity, ordered by host id, paginated. Errors: PERMISSION_DENIED
   * (ADMIN_REQUIRED); INVALID_ARGUMENT (PAGE_SIZE_INVALID, PAGE_TOKEN_INVALID).
   */
  ListVolumeBackends: grpc.handleUnaryCall<_strato_volume_v1_ListVolumeBackendsRequest__Output, _strato_volume_v1_ListVolumeBackendsResponse>;
  
  /**
   * ListVolumes of the caller's project (every project's for admins asking
   * for it), paginated, ordered by name then id (by id with all_projects).
   */
  ListVolumes: grpc.handleUnaryCall<_strato_volume_v1_ListVolumesRequest__Output, _strato_volume_v1_ListVolumesResponse>;
  
  /**
   * UpdateVolume renames a volume and/or sets its description (fields left
   * absent are kept; description "" clears it). Legal in every status but
   * deleting. Idempotent. Errors: NOT_FOUND (VOLUME_NOT_FOUND);
   * INVALID_ARGUMENT (NAME_INVALID, DESCRIPTION_INVALID); FAILED_PRECONDITION
   * (INVALID_STATE: deleting).
   */
  UpdateVolume: grpc.handleUnaryCall<_strato_volume_v1_UpdateVolumeRequest__Output, _strato_volume_v1_Volume>;
  
}

export interface VolumesDefinition extends grpc.ServiceDefinition {
  CreateVolume: MethodDefinition<_strato_volume_v1_CreateVolumeRequest, _strato_volume_v1_Volume, _strato_volume_v1_CreateVolumeRequest__Output, _strato_volume_v1_Volume__Output>
  DeleteVolume: MethodDefinition<_strato_volume_v1_DeleteVolumeRequest, _strato_volume_v1_Volume, _strato_volume_v1_DeleteVolumeRequest__Output, _strato_volume_v1_Volume__Output>
  ExtendVolume: MethodDefinition<_strato_volume_v1_ExtendVolumeRequest, _strato_volume_v1_Volume, _strato_volume_v1_ExtendVolumeRequest__Output, _strato_volume_v1_Volume__Output>
  GetVolume: MethodDefinition<_strato_volume_v1_GetVolumeRequest, _strato_volume_v1_Volume, _strato_volume_v1_GetVolumeRequest__Output, _strato_volume_v1_Volume__Output>
  ListVolumeBackends: MethodDefinition<_strato_volume_v1_ListVolumeBackendsRequest, _strato_volume_v1_ListVolumeBackendsResponse, _strato_volume_v1_ListVolumeBackendsRequest__Output, _strato_volume_v1_ListVolumeBackendsResponse__Output>
  ListVolumes: MethodDefinition<_strato_volume_v1_ListVolumesRequest, _strato_volume_v1_ListVolumesResponse, _strato_volume_v1_ListVolumesRequest__Output, _strato_volume_v1_ListVolumesResponse__Output>
  UpdateVolume: MethodDefinition<_strato_volume_v1_UpdateVolumeRequest, _strato_volume_v1_Volume, _strato_volume_v1_UpdateVolumeRequest__Output, _strato_volume_v1_Volume__Output>
}
