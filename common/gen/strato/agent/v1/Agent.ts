// Original file: strato/agent/v1/agent.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AbortMigrationRequest as _strato_agent_v1_AbortMigrationRequest, AbortMigrationRequest__Output as _strato_agent_v1_AbortMigrationRequest__Output } from '../../../strato/agent/v1/AbortMigrationRequest.ts';
import type { AttachVolumeRequest as _strato_agent_v1_AttachVolumeRequest, AttachVolumeRequest__Output as _strato_agent_v1_AttachVolumeRequest__Output } from '../../../strato/agent/v1/AttachVolumeRequest.ts';
import type { AttachVolumeResponse as _strato_agent_v1_AttachVolumeResponse, AttachVolumeResponse__Output as _strato_agent_v1_AttachVolumeResponse__Output } from '../../../strato/agent/v1/AttachVolumeResponse.ts';
import type { ConsoleInput as _strato_agent_v1_ConsoleInput, ConsoleInput__Output as _strato_agent_v1_ConsoleInput__Output } from '../../../strato/agent/v1/ConsoleInput.ts';
import type { ConsoleOutput as _strato_agent_v1_ConsoleOutput, ConsoleOutput__Output as _strato_agent_v1_ConsoleOutput__Output } from '../../../strato/agent/v1/ConsoleOutput.ts';
import type { DeleteInstanceRequest as _strato_agent_v1_DeleteInstanceRequest, DeleteInstanceRequest__Output as _strato_agent_v1_DeleteInstanceRequest__Output } from '../../../strato/agent/v1/DeleteInstanceRequest.ts';
import type { DeleteInstanceResponse as _strato_agent_v1_DeleteInstanceResponse, DeleteInstanceResponse__Output as _strato_agent_v1_DeleteInstanceResponse__Output } from '../../../strato/agent/v1/DeleteInstanceResponse.ts';
import type { DetachVolumeRequest as _strato_agent_v1_DetachVolumeRequest, DetachVolumeRequest__Output as _strato_agent_v1_DetachVolumeRequest__Output } from '../../../strato/agent/v1/DetachVolumeRequest.ts';
import type { DetachVolumeResponse as _strato_agent_v1_DetachVolumeResponse, DetachVolumeResponse__Output as _strato_agent_v1_DetachVolumeResponse__Output } from '../../../strato/agent/v1/DetachVolumeResponse.ts';
import type { ExportRootDiskChunk as _strato_agent_v1_ExportRootDiskChunk, ExportRootDiskChunk__Output as _strato_agent_v1_ExportRootDiskChunk__Output } from '../../../strato/agent/v1/ExportRootDiskChunk.ts';
import type { ExportRootDiskRequest as _strato_agent_v1_ExportRootDiskRequest, ExportRootDiskRequest__Output as _strato_agent_v1_ExportRootDiskRequest__Output } from '../../../strato/agent/v1/ExportRootDiskRequest.ts';
import type { GetConsoleLogRequest as _strato_agent_v1_GetConsoleLogRequest, GetConsoleLogRequest__Output as _strato_agent_v1_GetConsoleLogRequest__Output } from '../../../strato/agent/v1/GetConsoleLogRequest.ts';
import type { GetConsoleLogResponse as _strato_agent_v1_GetConsoleLogResponse, GetConsoleLogResponse__Output as _strato_agent_v1_GetConsoleLogResponse__Output } from '../../../strato/agent/v1/GetConsoleLogResponse.ts';
import type { GetInstanceRequest as _strato_agent_v1_GetInstanceRequest, GetInstanceRequest__Output as _strato_agent_v1_GetInstanceRequest__Output } from '../../../strato/agent/v1/GetInstanceRequest.ts';
import type { GetMigrationRequest as _strato_agent_v1_GetMigrationRequest, GetMigrationRequest__Output as _strato_agent_v1_GetMigrationRequest__Output } from '../../../strato/agent/v1/GetMigrationRequest.ts';
import type { InstanceActionRequest as _strato_agent_v1_InstanceActionRequest, InstanceActionRequest__Output as _strato_agent_v1_InstanceActionRequest__Output } from '../../../strato/agent/v1/InstanceActionRequest.ts';
import type { InstanceStatus as _strato_agent_v1_InstanceStatus, InstanceStatus__Output as _strato_agent_v1_InstanceStatus__Output } from '../../../strato/agent/v1/InstanceStatus.ts';
import type { ListInstancesRequest as _strato_agent_v1_ListInstancesRequest, ListInstancesRequest__Output as _strato_agent_v1_ListInstancesRequest__Output } from '../../../strato/agent/v1/ListInstancesRequest.ts';
import type { ListInstancesResponse as _strato_agent_v1_ListInstancesResponse, ListInstancesResponse__Output as _strato_agent_v1_ListInstancesResponse__Output } from '../../../strato/agent/v1/ListInstancesResponse.ts';
import type { MigrationStatus as _strato_agent_v1_MigrationStatus, MigrationStatus__Output as _strato_agent_v1_MigrationStatus__Output } from '../../../strato/agent/v1/MigrationStatus.ts';
import type { PrepareIncomingRequest as _strato_agent_v1_PrepareIncomingRequest, PrepareIncomingRequest__Output as _strato_agent_v1_PrepareIncomingRequest__Output } from '../../../strato/agent/v1/PrepareIncomingRequest.ts';
import type { PrepareIncomingResponse as _strato_agent_v1_PrepareIncomingResponse, PrepareIncomingResponse__Output as _strato_agent_v1_PrepareIncomingResponse__Output } from '../../../strato/agent/v1/PrepareIncomingResponse.ts';
import type { RefreshVolumeSizeRequest as _strato_agent_v1_RefreshVolumeSizeRequest, RefreshVolumeSizeRequest__Output as _strato_agent_v1_RefreshVolumeSizeRequest__Output } from '../../../strato/agent/v1/RefreshVolumeSizeRequest.ts';
import type { RefreshVolumeSizeResponse as _strato_agent_v1_RefreshVolumeSizeResponse, RefreshVolumeSizeResponse__Output as _strato_agent_v1_RefreshVolumeSizeResponse__Output } from '../../../strato/agent/v1/RefreshVolumeSizeResponse.ts';
import type { ResizeInstanceRequest as _strato_agent_v1_ResizeInstanceRequest, ResizeInstanceRequest__Output as _strato_agent_v1_ResizeInstanceRequest__Output } from '../../../strato/agent/v1/ResizeInstanceRequest.ts';
import type { SpawnInstanceRequest as _strato_agent_v1_SpawnInstanceRequest, SpawnInstanceRequest__Output as _strato_agent_v1_SpawnInstanceRequest__Output } from '../../../strato/agent/v1/SpawnInstanceRequest.ts';
import type { StartMigrationRequest as _strato_agent_v1_StartMigrationRequest, StartMigrationRequest__Output as _strato_agent_v1_StartMigrationRequest__Output } from '../../../strato/agent/v1/StartMigrationRequest.ts';

