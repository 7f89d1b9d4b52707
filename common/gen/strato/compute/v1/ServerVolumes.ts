// Original file: strato/compute/v1/server.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddServerVolumeRequest as _strato_compute_v1_AddServerVolumeRequest, AddServerVolumeRequest__Output as _strato_compute_v1_AddServerVolumeRequest__Output } from '../../../strato/compute/v1/AddServerVolumeRequest.ts';
import type { RemoveServerVolumeRequest as _strato_compute_v1_RemoveServerVolumeRequest, RemoveServerVolumeRequest__Output as _strato_compute_v1_RemoveServerVolumeRequest__Output } from '../../../strato/compute/v1/RemoveServerVolumeRequest.ts';
import type { Server as _strato_compute_v1_Server, Server__Output as _strato_compute_v1_Server__Output } from '../../../strato/compute/v1/Server.ts';

/**
 * ServerVolumes: attaching volumes to servers and detaching them, a
 * sub-resource of servers as Nova's os-volume_attachments is. Verbs of the
 * server rather than of the volume, because the server's state decides
 * whether they are legal and its task_state serialises them with the server's
 * other actions (power, NIC hot-plug, delete), as AddServerPort's does; a
 * service of its own so that a cloud without block storage serves Servers
 * without it (UNIMPLEMENTED). Common rules as in Servers: references are ids
 * or names (a UUID-shaped value is an id), another project's server or volume
 * is NOT_FOUND, a call that fails changes nothing.
 */
export interface ServerVolumesClient extends grpc.Client {
  /**
   * AddServerVolume attaches a volume (strato.volume.v1; id or name, the
   * caller's project's, available) to the server, as Nova's `server add
   * volume`. Legal in ACTIVE and SHUTOFF with no task running
   * (task_state attaching-volume meanwhile; the volume is attaching when the
   * call returns). The volume's storage host exports it to the server's host
   * only (a target per attachment with its own random CHAP credentials, kept
   * by the conductor, admitting that host's initiator name and address), and
   * the server's host plugs it in as a virtio disk whose serial is the volume
   * id (the guest sees its first 20 characters: /dev/disk/by-id/virtio-<those>);
   * a SHUTOFF server gets it at its next start. `device` is the hypervisor's
   * name for it: '' = the first free of vdc … vdz (vda is the root disk, vdb
   * the config drive); the guest's kernel may name it otherwise. Then the
   * volume is in-use and listed in `volumes`. A failed attach undoes both
   * sides (volume available again, the failure in its fault and in the
   * server's events). A host that does not answer is asked again until it
   * does, or until the conductor's volumeTimeoutS (default 600 s) has passed
   * since the call; the attach then completes or is undone (reason
   * HOST_UNREACHABLE naming the host), never left half made.
   * Repeating the call for a volume attaching or attached to this server
   * (with device '' or the same device) returns the server as it is, so a
   * retry after a lost reply is safe.
   * Errors: NOT_FOUND (SERVER_NOT_FOUND; VOLUME_NOT_FOUND, also another
   * project's); INVALID_ARGUMENT (DEVICE_INVALID: not vdc … vdz, field
   * device); FAILED_PRECONDITION (INVALID_STATE, TASK_IN_PROGRESS: the
   * server's; VOLUME_IN_USE: attached to another server, details.server_id;
   * VOLUME_NOT_AVAILABLE: another status, details.status; DEVICE_IN_USE: the
   * server has a disk there); RESOURCE_EXHAUSTED (DEVICE_LIMIT: vdc … vdz are
   * all taken).
   */
  AddServerVolume(argument: _strato_compute_v1_AddServerVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  AddServerVolume(argument: _strato_compute_v1_AddServerVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  AddServerVolume(argument: _strato_compute_v1_AddServerVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  AddServerVolume(argument: _strato_compute_v1_AddServerVolumeRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * AddServerVolume attaches a volume (strato.volume.v1; id or name, the
   * caller's project's, available) to the server, as Nova's `server add
   * volume`. Legal in ACTIVE and SHUTOFF with no task running
   * (task_state attaching-volume meanwhile; the volume is attaching when the
   * call returns). The volume's storage host exports it to the server's host
   * only (a target per attachment with its own random CHAP credentials, kept
   * by the conductor, admitting that host's initiator name and address), and
   * the server's host plugs it in as a virtio disk whose serial is the volume
   * id (the guest sees its first 20 characters: /dev/disk/by-id/virtio-<those>);
   * a SHUTOFF server gets it at its next start. `device` is the hypervisor's
   * name for it: '' = the first free of vdc … vdz (vda is the root disk, vdb
   * the config drive); the guest's kernel may name it otherwise. Then the
   * volume is in-use and listed in `volumes`. A failed attach undoes both
   * sides (volume available again, the failure in its fault and in the
   * server's events). A host that does not answer is asked again until it
   * does, or until the conductor's volumeTimeoutS (default 600 s) has passed
   * since the call; the attach then completes or is undone (reason
   * HOST_UNREACHABLE naming the host), never left half made.
   * Repeating the call for a volume attaching or attached to this server
   * (with device '' or the same device) returns the server as it is, so a
   * retry after a lost reply is safe.
   * Errors: NOT_FOUND (SERVER_NOT_FOUND; VOLUME_NOT_FOUND, also another
   * project's); INVALID_ARGUMENT (DEVICE_INVALID: not vdc … vdz, field
   * device); FAILED_PRECONDITION (INVALID_STATE, TASK_IN_PROGRESS: the
   * server's; VOLUME_IN_USE: attached to another server, details.server_id;
   * VOLUME_NOT_AVAILABLE: another status, details.status; DEVICE_IN_USE: the
   * server has a disk there); RESOURCE_EXHAUSTED (DEVICE_LIMIT: vdc … vdz are
   * all taken).
   */
  addServerVolume(argument: _strato_compute_v1_AddServerVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  addServerVolume(argument: _strato_compute_v1_AddServerVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  addServerVolume(argument: _strato_compute_v1_AddServerVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  addServerVolume(argument: _strato_compute_v1_AddServerVolumeRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * RemoveServerVolume detaches a volume (id or name) from the server. Legal
   * in ACTIVE and SHUTOFF with no task running (task_state detaching-volume
   * meanwhile; the volume is detaching). The server's host unplugs the disk
   * and waits for the guest to release it (up to the conductor's
   * detachTimeoutS, default 60 s), then the storage host removes the export
   * (target, CHAP account) and the volume is available again. A guest that
   * does not release the disk within the timeout (it is mounted and busy, or
   * the guest ignores the unplug request) fails the detach with reason
   * DETACH_TIMEOUT in the volume's fault and the server's events: the volume
   * stays in-use and attached; let the guest release it (or stop the server)
   * and detach again. A server host that does not answer is asked again until
   * volumeTimeoutS has passed, then the detach fails the same way (reason
   * HOST_UNREACHABLE). Repeating the call while the volume is detaching from
   * this server returns the server as it is.
   * Errors: NOT_FOUND (SERVER_NOT_FOUND; VOLUME_NOT_FOUND; VOLUME_NOT_ATTACHED:
   * not attached to this server); FAILED_PRECONDITION (INVALID_STATE,
   * TASK_IN_PROGRESS; BOOT_VOLUME: the root disk of a server booted from a
   * volume cannot be detached).
   */
  RemoveServerVolume(argument: _strato_compute_v1_RemoveServerVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RemoveServerVolume(argument: _strato_compute_v1_RemoveServerVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RemoveServerVolume(argument: _strato_compute_v1_RemoveServerVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RemoveServerVolume(argument: _strato_compute_v1_RemoveServerVolumeRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * RemoveServerVolume detaches a volume (id or name) from the server. Legal
   * in ACTIVE and SHUTOFF with no task running (task_state detaching-volume
   * meanwhile; the volume is detaching). The server's host unplugs the disk
   * and waits for the guest to release it (up to the conductor's
   * detachTimeoutS, default 60 s), then the storage host removes the export
   * (target, CHAP account) and the volume is available again. A guest that
   * does not release the disk within the timeout (it is mounted and busy, or
   * the guest ignores the unplug request) fails the detach with reason
   * DETACH_TIMEOUT in the volume's fault and the server's events: the volume
   * stays in-use and attached; let the guest release it (or stop the server)
   * and detach again. A server host that does not answer is asked again until
   * volumeTimeoutS has passed, then the detach fails the same way (reason
   * HOST_UNREACHABLE). Repeating the call while the volume is detaching from
   * this server returns the server as it is.
   * Errors: NOT_FOUND (SERVER_NOT_FOUND; VOLUME_NOT_FOUND; VOLUME_NOT_ATTACHED:
   * not attached to this server); FAILED_PRECONDITION (INVALID_STATE,
   * TASK_IN_PROGRESS; BOOT_VOLUME: the root disk of a server booted from a
   * volume cannot be detached).
   */
  removeServerVolume(argument: _strato_compute_v1_RemoveServerVolumeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  removeServerVolume(argument: _strato_compute_v1_RemoveServerVolumeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  removeServerVolume(argument: _strato_compute_v1_RemoveServerVolumeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  removeServerVolume(argument: _strato_compute_v1_RemoveServerVolumeRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
}

/**
 * ServerVolumes: attaching volumes to servers and detaching them, a
 * sub-resource of servers as Nova's os-volume_attachments is. Verbs of the
 * server rather than of the volume, because the server's state decides
 * whether they are legal and its task_state serialises them with the server's
 * other actions (power, NIC hot-plug, delete), as AddServerPort's does; a
 * service of its own so that a cloud without block storage serves Servers
 * without it (UNIMPLEMENTED). Common rules as in Servers: references are ids
 * or names (a UUID-shaped value is an id), another project's server or volume
 * is NOT_FOUND, a call that fails changes nothing.
 */
export interface ServerVolumesHandlers extends grpc.UntypedServiceImplementation {
  /**
   * AddServerVolume attaches a volume (strato.volume.v1; id or name, the
   * caller's project's, available) to the server, as Nova's `server add
   * volume`. Legal in ACTIVE and SHUTOFF with no task running
   * (task_state attaching-volume meanwhile; the volume is attaching when the
   * call returns). The volume's storage host exports it to the server's host
   * only (a target per attachment with its own random CHAP credentials, kept
   * by the conductor, admitting that host's initiator name and address), and
   * the server's host plugs it in as a virtio disk whose serial is the volume
   * id (the guest sees its first 20 characters: /dev/disk/by-id/virtio-<those>);
   * a SHUTOFF server gets it at its next start. `device` is the hypervisor's
   * name for it: '' = the first free of vdc … vdz (vda is the root disk, vdb
   * the config drive); the guest's kernel may name it otherwise. Then the
   * volume is in-use and listed in `volumes`. A failed attach undoes both
   * sides (volume available again, the failure in its fault and in the
   * server's events). A host that does not answer is asked again until it
   * does, or until the conductor's volumeTimeoutS (default 600 s) has passed
   * since the call; the attach then completes or is undone (reason
   * HOST_UNREACHABLE naming the host), never left half made.
   * Repeating the call for a volume attaching or attached to this server
   * (with device '' or the same device) returns the server as it is, so a
   * retry after a lost reply is safe.
   * Errors: NOT_FOUND (SERVER_NOT_FOUND; VOLUME_NOT_FOUND, also another
   * project's); INVALID_ARGUMENT (DEVICE_INVALID: not vdc … vdz, field
   * device); FAILED_PRECONDITION (INVALID_STATE, TASK_IN_PROGRESS: the
   * server's; VOLUME_IN_USE: attached to another server, details.server_id;
   * VOLUME_NOT_AVAILABLE: another status, details.status; DEVICE_IN_USE: the
   * server has a disk there); RESOURCE_EXHAUSTED (DEVICE_LIMIT: vdc … vdz are
   * all taken).
   */
  AddServerVolume: grpc.handleUnaryCall<_strato_compute_v1_AddServerVolumeRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * RemoveServerVolume detaches a volume (id or name) from the server. Legal
   * in ACTIVE and SHUTOFF with no task running (task_state detaching-volume
   * meanwhile; the volume is detaching). The server's host unplugs the disk
   * and waits for the guest to release it (up to the conductor's
   * detachTimeoutS, default 60 s), then the storage host removes the export
   * (target, CHAP account) and the volume is available again. A guest that
   * does not release the disk within the timeout (it is mounted and busy, or
   * the guest ignores the unplug request) fails the detach with reason
   * DETACH_TIMEOUT in the volume's fault and the server's events: the volume
   * stays in-use and attached; let the guest release it (or stop the server)
   * and detach again. A server host that does not answer is asked again until
   * volumeTimeoutS has passed, then the detach fails the same way (reason
   * HOST_UNREACHABLE). Repeating the call while the volume is detaching from
   * this server returns the server as it is.
   * Errors: NOT_FOUND (SERVER_NOT_FOUND; VOLUME_NOT_FOUND; VOLUME_NOT_ATTACHED:
   * not attached to this server); FAILED_PRECONDITION (INVALID_STATE,
   * TASK_IN_PROGRESS; BOOT_VOLUME: the root disk of a server booted from a
   * volume cannot be detached).
   */
  RemoveServerVolume: grpc.handleUnaryCall<_strato_compute_v1_RemoveServerVolumeRequest__Output, _strato_compute_v1_Server>;
  
}

export interface ServerVolumesDefinition extends grpc.ServiceDefinition {
  AddServerVolume: MethodDefinition<_strato_compute_v1_AddServerVolumeRequest, _strato_compute_v1_Server, _strato_compute_v1_AddServerVolumeRequest__Output, _strato_compute_v1_Server__Output>
  RemoveServerVolume: MethodDefinition<_strato_compute_v1_RemoveServerVolumeRequest, _strato_compute_v1_Server, _strato_compute_v1_RemoveServerVolumeRequest__Output, _strato_compute_v1_Server__Output>
}