export interface AgentClient extends grpc.Client {
  /**
   * AbortMigration cancels a running migration: the guest keeps running on
   * the source and the destination has no domain. Aborting one that already
   * failed or was cancelled succeeds. Errors: FAILED_PRECONDITION
   * (MIGRATION_COMPLETED: too late, the guest is on the destination);
   * NOT_FOUND (MIGRATION_NOT_FOUND).
   */
  AbortMigration(argument: _strato_agent_v1_AbortMigrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  AbortMigration(argument: _strato_agent_v1_AbortMigrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  AbortMigration(argument: _strato_agent_v1_AbortMigrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  AbortMigration(argument: _strato_agent_v1_AbortMigrationRequest, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  /**
   * AbortMigration cancels a running migration: the guest keeps running on
   * the source and the destination has no domain. Aborting one that already
   * failed or was cancelled succeeds. Errors: FAILED_PRECONDITION
   * (MIGRATION_COMPLETED: too late, the guest is on the destination);
   * NOT_FOUND (MIGRATION_NOT_FOUND).
   */
  abortMigration(argument: _strato_agent_v1_AbortMigrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  abortMigration(argument: _strato_agent_v1_AbortMigrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  abortMigration(argument: _strato_agent_v1_AbortMigrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  abortMigration(argument: _strato_agent_v1_AbortMigrationRequest, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  
  /**
   * AttachConsole is an interactive session on the instance's serial console
   * (ttyS0). The first message names the instance (instance_id; data in it
   * is typed too); the data of every message is typed into the guest, at
   * most 64 KiB a message; the answers carry what the guest prints, as is.
   * The guest's console file log (GetConsoleLog) keeps recording meanwhile.
   * One session per instance, the newest wins: an attach takes the console
   * over and the older session ends (OK). The session ends OK when the
   * caller half-closes, when the guest stops or when another session takes
   * over; cancelling the call releases the console at once. Not idempotent.
   * Errors: INVALID_ARGUMENT (INVALID_INSTANCE_ID, field instance_id;
   * CONSOLE_INPUT_TOO_LARGE, field data); NOT_FOUND (no such domain on this
   * host); FAILED_PRECONDITION (NOT_RUNNING); PERMISSION_DENIED (not the
   * conductor).
   */
  AttachConsole(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_strato_agent_v1_ConsoleInput, _strato_agent_v1_ConsoleOutput__Output>;
  AttachConsole(options?: grpc.CallOptions): grpc.ClientDuplexStream<_strato_agent_v1_ConsoleInput, _strato_agent_v1_ConsoleOutput__Output>;
  /**
   * AttachConsole is an interactive session on the instance's serial console
   * (ttyS0). The first message names the instance (instance_id; data in it
   * is typed too); the data of every message is typed into the guest, at
   * most 64 KiB a message; the answers carry what the guest prints, as is.
   * The guest's console file log (GetConsoleLog) keeps recording meanwhile.
   * One session per instance, the newest wins: an attach takes the console
   * over and the older session ends (OK). The session ends OK when the
   * caller half-closes, when the guest stops or when another session takes
   * over; cancelling the call releases the console at once. Not idempotent.
   * Errors: INVALID_ARGUMENT (INVALID_INSTANCE_ID, field instance_id;
   * CONSOLE_INPUT_TOO_LARGE, field data); NOT_FOUND (no such domain on this
   * host); FAILED_PRECONDITION (NOT_RUNNING); PERMISSION_DENIED (not the
   * conductor).
   */
  attachConsole(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_strato_agent_v1_ConsoleInput, _strato_agent_v1_ConsoleOutput__Output>;
  attachConsole(options?: grpc.CallOptions): grpc.ClientDuplexStream<_strato_agent_v1_ConsoleInput, _strato_agent_v1_ConsoleOutput__Output>;
  
  /**
   * AttachVolume hot-plugs an iSCSI volume into a defined instance (running:
   * into the live domain and its persistent definition; shut off: the
   * definition only) as a virtio disk whose serial is the volume id (the guest
   * sees its first 20 characters), raw format named, through QEMU's own iSCSI
   * initiator presenting `initiator_name` and CHAP from a libvirt secret the
   * agent creates for the volume (usage `strato-volume-<volume id>`). The
   * storage host has exported the volume to this host (AgentStorage.
   * ExportVolume) first. Attaching a volume the instance already has at the
   * same device succeeds without change (and puts the CHAP secret back if the
   * host lost it); the domain's metadata records the volume so a restarted
   * agent knows it. A failed attach leaves no disk and no secret behind.
   * Errors: NOT_FOUND (INSTANCE_NOT_FOUND); INVALID_ARGUMENT (INVALID_VOLUME_SPEC:
   * bad volume spec, field named, e.g. volume.portal; the CHAP secret is never
   * quoted); FAILED_PRECONDITION (DEVICE_IN_USE: another disk holds the device
   * name; VOLUME_ATTACHED_ELSEWHERE: this instance has the volume at another
   * device; VOLUME_IN_USE: another instance on this host has it); UNAVAILABLE
   * (VOLUME_UNREACHABLE: the target refused or did not answer the login: the
   * message carries QEMU's words); INTERNAL (the hypervisor refused).
   */
  AttachVolume(argument: _strato_agent_v1_AttachVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_AttachVolumeResponse__Output>): grpc.ClientUnaryCall;
  AttachVolume(argument: _strato_agent_v1_AttachVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_AttachVolumeResponse__Output>): grpc.ClientUnaryCall;
  AttachVolume(argument: _strato_agent_v1_AttachVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_AttachVolumeResponse__Output>): grpc.ClientUnaryCall;
  AttachVolume(argument: _strato_agent_v1_AttachVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_AttachVolumeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * AttachVolume hot-plugs an iSCSI volume into a defined instance (running:
   * into the live domain and its persistent definition; shut off: the
   * definition only) as a virtio disk whose serial is the volume id (the guest
   * sees its first 20 characters), raw format named, through QEMU's own iSCSI
   * initiator presenting `initiator_name` and CHAP from a libvirt secret the
   * agent creates for the volume (usage `strato-volume-<volume id>`). The
   * storage host has exported the volume to this host (AgentStorage.
   * ExportVolume) first. Attaching a volume the instance already has at the
   * same device succeeds without change (and puts the CHAP secret back if the
   * host lost it); the domain's metadata records the volume so a restarted
   * agent knows it. A failed attach leaves no disk and no secret behind.
   * Errors: NOT_FOUND (INSTANCE_NOT_FOUND); INVALID_ARGUMENT (INVALID_VOLUME_SPEC:
   * bad volume spec, field named, e.g. volume.portal; the CHAP secret is never
   * quoted); FAILED_PRECONDITION (DEVICE_IN_USE: another disk holds the device
   * name; VOLUME_ATTACHED_ELSEWHERE: this instance has the volume at another
   * device; VOLUME_IN_USE: another instance on this host has it); UNAVAILABLE
   * (VOLUME_UNREACHABLE: the target refused or did not answer the login: the
   * message carries QEMU's words); INTERNAL (the hypervisor refused).
   */
  attachVolume(argument: _strato_agent_v1_AttachVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_AttachVolumeResponse__Output>): grpc.ClientUnaryCall;
  attachVolume(argument: _strato_agent_v1_AttachVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_AttachVolumeResponse__Output>): grpc.ClientUnaryCall;
  attachVolume(argument: _strato_agent_v1_AttachVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_AttachVolumeResponse__Output>): grpc.ClientUnaryCall;
  attachVolume(argument: _strato_agent_v1_AttachVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_AttachVolumeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteInstance destroys and undefines the domain and removes its overlay,
   * config drive and console log. Deleting an absent instance succeeds.
   */
  DeleteInstance(argument: _strato_agent_v1_DeleteInstanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteInstanceResponse__Output>): grpc.ClientUnaryCall;
  DeleteInstance(argument: _strato_agent_v1_DeleteInstanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_DeleteInstanceResponse__Output>): grpc.ClientUnaryCall;
  DeleteInstance(argument: _strato_agent_v1_DeleteInstanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteInstanceResponse__Output>): grpc.ClientUnaryCall;
  DeleteInstance(argument: _strato_agent_v1_DeleteInstanceRequest, callback: grpc.requestCallback<_strato_agent_v1_DeleteInstanceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteInstance destroys and undefines the domain and removes its overlay,
   * config drive and console log. Deleting an absent instance succeeds.
   */
  deleteInstance(argument: _strato_agent_v1_DeleteInstanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteInstanceResponse__Output>): grpc.ClientUnaryCall;
  deleteInstance(argument: _strato_agent_v1_DeleteInstanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_DeleteInstanceResponse__Output>): grpc.ClientUnaryCall;
  deleteInstance(argument: _strato_agent_v1_DeleteInstanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DeleteInstanceResponse__Output>): grpc.ClientUnaryCall;
  deleteInstance(argument: _strato_agent_v1_DeleteInstanceRequest, callback: grpc.requestCallback<_strato_agent_v1_DeleteInstanceResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DetachVolume unplugs the volume's disk (live and persistent), waits for
   * the guest to release it (the device-removed event) up to `timeout_s`, then
   * removes the volume's libvirt secret. Detaching a volume the instance does
   * not have, or from an instance that is gone, succeeds (and still removes a
   * leftover secret, unless another instance on this host records the
   * volume). Errors: DEADLINE_EXCEEDED (DETACH_TIMEOUT: the guest did not
   * release the disk; it stays attached and the call may be repeated);
   * FAILED_PRECONDITION (ROOT_VOLUME: the root disk of a boot from volume goes
   * with the instance); INVALID_ARGUMENT (volume_id not a UUID); INTERNAL (the
   * hypervisor refused).
   */
  DetachVolume(argument: _strato_agent_v1_DetachVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DetachVolumeResponse__Output>): grpc.ClientUnaryCall;
  DetachVolume(argument: _strato_agent_v1_DetachVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_DetachVolumeResponse__Output>): grpc.ClientUnaryCall;
  DetachVolume(argument: _strato_agent_v1_DetachVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DetachVolumeResponse__Output>): grpc.ClientUnaryCall;
  DetachVolume(argument: _strato_agent_v1_DetachVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_DetachVolumeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DetachVolume unplugs the volume's disk (live and persistent), waits for
   * the guest to release it (the device-removed event) up to `timeout_s`, then
   * removes the volume's libvirt secret. Detaching a volume the instance does
   * not have, or from an instance that is gone, succeeds (and still removes a
   * leftover secret, unless another instance on this host records the
   * volume). Errors: DEADLINE_EXCEEDED (DETACH_TIMEOUT: the guest did not
   * release the disk; it stays attached and the call may be repeated);
   * FAILED_PRECONDITION (ROOT_VOLUME: the root disk of a boot from volume goes
   * with the instance); INVALID_ARGUMENT (volume_id not a UUID); INTERNAL (the
   * hypervisor refused).
   */
  detachVolume(argument: _strato_agent_v1_DetachVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DetachVolumeResponse__Output>): grpc.ClientUnaryCall;
  detachVolume(argument: _strato_agent_v1_DetachVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_DetachVolumeResponse__Output>): grpc.ClientUnaryCall;
  detachVolume(argument: _strato_agent_v1_DetachVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DetachVolumeResponse__Output>): grpc.ClientUnaryCall;
  detachVolume(argument: _strato_agent_v1_DetachVolumeRequest, callback: grpc.requestCallback<_strato_agent_v1_DetachVolumeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ExportRootDisk streams the instance's root disk as one flattened qcow2
   * (no backing file: the overlay and its cached base merged by
   * `qemu-img convert`), in chunks of at most 1 MiB, for a server snapshot
   * (strato.compute.v1.Servers CreateServerImage). A consistent point in
   * time: a running guest is paused while its overlay is copied (the base
   * never changes), then resumed before the slow merge, so its pause lasts
   * the copy of what it wrote, not the whole disk; a paused guest stays
   * paused; a stopped one is read as it is. The first message carries the
   * total size, the last the sha256 of the stream (hashed as it is sent, so
   * the file is read once); the conductor checks both. Another operation on
   * the instance (an action, a delete, another export) waits for the copy
   * and flatten, and they for it. The agent keeps nothing: the working
   * copies go when the stream ends, however it ends. Idempotent (read-only
   * for the guest): repeating it exports again. Errors: NOT_FOUND
   * (INSTANCE_NOT_FOUND); FAILED_PRECONDITION (NO_LOCAL_ROOT_DISK: booted
   * from a volume); RESOURCE_EXHAUSTED (HOST_DISK_FULL: no room on the host
   * for the working copies beside the disk reserve); INTERNAL
   * (QEMU_IMG_FAILED: qemu-img's words).
   */
  ExportRootDisk(argument: _strato_agent_v1_ExportRootDiskRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_strato_agent_v1_ExportRootDiskChunk__Output>;
  ExportRootDisk(argument: _strato_agent_v1_ExportRootDiskRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_strato_agent_v1_ExportRootDiskChunk__Output>;
  /**
   * ExportRootDisk streams the instance's root disk as one flattened qcow2
   * (no backing file: the overlay and its cached base merged by
   * `qemu-img convert`), in chunks of at most 1 MiB, for a server snapshot
   * (strato.compute.v1.Servers CreateServerImage). A consistent point in
   * time: a running guest is paused while its overlay is copied (the base
   * never changes), then resumed before the slow merge, so its pause lasts
   * the copy of what it wrote, not the whole disk; a paused guest stays
   * paused; a stopped one is read as it is. The first message carries the
   * total size, the last the sha256 of the stream (hashed as it is sent, so
   * the file is read once); the conductor checks both. Another operation on
   * the instance (an action, a delete, another export) waits for the copy
   * and flatten, and they for it. The agent keeps nothing: the working
   * copies go when the stream ends, however it ends. Idempotent (read-only
   * for the guest): repeating it exports again. Errors: NOT_FOUND
   * (INSTANCE_NOT_FOUND); FAILED_PRECONDITION (NO_LOCAL_ROOT_DISK: booted
   * from a volume); RESOURCE_EXHAUSTED (HOST_DISK_FULL: no room on the host
   * for the working copies beside the disk reserve); INTERNAL
   * (QEMU_IMG_FAILED: qemu-img's words).
   */
  exportRootDisk(argument: _strato_agent_v1_ExportRootDiskRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_strato_agent_v1_ExportRootDiskChunk__Output>;
  exportRootDisk(argument: _strato_agent_v1_ExportRootDiskRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_strato_agent_v1_ExportRootDiskChunk__Output>;
  
  /**
   * GetConsoleLog returns the last lines of the serial console log.
   * Errors: NOT_FOUND.
   */
  GetConsoleLog(argument: _strato_agent_v1_GetConsoleLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  GetConsoleLog(argument: _strato_agent_v1_GetConsoleLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  GetConsoleLog(argument: _strato_agent_v1_GetConsoleLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  GetConsoleLog(argument: _strato_agent_v1_GetConsoleLogRequest, callback: grpc.requestCallback<_strato_agent_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetConsoleLog returns the last lines of the serial console log.
   * Errors: NOT_FOUND.
   */
  getConsoleLog(argument: _strato_agent_v1_GetConsoleLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  getConsoleLog(argument: _strato_agent_v1_GetConsoleLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  getConsoleLog(argument: _strato_agent_v1_GetConsoleLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  getConsoleLog(argument: _strato_agent_v1_GetConsoleLogRequest, callback: grpc.requestCallback<_strato_agent_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetInstance reports the actual state. Errors: NOT_FOUND.
   */
  GetInstance(argument: _strato_agent_v1_GetInstanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  GetInstance(argument: _strato_agent_v1_GetInstanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  GetInstance(argument: _strato_agent_v1_GetInstanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  GetInstance(argument: _strato_agent_v1_GetInstanceRequest, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  /**
   * GetInstance reports the actual state. Errors: NOT_FOUND.
   */
  getInstance(argument: _strato_agent_v1_GetInstanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  getInstance(argument: _strato_agent_v1_GetInstanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  getInstance(argument: _strato_agent_v1_GetInstanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  getInstance(argument: _strato_agent_v1_GetInstanceRequest, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetMigration reports a migration this agent started: running (with
   * progress), completed, failed or cancelled. NOT_FOUND (MIGRATION_NOT_FOUND)
   * when this agent does not know it (it restarted): the conductor then
   * decides by where the domain is (GetInstance on both hosts). Progress
   * figures are libvirt's job statistics (bytes); downtime_ms is set once
   * COMPLETED (live); a cold migration reports 0.
   */
  GetMigration(argument: _strato_agent_v1_GetMigrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  GetMigration(argument: _strato_agent_v1_GetMigrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  GetMigration(argument: _strato_agent_v1_GetMigrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  GetMigration(argument: _strato_agent_v1_GetMigrationRequest, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  /**
   * GetMigration reports a migration this agent started: running (with
   * progress), completed, failed or cancelled. NOT_FOUND (MIGRATION_NOT_FOUND)
   * when this agent does not know it (it restarted): the conductor then
   * decides by where the domain is (GetInstance on both hosts). Progress
   * figures are libvirt's job statistics (bytes); downtime_ms is set once
   * COMPLETED (live); a cold migration reports 0.
   */
  getMigration(argument: _strato_agent_v1_GetMigrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  getMigration(argument: _strato_agent_v1_GetMigrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  getMigration(argument: _strato_agent_v1_GetMigrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  getMigration(argument: _strato_agent_v1_GetMigrationRequest, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  
  /**
   * InstanceAction: start, stop, reboot, pause, unpause, suspend, resume.
   * stop and reboot without `hard` use ACPI and fall back to a hard action
   * after `acpi_timeout_s`. Acting on an instance already in the target power
   * state succeeds (so unpause of a running guest is a no-op and retries are
   * safe). Errors: NOT_FOUND; FAILED_PRECONDITION (e.g. unpause or suspend of a
   * stopped guest; VOLUME_SECRET_MISSING: a start needs a volume's CHAP secret,
   * which this host lost (libvirtd keeps it in memory only, and this agent
   * restarted too): repeat the volume's AttachVolume, then the start);
   * UNAVAILABLE (VOLUME_UNREACHABLE: a volume's target refused the login).
   */
  InstanceAction(argument: _strato_agent_v1_InstanceActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  InstanceAction(argument: _strato_agent_v1_InstanceActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  InstanceAction(argument: _strato_agent_v1_InstanceActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  InstanceAction(argument: _strato_agent_v1_InstanceActionRequest, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  /**
   * InstanceAction: start, stop, reboot, pause, unpause, suspend, resume.
   * stop and reboot without `hard` use ACPI and fall back to a hard action
   * after `acpi_timeout_s`. Acting on an instance already in the target power
   * state succeeds (so unpause of a running guest is a no-op and retries are
   * safe). Errors: NOT_FOUND; FAILED_PRECONDITION (e.g. unpause or suspend of a
   * stopped guest; VOLUME_SECRET_MISSING: a start needs a volume's CHAP secret,
   * which this host lost (libvirtd keeps it in memory only, and this agent
   * restarted too): repeat the volume's AttachVolume, then the start);
   * UNAVAILABLE (VOLUME_UNREACHABLE: a volume's target refused the login).
   */
  instanceAction(argument: _strato_agent_v1_InstanceActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  instanceAction(argument: _strato_agent_v1_InstanceActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  instanceAction(argument: _strato_agent_v1_InstanceActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  instanceAction(argument: _strato_agent_v1_InstanceActionRequest, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListInstances reports every strato instance on the host.
   */
  ListInstances(argument: _strato_agent_v1_ListInstancesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ListInstancesResponse__Output>): grpc.ClientUnaryCall;
  ListInstances(argument: _strato_agent_v1_ListInstancesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_ListInstancesResponse__Output>): grpc.ClientUnaryCall;
  ListInstances(argument: _strato_agent_v1_ListInstancesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ListInstancesResponse__Output>): grpc.ClientUnaryCall;
  ListInstances(argument: _strato_agent_v1_ListInstancesRequest, callback: grpc.requestCallback<_strato_agent_v1_ListInstancesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListInstances reports every strato instance on the host.
   */
  listInstances(argument: _strato_agent_v1_ListInstancesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ListInstancesResponse__Output>): grpc.ClientUnaryCall;
  listInstances(argument: _strato_agent_v1_ListInstancesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_ListInstancesResponse__Output>): grpc.ClientUnaryCall;
  listInstances(argument: _strato_agent_v1_ListInstancesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ListInstancesResponse__Output>): grpc.ClientUnaryCall;
  listInstances(argument: _strato_agent_v1_ListInstancesRequest, callback: grpc.requestCallback<_strato_agent_v1_ListInstancesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * PrepareIncoming readies this host (the destination) to receive an
   * instance: the image is fetched into the cache (sha256 verified), an empty
   * root overlay of the same virtual size as the source's (`spec.flavor`'s
   * disk) and the config drive are created at this host's instance paths,
   * volume secrets are set (the request's `spec.volumes` and
   * `spec.boot_volume`, exported by their storage host to this host as well
   * before the call), and each port's tap is wired on its bridge (the
   * conductor pushed this host's network state, with the ports, first). No
   * domain is defined: the migration brings it. The answer says where this
   * host's hypervisor listens for migrations and where the instance's files
   * are here; the conductor passes it to StartMigration without looking
   * inside. Idempotent (a repeat answers the same; while no domain exists it
   * recreates the files). Errors: INVALID_ARGUMENT (bad spec, field named;
   * INVALID_MIGRATION_REQUEST: migration_id not a UUID); RESOURCE_EXHAUSTED
   * (no room for the disk);
   * DATA_LOSS (IMAGE_CHECKSUM_MISMATCH); FAILED_PRECONDITION
   * (INSTANCE_EXISTS: a domain for this instance is defined on this host);
   * UNAVAILABLE (image source or hypervisor unreachable).
   */
  PrepareIncoming(argument: _strato_agent_v1_PrepareIncomingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_PrepareIncomingResponse__Output>): grpc.ClientUnaryCall;
  PrepareIncoming(argument: _strato_agent_v1_PrepareIncomingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_PrepareIncomingResponse__Output>): grpc.ClientUnaryCall;
  PrepareIncoming(argument: _strato_agent_v1_PrepareIncomingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_PrepareIncomingResponse__Output>): grpc.ClientUnaryCall;
  PrepareIncoming(argument: _strato_agent_v1_PrepareIncomingRequest, callback: grpc.requestCallback<_strato_agent_v1_PrepareIncomingResponse__Output>): grpc.ClientUnaryCall;
  /**
   * PrepareIncoming readies this host (the destination) to receive an
   * instance: the image is fetched into the cache (sha256 verified), an empty
   * root overlay of the same virtual size as the source's (`spec.flavor`'s
   * disk) and the config drive are created at this host's instance paths,
   * volume secrets are set (the request's `spec.volumes` and
   * `spec.boot_volume`, exported by their storage host to this host as well
   * before the call), and each port's tap is wired on its bridge (the
   * conductor pushed this host's network state, with the ports, first). No
   * domain is defined: the migration brings it. The answer says where this
   * host's hypervisor listens for migrations and where the instance's files
   * are here; the conductor passes it to StartMigration without looking
   * inside. Idempotent (a repeat answers the same; while no domain exists it
   * recreates the files). Errors: INVALID_ARGUMENT (bad spec, field named;
   * INVALID_MIGRATION_REQUEST: migration_id not a UUID); RESOURCE_EXHAUSTED
   * (no room for the disk);
   * DATA_LOSS (IMAGE_CHECKSUM_MISMATCH); FAILED_PRECONDITION
   * (INSTANCE_EXISTS: a domain for this instance is defined on this host);
   * UNAVAILABLE (image source or hypervisor unreachable).
   */
  prepareIncoming(argument: _strato_agent_v1_PrepareIncomingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_PrepareIncomingResponse__Output>): grpc.ClientUnaryCall;
  prepareIncoming(argument: _strato_agent_v1_PrepareIncomingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_PrepareIncomingResponse__Output>): grpc.ClientUnaryCall;
  prepareIncoming(argument: _strato_agent_v1_PrepareIncomingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_PrepareIncomingResponse__Output>): grpc.ClientUnaryCall;
  prepareIncoming(argument: _strato_agent_v1_PrepareIncomingRequest, callback: grpc.requestCallback<_strato_agent_v1_PrepareIncomingResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * RefreshVolumeSize tells a running instance that an attached volume grew
   * (the storage host re-created its LUN at the new size): the disk is
   * block-resized to `size_bytes`, and the guest sees the new size with no I/O
   * error. A shut-off instance sees it at its next start; nothing is done.
   * Errors: NOT_FOUND (INSTANCE_NOT_FOUND, VOLUME_NOT_ATTACHED); INVALID_ARGUMENT
   * (VOLUME_SHRINK_REFUSED: a size below the disk's current one, field
   * size_bytes); INTERNAL (e.g. QEMU's "Cannot grow iSCSI devices": the LUN is
   * not that large yet).
   */
  RefreshVolumeSize(argument: _strato_agent_v1_RefreshVolumeSizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_RefreshVolumeSizeResponse__Output>): grpc.ClientUnaryCall;
  RefreshVolumeSize(argument: _strato_agent_v1_RefreshVolumeSizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_RefreshVolumeSizeResponse__Output>): grpc.ClientUnaryCall;
  RefreshVolumeSize(argument: _strato_agent_v1_RefreshVolumeSizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_RefreshVolumeSizeResponse__Output>): grpc.ClientUnaryCall;
  RefreshVolumeSize(argument: _strato_agent_v1_RefreshVolumeSizeRequest, callback: grpc.requestCallback<_strato_agent_v1_RefreshVolumeSizeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * RefreshVolumeSize tells a running instance that an attached volume grew
   * (the storage host re-created its LUN at the new size): the disk is
   * block-resized to `size_bytes`, and the guest sees the new size with no I/O
   * error. A shut-off instance sees it at its next start; nothing is done.
   * Errors: NOT_FOUND (INSTANCE_NOT_FOUND, VOLUME_NOT_ATTACHED); INVALID_ARGUMENT
   * (VOLUME_SHRINK_REFUSED: a size below the disk's current one, field
   * size_bytes); INTERNAL (e.g. QEMU's "Cannot grow iSCSI devices": the LUN is
   * not that large yet).
   */
  refreshVolumeSize(argument: _strato_agent_v1_RefreshVolumeSizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_RefreshVolumeSizeResponse__Output>): grpc.ClientUnaryCall;
  refreshVolumeSize(argument: _strato_agent_v1_RefreshVolumeSizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_RefreshVolumeSizeResponse__Output>): grpc.ClientUnaryCall;
  refreshVolumeSize(argument: _strato_agent_v1_RefreshVolumeSizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_RefreshVolumeSizeResponse__Output>): grpc.ClientUnaryCall;
  refreshVolumeSize(argument: _strato_agent_v1_RefreshVolumeSizeRequest, callback: grpc.requestCallback<_strato_agent_v1_RefreshVolumeSizeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ResizeInstance redefines a stopped instance with another flavor: vCPUs,
   * memory, and the root disk grown to the flavor's disk (never shrunk).
   * Repeating it with the same flavor succeeds. disk_gib 0 keeps the disk; a
   * boot from volume has no overlay (its volume is resized by the storage host).
   * Errors: NOT_FOUND; FAILED_PRECONDITION (INVALID_POWER_STATE: not stopped);
   * INVALID_ARGUMENT (DISK_SHRINK_REFUSED, field flavor.disk_gib; INVALID_INSTANCE_SPEC,
   * a flavor field out of range).
   */
  ResizeInstance(argument: _strato_agent_v1_ResizeInstanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  ResizeInstance(argument: _strato_agent_v1_ResizeInstanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  ResizeInstance(argument: _strato_agent_v1_ResizeInstanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  ResizeInstance(argument: _strato_agent_v1_ResizeInstanceRequest, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  /**
   * ResizeInstance redefines a stopped instance with another flavor: vCPUs,
   * memory, and the root disk grown to the flavor's disk (never shrunk).
   * Repeating it with the same flavor succeeds. disk_gib 0 keeps the disk; a
   * boot from volume has no overlay (its volume is resized by the storage host).
   * Errors: NOT_FOUND; FAILED_PRECONDITION (INVALID_POWER_STATE: not stopped);
   * INVALID_ARGUMENT (DISK_SHRINK_REFUSED, field flavor.disk_gib; INVALID_INSTANCE_SPEC,
   * a flavor field out of range).
   */
  resizeInstance(argument: _strato_agent_v1_ResizeInstanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  resizeInstance(argument: _strato_agent_v1_ResizeInstanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  resizeInstance(argument: _strato_agent_v1_ResizeInstanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  resizeInstance(argument: _strato_agent_v1_ResizeInstanceRequest, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  
  /**
   * SpawnInstance fetches the image into the host's cache (verifying sha256),
   * creates the instance's qcow2 overlay and config drive, defines the domain
   * and starts it; it returns when the domain runs. Repeating it (the
   * conductor got no answer: a lost reply, or this agent restarted mid-spawn)
   * adopts the domain the first call made when its metadata matches the
   * request (project, image, flavor): a running one returns its current
   * state, one defined but never started is started, and leftovers of a
   * spawn that never reached define are replaced. A failed spawn leaves
   * nothing behind. Errors: INVALID_ARGUMENT (bad spec); RESOURCE_EXHAUSTED
   * (host cannot fit it); DATA_LOSS (reason IMAGE_CHECKSUM_MISMATCH);
   * UNAVAILABLE (image source or hypervisor unreachable); FAILED_PRECONDITION
   * (INSTANCE_EXISTS_DIFFERENT: a domain for this instance id with another
   * spec exists; it is left alone); INTERNAL (hypervisor refused; the
   * message carries its words). With volumes: INVALID_ARGUMENT
   * (INVALID_VOLUME_SPEC, field named, e.g. boot_volume.device);
   * FAILED_PRECONDITION (VOLUME_IN_USE: another instance on this host has the
   * volume); UNAVAILABLE (VOLUME_UNREACHABLE: a target refused or did not
   * answer QEMU's login).
   */
  SpawnInstance(argument: _strato_agent_v1_SpawnInstanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  SpawnInstance(argument: _strato_agent_v1_SpawnInstanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  SpawnInstance(argument: _strato_agent_v1_SpawnInstanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  SpawnInstance(argument: _strato_agent_v1_SpawnInstanceRequest, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  /**
   * SpawnInstance fetches the image into the host's cache (verifying sha256),
   * creates the instance's qcow2 overlay and config drive, defines the domain
   * and starts it; it returns when the domain runs. Repeating it (the
   * conductor got no answer: a lost reply, or this agent restarted mid-spawn)
   * adopts the domain the first call made when its metadata matches the
   * request (project, image, flavor): a running one returns its current
   * state, one defined but never started is started, and leftovers of a
   * spawn that never reached define are replaced. A failed spawn leaves
   * nothing behind. Errors: INVALID_ARGUMENT (bad spec); RESOURCE_EXHAUSTED
   * (host cannot fit it); DATA_LOSS (reason IMAGE_CHECKSUM_MISMATCH);
   * UNAVAILABLE (image source or hypervisor unreachable); FAILED_PRECONDITION
   * (INSTANCE_EXISTS_DIFFERENT: a domain for this instance id with another
   * spec exists; it is left alone); INTERNAL (hypervisor refused; the
   * message carries its words). With volumes: INVALID_ARGUMENT
   * (INVALID_VOLUME_SPEC, field named, e.g. boot_volume.device);
   * FAILED_PRECONDITION (VOLUME_IN_USE: another instance on this host has the
   * volume); UNAVAILABLE (VOLUME_UNREACHABLE: a target refused or did not
   * answer QEMU's login).
   */
  spawnInstance(argument: _strato_agent_v1_SpawnInstanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  spawnInstance(argument: _strato_agent_v1_SpawnInstanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  spawnInstance(argument: _strato_agent_v1_SpawnInstanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  spawnInstance(argument: _strato_agent_v1_SpawnInstanceRequest, callback: grpc.requestCallback<_strato_agent_v1_InstanceStatus__Output>): grpc.ClientUnaryCall;
  
  /**
   * StartMigration starts moving the instance's domain from this host (the
   * source) to the destination's hypervisor, peer to peer over the
   * hypervisors' mutual TLS (strato's host certificates), copying the root
   * disk and config drive (no shared storage). live = true: the guest keeps
   * running and pauses only for the final switch-over. live = false: the
   * guest must be stopped (shutdown); its CPUs never run: it is started
   * paused here for the copy, arrives paused and defined on the
   * destination, where the conductor then stops it (InstanceAction stop,
   * hard), and is stopped again here. The source keeps its definition
   * and files (stopped) until DeleteInstance. Returns once the migration
   * runs; repeating it with the same migration_id answers its status.
   * `timeout_s` (0: none) aborts a migration that has not ended by then,
   * leaving the guest on the source. Errors: NOT_FOUND (INSTANCE_NOT_FOUND);
   * FAILED_PRECONDITION (MIGRATION_IN_PROGRESS: another migration of this
   * instance runs; INVALID_POWER_STATE: live of a stopped guest, or cold of
   * a running one); INVALID_ARGUMENT (field named); UNAVAILABLE (the
   * destination's hypervisor cannot be reached). A migration that fails
   * before its job runs (within a few seconds) answers the hypervisor's error
   * and is not remembered (a repeat tries again); one that fails later is
   * reported FAILED by GetMigration. The hypervisors' control link is libvirt's
   * TLS transport (qemu+tls, this host's strato certificate as the client's);
   * memory and disk streams go plain TCP to the destination's migration_address.
   */
  StartMigration(argument: _strato_agent_v1_StartMigrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  StartMigration(argument: _strato_agent_v1_StartMigrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  StartMigration(argument: _strato_agent_v1_StartMigrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  StartMigration(argument: _strato_agent_v1_StartMigrationRequest, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  /**
   * StartMigration starts moving the instance's domain from this host (the
   * source) to the destination's hypervisor, peer to peer over the
   * hypervisors' mutual TLS (strato's host certificates), copying the root
   * disk and config drive (no shared storage). live = true: the guest keeps
   * running and pauses only for the final switch-over. live = false: the
   * guest must be stopped (shutdown); its CPUs never run: it is started
   * paused here for the copy, arrives paused and defined on the
   * destination, where the conductor then stops it (InstanceAction stop,
   * hard), and is stopped again here. The source keeps its definition
   * and files (stopped) until DeleteInstance. Returns once the migration
   * runs; repeating it with the same migration_id answers its status.
   * `timeout_s` (0: none) aborts a migration that has not ended by then,
   * leaving the guest on the source. Errors: NOT_FOUND (INSTANCE_NOT_FOUND);
   * FAILED_PRECONDITION (MIGRATION_IN_PROGRESS: another migration of this
   * instance runs; INVALID_POWER_STATE: live of a stopped guest, or cold of
   * a running one); INVALID_ARGUMENT (field named); UNAVAILABLE (the
   * destination's hypervisor cannot be reached). A migration that fails
   * before its job runs (within a few seconds) answers the hypervisor's error
   * and is not remembered (a repeat tries again); one that fails later is
   * reported FAILED by GetMigration. The hypervisors' control link is libvirt's
   * TLS transport (qemu+tls, this host's strato certificate as the client's);
   * memory and disk streams go plain TCP to the destination's migration_address.
   */
  startMigration(argument: _strato_agent_v1_StartMigrationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  startMigration(argument: _strato_agent_v1_StartMigrationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  startMigration(argument: _strato_agent_v1_StartMigrationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  startMigration(argument: _strato_agent_v1_StartMigrationRequest, callback: grpc.requestCallback<_strato_agent_v1_MigrationStatus__Output>): grpc.ClientUnaryCall;
  
}

export interface AgentHandlers extends grpc.UntypedServiceImplementation {
  /**
   * AbortMigration cancels a running migration: the guest keeps running on
   * the source and the destination has no domain. Aborting one that already
   * failed or was cancelled succeeds. Errors: FAILED_PRECONDITION
   * (MIGRATION_COMPLETED: too late, the guest is on the destination);
   * NOT_FOUND (MIGRATION_NOT_FOUND).
   */
  AbortMigration: grpc.handleUnaryCall<_strato_agent_v1_AbortMigrationRequest__Output, _strato_agent_v1_MigrationStatus>;
  
  /**
   * AttachConsole is an interactive session on the instance's serial console
   * (ttyS0). The first message names the instance (instance_id; data in it
   * is typed too); the data of every message is typed into the guest, at
   * most 64 KiB a message; the answers carry what the guest prints, as is.
   * The guest's console file log (GetConsoleLog) keeps recording meanwhile.
   * One session per instance, the newest wins: an attach takes the console
   * over and the older session ends (OK). The session ends OK when the
   * caller half-closes, when the guest stops or when another session takes
   * over; cancelling the call releases the console at once. Not idempotent.
   * Errors: INVALID_ARGUMENT (INVALID_INSTANCE_ID, field instance_id;
   * CONSOLE_INPUT_TOO_LARGE, field data); NOT_FOUND (no such domain on this
   * host); FAILED_PRECONDITION (NOT_RUNNING); PERMISSION_DENIED (not the
   * conductor).
   */
  AttachConsole: grpc.handleBidiStreamingCall<_strato_agent_v1_ConsoleInput__Output, _strato_agent_v1_ConsoleOutput>;
  
  /**
   * AttachVolume hot-plugs an iSCSI volume into a defined instance (running:
   * into the live domain and its persistent definition; shut off: the
   * definition only) as a virtio disk whose serial is the volume id (the guest
   * sees its first 20 characters), raw format named, through QEMU's own iSCSI
   * initiator presenting `initiator_name` and CHAP from a libvirt secret the
   * agent creates for the volume (usage `strato-volume-<volume id>`). The
   * storage host has exported the volume to this host (AgentStorage.
   * ExportVolume) first. Attaching a volume the instance already has at the
   * same device succeeds without change (and puts the CHAP secret back if the
   * host lost it); the domain's metadata records the volume so a restarted
   * agent knows it. A failed attach leaves no disk and no secret behind.
   * Errors: NOT_FOUND (INSTANCE_NOT_FOUND); INVALID_ARGUMENT (INVALID_VOLUME_SPEC:
   * bad volume spec, field named, e.g. volume.portal; the CHAP secret is never
   * quoted); FAILED_PRECONDITION (DEVICE_IN_USE: another disk holds the device
   * name; VOLUME_ATTACHED_ELSEWHERE: this instance has the volume at another
   * device; VOLUME_IN_USE: another instance on this host has it); UNAVAILABLE
   * (VOLUME_UNREACHABLE: the target refused or did not answer the login: the
   * message carries QEMU's words); INTERNAL (the hypervisor refused).
   */
  AttachVolume: grpc.handleUnaryCall<_strato_agent_v1_AttachVolumeRequest__Output, _strato_agent_v1_AttachVolumeResponse>;
  
  /**
   * DeleteInstance destroys and undefines the domain and removes its overlay,
   * config drive and console log. Deleting an absent instance succeeds.
   */
  DeleteInstance: grpc.handleUnaryCall<_strato_agent_v1_DeleteInstanceRequest__Output, _strato_agent_v1_DeleteInstanceResponse>;
  
  /**
   * DetachVolume unplugs the volume's disk (live and persistent), waits for
   * the guest to release it (the device-removed event) up to `timeout_s`, then
   * removes the volume's libvirt secret. Detaching a volume the instance does
   * not have, or from an instance that is gone, succeeds (and still removes a
   * leftover secret, unless another instance on this host records the
   * volume). Errors: DEADLINE_EXCEEDED (DETACH_TIMEOUT: the guest did not
   * release the disk; it stays attached and the call may be repeated);
   * FAILED_PRECONDITION (ROOT_VOLUME: the root disk of a boot from volume goes
   * with the instance); INVALID_ARGUMENT (volume_id not a UUID); INTERNAL (the
   * hypervisor refused).
   */
  DetachVolume: grpc.handleUnaryCall<_strato_agent_v1_DetachVolumeRequest__Output, _strato_agent_v1_DetachVolumeResponse>;
  
  /**
   * ExportRootDisk streams the instance's root disk as one flattened qcow2
   * (no backing file: the overlay and its cached base merged by
   * `qemu-img convert`), in chunks of at most 1 MiB, for a server snapshot
   * (strato.compute.v1.Servers CreateServerImage). A consistent point in
   * time: a running guest is paused while its overlay is copied (the base
   * never changes), then resumed before the slow merge, so its pause lasts
   * the copy of what it wrote, not the whole disk; a paused guest stays
   * paused; a stopped one is read as it is. The first message carries the
   * total size, the last the sha256 of the stream (hashed as it is sent, so
   * the file is read once); the conductor checks both. Another operation on
   * the instance (an action, a delete, another export) waits for the copy
   * and flatten, and they for it. The agent keeps nothing: the working
   * copies go when the stream ends, however it ends. Idempotent (read-only
   * for the guest): repeating it exports again. Errors: NOT_FOUND
   * (INSTANCE_NOT_FOUND); FAILED_PRECONDITION (NO_LOCAL_ROOT_DISK: booted
   * from a volume); RESOURCE_EXHAUSTED (HOST_DISK_FULL: no room on the host
   * for the working copies beside the disk reserve); INTERNAL
   * (QEMU_IMG_FAILED: qemu-img's words).
   */
  ExportRootDisk: grpc.handleServerStreamingCall<_strato_agent_v1_ExportRootDiskRequest__Output, _strato_agent_v1_ExportRootDiskChunk>;
  
  /**
   * GetConsoleLog returns the last lines of the serial console log.
   * Errors: NOT_FOUND.
   */
  GetConsoleLog: grpc.handleUnaryCall<_strato_agent_v1_GetConsoleLogRequest__Output, _strato_agent_v1_GetConsoleLogResponse>;
  
  /**
   * GetInstance reports the actual state. Errors: NOT_FOUND.
   */
  GetInstance: grpc.handleUnaryCall<_strato_agent_v1_GetInstanceRequest__Output, _strato_agent_v1_InstanceStatus>;
  
  /**
   * GetMigration reports a migration this agent started: running (with
   * progress), completed, failed or cancelled. NOT_FOUND (MIGRATION_NOT_FOUND)
   * when this agent does not know it (it restarted): the conductor then
   * decides by where the domain is (GetInstance on both hosts). Progress
   * figures are libvirt's job statistics (bytes); downtime_ms is set once
   * COMPLETED (live); a cold migration reports 0.
   */
  GetMigration: grpc.handleUnaryCall<_strato_agent_v1_GetMigrationRequest__Output, _strato_agent_v1_MigrationStatus>;
  
  /**
   * InstanceAction: start, stop, reboot, pause, unpause, suspend, resume.
   * stop and reboot without `hard` use ACPI and fall back to a hard action
   * after `acpi_timeout_s`. Acting on an instance already in the target power
   * state succeeds (so unpause of a running guest is a no-op and retries are
   * safe). Errors: NOT_FOUND; FAILED_PRECONDITION (e.g. unpause or suspend of a
   * stopped guest; VOLUME_SECRET_MISSING: a start needs a volume's CHAP secret,
   * which this host lost (libvirtd keeps it in memory only, and this agent
   * restarted too): repeat the volume's AttachVolume, then the start);
   * UNAVAILABLE (VOLUME_UNREACHABLE: a volume's target refused the login).
   */
  InstanceAction: grpc.handleUnaryCall<_strato_agent_v1_InstanceActionRequest__Output, _strato_agent_v1_InstanceStatus>;
  
  /**
   * ListInstances reports every strato instance on the host.
   */
  ListInstances: grpc.handleUnaryCall<_strato_agent_v1_ListInstancesRequest__Output, _strato_agent_v1_ListInstancesResponse>;
  
  /**
   * PrepareIncoming readies this host (the destination) to receive an
   * instance: the image is fetched into the cache (sha256 verified), an empty
   * root overlay of the same virtual size as the source's (`spec.flavor`'s
   * disk) and the config drive are created at this host's instance paths,
   * volume secrets are set (the request's `spec.volumes` and
   * `spec.boot_volume`, exported by their storage host to this host as well
   * before the call), and each port's tap is wired on its bridge (the
   * conductor pushed this host's network state, with the ports, first). No
   * domain is defined: the migration brings it. The answer says where this
   * host's hypervisor listens for migrations and where the instance's files
   * are here; the conductor passes it to StartMigration without looking
   * inside. Idempotent (a repeat answers the same; while no domain exists it
   * recreates the files). Errors: INVALID_ARGUMENT (bad spec, field named;
   * INVALID_MIGRATION_REQUEST: migration_id not a UUID); RESOURCE_EXHAUSTED
   * (no room for the disk);
   * DATA_LOSS (IMAGE_CHECKSUM_MISMATCH); FAILED_PRECONDITION
   * (INSTANCE_EXISTS: a domain for this instance is defined on this host);
   * UNAVAILABLE (image source or hypervisor unreachable).
   */
  PrepareIncoming: grpc.handleUnaryCall<_strato_agent_v1_PrepareIncomingRequest__Output, _strato_agent_v1_PrepareIncomingResponse>;
  
  /**
   * RefreshVolumeSize tells a running instance that an attached volume grew
   * (the storage host re-created its LUN at the new size): the disk is
   * block-resized to `size_bytes`, and the guest sees the new size with no I/O
   * error. A shut-off instance sees it at its next start; nothing is done.
   * Errors: NOT_FOUND (INSTANCE_NOT_FOUND, VOLUME_NOT_ATTACHED); INVALID_ARGUMENT
   * (VOLUME_SHRINK_REFUSED: a size below the disk's current one, field
   * size_bytes); INTERNAL (e.g. QEMU's "Cannot grow iSCSI devices": the LUN is
   * not that large yet).
   */
  RefreshVolumeSize: grpc.handleUnaryCall<_strato_agent_v1_RefreshVolumeSizeRequest__Output, _strato_agent_v1_RefreshVolumeSizeResponse>;
  
  /**
   * ResizeInstance redefines a stopped instance with another flavor: vCPUs,
   * memory, and the root disk grown to the flavor's disk (never shrunk).
   * Repeating it with the same flavor succeeds. disk_gib 0 keeps the disk; a
   * boot from volume has no overlay (its volume is resized by the storage host).
   * Errors: NOT_FOUND; FAILED_PRECONDITION (INVALID_POWER_STATE: not stopped);
   * INVALID_ARGUMENT (DISK_SHRINK_REFUSED, field flavor.disk_gib; INVALID_INSTANCE_SPEC,
   * a flavor field out of range).
   */
  ResizeInstance: grpc.handleUnaryCall<_strato_agent_v1_ResizeInstanceRequest__Output, _strato_agent_v1_InstanceStatus>;
  
  /**
   * SpawnInstance fetches the image into the host's cache (verifying sha256),
   * creates the instance's qcow2 overlay and config drive, defines the domain
   * and starts it; it returns when the domain runs. Repeating it (the
   * conductor got no answer: a lost reply, or this agent restarted mid-spawn)
   * adopts the domain the first call made when its metadata matches the
   * request (project, image, flavor): a running one returns its current
   * state, one defined but never started is started, and leftovers of a
   * spawn that never reached define are replaced. A failed spawn leaves
   * nothing behind. Errors: INVALID_ARGUMENT (bad spec); RESOURCE_EXHAUSTED
   * (host cannot fit it); DATA_LOSS (reason IMAGE_CHECKSUM_MISMATCH);
   * UNAVAILABLE (image source or hypervisor unreachable); FAILED_PRECONDITION
   * (INSTANCE_EXISTS_DIFFERENT: a domain for this instance id with another
   * spec exists; it is left alone); INTERNAL (hypervisor refused; the
   * message carries its words). With volumes: INVALID_ARGUMENT
   * (INVALID_VOLUME_SPEC, field named, e.g. boot_volume.device);
   * FAILED_PRECONDITION (VOLUME_IN_USE: another instance on this host has the
   * volume); UNAVAILABLE (VOLUME_UNREACHABLE: a target refused or did not
   * answer QEMU's login).
   */
  SpawnInstance: grpc.handleUnaryCall<_strato_agent_v1_SpawnInstanceRequest__Output, _strato_agent_v1_InstanceStatus>;
  
  /**
   * StartMigration starts moving the instance's domain from this host (the
   * source) to the destination's hypervisor, peer to peer over the
   * hypervisors' mutual TLS (strato's host certificates), copying the root
   * disk and config drive (no shared storage). live = true: the guest keeps
   * running and pauses only for the final switch-over. live = false: the
   * guest must be stopped (shutdown); its CPUs never run: it is started
   * paused here for the copy, arrives paused and defined on the
   * destination, where the conductor then stops it (InstanceAction stop,
   * hard), and is stopped again here. The source keeps its definition
   * and files (stopped) until DeleteInstance. Returns once the migration
   * runs; repeating it with the same migration_id answers its status.
   * `timeout_s` (0: none) aborts a migration that has not ended by then,
   * leaving the guest on the source. Errors: NOT_FOUND (INSTANCE_NOT_FOUND);
   * FAILED_PRECONDITION (MIGRATION_IN_PROGRESS: another migration of this
   * instance runs; INVALID_POWER_STATE: live of a stopped guest, or cold of
   * a running one); INVALID_ARGUMENT (field named); UNAVAILABLE (the
   * destination's hypervisor cannot be reached). A migration that fails
   * before its job runs (within a few seconds) answers the hypervisor's error
   * and is not remembered (a repeat tries again); one that fails later is
   * reported FAILED by GetMigration. The hypervisors' control link is libvirt's
   * TLS transport (qemu+tls, this host's strato certificate as the client's);
   * memory and disk streams go plain TCP to the destination's migration_address.
   */
  StartMigration: grpc.handleUnaryCall<_strato_agent_v1_StartMigrationRequest__Output, _strato_agent_v1_MigrationStatus>;
  
}

export interface AgentDefinition extends grpc.ServiceDefinition {
  AbortMigration: MethodDefinition<_strato_agent_v1_AbortMigrationRequest, _strato_agent_v1_MigrationStatus, _strato_agent_v1_AbortMigrationRequest__Output, _strato_agent_v1_MigrationStatus__Output>
  AttachConsole: MethodDefinition<_strato_agent_v1_ConsoleInput, _strato_agent_v1_ConsoleOutput, _strato_agent_v1_ConsoleInput__Output, _strato_agent_v1_ConsoleOutput__Output>
  AttachVolume: MethodDefinition<_strato_agent_v1_AttachVolumeRequest, _strato_agent_v1_AttachVolumeResponse, _strato_agent_v1_AttachVolumeRequest__Output, _strato_agent_v1_AttachVolumeResponse__Output>
  DeleteInstance: MethodDefinition<_strato_agent_v1_DeleteInstanceRequest, _strato_agent_v1_DeleteInstanceResponse, _strato_agent_v1_DeleteInstanceRequest__Output, _strato_agent_v1_DeleteInstanceResponse__Output>
  DetachVolume: MethodDefinition<_strato_agent_v1_DetachVolumeRequest, _strato_agent_v1_DetachVolumeResponse, _strato_agent_v1_DetachVolumeRequest__Output, _strato_agent_v1_DetachVolumeResponse__Output>
  ExportRootDisk: MethodDefinition<_strato_agent_v1_ExportRootDiskRequest, _strato_agent_v1_ExportRootDiskChunk, _strato_agent_v1_ExportRootDiskRequest__Output, _strato_agent_v1_ExportRootDiskChunk__Output>
  GetConsoleLog: MethodDefinition<_strato_agent_v1_GetConsoleLogRequest, _strato_agent_v1_GetConsoleLogResponse, _strato_agent_v1_GetConsoleLogRequest__Output, _strato_agent_v1_GetConsoleLogResponse__Output>
  GetInstance: MethodDefinition<_strato_agent_v1_GetInstanceRequest, _strato_agent_v1_InstanceStatus, _strato_agent_v1_GetInstanceRequest__Output, _strato_agent_v1_InstanceStatus__Output>
  GetMigration: MethodDefinition<_strato_agent_v1_GetMigrationRequest, _strato_agent_v1_MigrationStatus, _strato_agent_v1_GetMigrationRequest__Output, _strato_agent_v1_MigrationStatus__Output>
  InstanceAction: MethodDefinition<_strato_agent_v1_InstanceActionRequest, _strato_agent_v1_InstanceStatus, _strato_agent_v1_InstanceActionRequest__Output, _strato_agent_v1_InstanceStatus__Output>
  ListInstances: MethodDefinition<_strato_agent_v1_ListInstancesRequest, _strato_agent_v1_ListInstancesResponse, _strato_agent_v1_ListInstancesRequest__Output, _strato_agent_v1_ListInstancesResponse__Output>
  PrepareIncoming: MethodDefinition<_strato_agent_v1_PrepareIncomingRequest, _strato_agent_v1_PrepareIncomingResponse, _strato_agent_v1_PrepareIncomingRequest__Output, _strato_agent_v1_PrepareIncomingResponse__Output>
  RefreshVolumeSize: MethodDefinition<_strato_agent_v1_RefreshVolumeSizeRequest, _strato_agent_v1_RefreshVolumeSizeResponse, _strato_agent_v1_RefreshVolumeSizeRequest__Output, _strato_agent_v1_RefreshVolumeSizeResponse__Output>
  ResizeInstance: MethodDefinition<_strato_agent_v1_ResizeInstanceRequest, _strato_agent_v1_InstanceStatus, _strato_agent_v1_ResizeInstanceRequest__Output, _strato_agent_v1_InstanceStatus__Output>
  SpawnInstance: MethodDefinition<_strato_agent_v1_SpawnInstanceRequest, _strato_agent_v1_InstanceStatus, _strato_agent_v1_SpawnInstanceRequest__Output, _strato_agent_v1_InstanceStatus__Output>
  StartMigration: MethodDefinition<_strato_agent_v1_StartMigrationRequest, _strato_agent_v1_MigrationStatus, _strato_agent_v1_StartMigrationRequest__Output, _strato_agent_v1_MigrationStatus__Output>
}
