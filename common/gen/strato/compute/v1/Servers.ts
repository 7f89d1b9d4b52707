// Original file: strato/compute/v1/server.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddServerPortRequest as _strato_compute_v1_AddServerPortRequest, AddServerPortRequest__Output as _strato_compute_v1_AddServerPortRequest__Output } from '../../../strato/compute/v1/AddServerPortRequest.ts';
import type { CreateServerImageRequest as _strato_compute_v1_CreateServerImageRequest, CreateServerImageRequest__Output as _strato_compute_v1_CreateServerImageRequest__Output } from '../../../strato/compute/v1/CreateServerImageRequest.ts';
import type { CreateServerImageResponse as _strato_compute_v1_CreateServerImageResponse, CreateServerImageResponse__Output as _strato_compute_v1_CreateServerImageResponse__Output } from '../../../strato/compute/v1/CreateServerImageResponse.ts';
import type { CreateServerRequest as _strato_compute_v1_CreateServerRequest, CreateServerRequest__Output as _strato_compute_v1_CreateServerRequest__Output } from '../../../strato/compute/v1/CreateServerRequest.ts';
import type { DeleteServerRequest as _strato_compute_v1_DeleteServerRequest, DeleteServerRequest__Output as _strato_compute_v1_DeleteServerRequest__Output } from '../../../strato/compute/v1/DeleteServerRequest.ts';
import type { GetConsoleLogRequest as _strato_compute_v1_GetConsoleLogRequest, GetConsoleLogRequest__Output as _strato_compute_v1_GetConsoleLogRequest__Output } from '../../../strato/compute/v1/GetConsoleLogRequest.ts';
import type { GetConsoleLogResponse as _strato_compute_v1_GetConsoleLogResponse, GetConsoleLogResponse__Output as _strato_compute_v1_GetConsoleLogResponse__Output } from '../../../strato/compute/v1/GetConsoleLogResponse.ts';
import type { GetServerRequest as _strato_compute_v1_GetServerRequest, GetServerRequest__Output as _strato_compute_v1_GetServerRequest__Output } from '../../../strato/compute/v1/GetServerRequest.ts';
import type { ListServerEventsRequest as _strato_compute_v1_ListServerEventsRequest, ListServerEventsRequest__Output as _strato_compute_v1_ListServerEventsRequest__Output } from '../../../strato/compute/v1/ListServerEventsRequest.ts';
import type { ListServerEventsResponse as _strato_compute_v1_ListServerEventsResponse, ListServerEventsResponse__Output as _strato_compute_v1_ListServerEventsResponse__Output } from '../../../strato/compute/v1/ListServerEventsResponse.ts';
import type { ListServersRequest as _strato_compute_v1_ListServersRequest, ListServersRequest__Output as _strato_compute_v1_ListServersRequest__Output } from '../../../strato/compute/v1/ListServersRequest.ts';
import type { ListServersResponse as _strato_compute_v1_ListServersResponse, ListServersResponse__Output as _strato_compute_v1_ListServersResponse__Output } from '../../../strato/compute/v1/ListServersResponse.ts';
import type { RebuildServerRequest as _strato_compute_v1_RebuildServerRequest, RebuildServerRequest__Output as _strato_compute_v1_RebuildServerRequest__Output } from '../../../strato/compute/v1/RebuildServerRequest.ts';
import type { RemoveServerPortRequest as _strato_compute_v1_RemoveServerPortRequest, RemoveServerPortRequest__Output as _strato_compute_v1_RemoveServerPortRequest__Output } from '../../../strato/compute/v1/RemoveServerPortRequest.ts';
import type { Server as _strato_compute_v1_Server, Server__Output as _strato_compute_v1_Server__Output } from '../../../strato/compute/v1/Server.ts';
import type { ServerActionRequest as _strato_compute_v1_ServerActionRequest, ServerActionRequest__Output as _strato_compute_v1_ServerActionRequest__Output } from '../../../strato/compute/v1/ServerActionRequest.ts';
import type { UpdateServerRequest as _strato_compute_v1_UpdateServerRequest, UpdateServerRequest__Output as _strato_compute_v1_UpdateServerRequest__Output } from '../../../strato/compute/v1/UpdateServerRequest.ts';

export interface ServersClient extends grpc.Client {
  /**
   * AddServerPort hot-plugs a NIC: on `network` (a port is created as in
   * CreateServer, with `fixed_ip` if given) or the existing `port` (the
   * caller's project's, unattached). Legal in ACTIVE and SHUTOFF with no task
   * running (task_state attaching-port meanwhile); the new NIC shows in
   * `ports`/`addresses` once the host has plugged it. A failed plug leaves
   * the server as it was (a port created for it is deleted again) and
   * records the error in the server's events. Not idempotent (each call adds
   * a NIC). These are RPCs of their own rather than ServerAction verbs
   * because they carry arguments and change the server's NICs, not its power.
   * Errors: as CreateServer's networks; NOT_FOUND (SERVER_NOT_FOUND);
   * FAILED_PRECONDITION (INVALID_STATE, TASK_IN_PROGRESS).
   */
  AddServerPort(argument: _strato_compute_v1_AddServerPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  AddServerPort(argument: _strato_compute_v1_AddServerPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  AddServerPort(argument: _strato_compute_v1_AddServerPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  AddServerPort(argument: _strato_compute_v1_AddServerPortRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * AddServerPort hot-plugs a NIC: on `network` (a port is created as in
   * CreateServer, with `fixed_ip` if given) or the existing `port` (the
   * caller's project's, unattached). Legal in ACTIVE and SHUTOFF with no task
   * running (task_state attaching-port meanwhile); the new NIC shows in
   * `ports`/`addresses` once the host has plugged it. A failed plug leaves
   * the server as it was (a port created for it is deleted again) and
   * records the error in the server's events. Not idempotent (each call adds
   * a NIC). These are RPCs of their own rather than ServerAction verbs
   * because they carry arguments and change the server's NICs, not its power.
   * Errors: as CreateServer's networks; NOT_FOUND (SERVER_NOT_FOUND);
   * FAILED_PRECONDITION (INVALID_STATE, TASK_IN_PROGRESS).
   */
  addServerPort(argument: _strato_compute_v1_AddServerPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  addServerPort(argument: _strato_compute_v1_AddServerPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  addServerPort(argument: _strato_compute_v1_AddServerPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  addServerPort(argument: _strato_compute_v1_AddServerPortRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * CreateServer validates, records the server in BUILD/scheduling and
   * schedules it. Not idempotent. Errors: INVALID_ARGUMENT (NAME_INVALID,
   * USER_DATA_TOO_LARGE over 64 KiB, METADATA_INVALID: too many, too long or
   * control characters, HOST_INVALID: host is not a host name); NOT_FOUND
   * (IMAGE_NOT_FOUND, also another project's private image;
   * FLAVOR_NOT_FOUND); FAILED_PRECONDITION (IMAGE_NOT_ACTIVE,
   * IMAGE_TOO_LARGE_FOR_FLAVOR); PERMISSION_DENIED (FORCE_HOST_NOT_ALLOWED:
   * host given by a non-admin). "No valid host" is not an error of this
   * call: the server goes to ERROR with the reasons per filter in its fault
   * (reason NO_VALID_HOST). A spawn that fails on a host is retried on
   * another (up to 3 hosts in all) before the server goes to ERROR with
   * every host's error in the fault. A host that gives no answer at all (its
   * agent restarting) has not failed the spawn: the server stays in BUILD
   * (task spawning, or networking while the host's network state is pushed)
   * with its resources claimed there, and that host is asked again until it
   * answers — the guest it may have started already is adopted — or until
   * the build timeout (conductor setting buildTimeoutS, default 600 s) has
   * passed since it was chosen; then the server goes to ERROR (reason
   * BUILD_TIMEOUT) still placed on that host and holding its resources,
   * since its guest may be running there, until it is deleted.
   * 
   * Networks: each entry of `networks` becomes one NIC, in order. An entry
   * names a network (a port is created for the server on it, owned by the
   * server's project, in its project's default security group, with
   * `fixed_ip` if given, else an address from the pools) or an existing port
   * (the caller's project's, not attached to anything). The request is
   * checked before anything is made: NOT_FOUND (NETWORK_NOT_FOUND,
   * PORT_NOT_FOUND: also another project's); INVALID_ARGUMENT
   * (NETWORK_REQUEST_INVALID: neither or both of network and port, or a
   * fixed_ip with a port; IP_ADDRESS_INVALID, IP_NOT_IN_SUBNET,
   * IP_RESERVED); FAILED_PRECONDITION (PORT_IN_USE); ALREADY_EXISTS
   * (IP_IN_USE). The ports are created, then bound to the instance and the
   * host the scheduler chose (rebound if the boot moves to another host), and
   * that host gets its network state before the guest is spawned. Deleting
   * the server deletes the ports it created and unbinds (keeps) the ones it
   * was given. A port that can no longer be made when the boot gets to it
   * (an address taken in between, a pool exhausted) ends the boot in ERROR.
   * 
   * Boot from volume (Nova's block_device_mapping, simplified to the root
   * disk): exactly one of `image` and `boot_volume` is the boot source.
   * `boot_volume` names a volume (strato.volume.v1; the caller's project's,
   * available) that becomes the root disk (device vda) for the server's life;
   * `image` with `boot_from_image_volume_gib` first makes a new volume of that
   * size from the image (named "<server name>-boot", the name cut to fit; at
   * least the image's virtual size) and boots from it. Either volume is
   * claimed for the server before the call returns (status attaching, then
   * in-use once the server is ACTIVE; a new volume is placed on a storage host
   * by free capacity as CreateVolume does and is downloading meanwhile, with
   * the server in BUILD/block-device-mapping). The flavor's disk does not apply
   * to such a server: it is neither checked against the image nor claimed on
   * the compute host. A failed boot releases its volume: available again (a
   * volume the boot made from the image is deleted when
   * delete_volume_on_termination), and the server in ERROR lists none; only a
   * build that timed out waiting for a host that does not answer
   * (BUILD_TIMEOUT, whose guest may run there with it) keeps holding it until
   * the server is deleted. Deleting the server releases it: kept and available
   * again, or deleted with delete_volume_on_termination.
   * Errors: INVALID_ARGUMENT (BOOT_SOURCE_INVALID, field named: neither or
   * both of image and boot_volume, boot_from_image_volume_gib without image,
   * delete_volume_on_termination without a volume to boot from; SIZE_INVALID:
   * boot_from_image_volume_gib above 65536; SIZE_BELOW_SOURCE: below the
   * image's virtual size, details.min_size_gib); NOT_FOUND (VOLUME_NOT_FOUND,
   * also another project's); FAILED_PRECONDITION (VOLUME_IN_USE,
   * details.server_id; VOLUME_NOT_AVAILABLE, details.status; NO_STORAGE_HOST);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY: no storage host has the
   * size free); UNAVAILABLE (STORAGE_UNAVAILABLE: no storage host is up).
   * 
   * Quotas (strato.identity.v1.Quotas): the server counts one instance, its
   * flavor's vCPUs (cores) and RAM from this call until it is gone; a boot
   * volume it makes counts as CreateVolume's. The ports it will make must fit
   * the ports quota now, and count when made (a port that no longer fits by
   * then, because of concurrent creates, ends the boot in ERROR with reason
   * QUOTA_EXCEEDED). Errors: RESOURCE_EXHAUSTED (QUOTA_EXCEEDED, details
   * resource, limit, in_use, requested): nothing is created.
   * 
   * Key pair: `key_name` names one of the caller's key pairs
   * (strato.compute.v1.KeyPairs); its public key is copied into the server
   * (deleting the key pair later changes nothing) and reaches the guest on
   * the config drive as Nova puts it: meta_data.json `public_keys`
   * ({"<name>": "<key>"}) and `keys` ([{"name", "type": "ssh", "data"}]).
   * Errors: NOT_FOUND (KEYPAIR_NOT_FOUND, field key_name: also another user's).
   */
  CreateServer(argument: _strato_compute_v1_CreateServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  CreateServer(argument: _strato_compute_v1_CreateServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  CreateServer(argument: _strato_compute_v1_CreateServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  CreateServer(argument: _strato_compute_v1_CreateServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * CreateServer validates, records the server in BUILD/scheduling and
   * schedules it. Not idempotent. Errors: INVALID_ARGUMENT (NAME_INVALID,
   * USER_DATA_TOO_LARGE over 64 KiB, METADATA_INVALID: too many, too long or
   * control characters, HOST_INVALID: host is not a host name); NOT_FOUND
   * (IMAGE_NOT_FOUND, also another project's private image;
   * FLAVOR_NOT_FOUND); FAILED_PRECONDITION (IMAGE_NOT_ACTIVE,
   * IMAGE_TOO_LARGE_FOR_FLAVOR); PERMISSION_DENIED (FORCE_HOST_NOT_ALLOWED:
   * host given by a non-admin). "No valid host" is not an error of this
   * call: the server goes to ERROR with the reasons per filter in its fault
   * (reason NO_VALID_HOST). A spawn that fails on a host is retried on
   * another (up to 3 hosts in all) before the server goes to ERROR with
   * every host's error in the fault. A host that gives no answer at all (its
   * agent restarting) has not failed the spawn: the server stays in BUILD
   * (task spawning, or networking while the host's network state is pushed)
   * with its resources claimed there, and that host is asked again until it
   * answers — the guest it may have started already is adopted — or until
   * the build timeout (conductor setting buildTimeoutS, default 600 s) has
   * passed since it was chosen; then the server goes to ERROR (reason
   * BUILD_TIMEOUT) still placed on that host and holding its resources,
   * since its guest may be running there, until it is deleted.
   * 
   * Networks: each entry of `networks` becomes one NIC, in order. An entry
   * names a network (a port is created for the server on it, owned by the
   * server's project, in its project's default security group, with
   * `fixed_ip` if given, else an address from the pools) or an existing port
   * (the caller's project's, not attached to anything). The request is
   * checked before anything is made: NOT_FOUND (NETWORK_NOT_FOUND,
   * PORT_NOT_FOUND: also another project's); INVALID_ARGUMENT
   * (NETWORK_REQUEST_INVALID: neither or both of network and port, or a
   * fixed_ip with a port; IP_ADDRESS_INVALID, IP_NOT_IN_SUBNET,
   * IP_RESERVED); FAILED_PRECONDITION (PORT_IN_USE); ALREADY_EXISTS
   * (IP_IN_USE). The ports are created, then bound to the instance and the
   * host the scheduler chose (rebound if the boot moves to another host), and
   * that host gets its network state before the guest is spawned. Deleting
   * the server deletes the ports it created and unbinds (keeps) the ones it
   * was given. A port that can no longer be made when the boot gets to it
   * (an address taken in between, a pool exhausted) ends the boot in ERROR.
   * 
   * Boot from volume (Nova's block_device_mapping, simplified to the root
   * disk): exactly one of `image` and `boot_volume` is the boot source.
   * `boot_volume` names a volume (strato.volume.v1; the caller's project's,
   * available) that becomes the root disk (device vda) for the server's life;
   * `image` with `boot_from_image_volume_gib` first makes a new volume of that
   * size from the image (named "<server name>-boot", the name cut to fit; at
   * least the image's virtual size) and boots from it. Either volume is
   * claimed for the server before the call returns (status attaching, then
   * in-use once the server is ACTIVE; a new volume is placed on a storage host
   * by free capacity as CreateVolume does and is downloading meanwhile, with
   * the server in BUILD/block-device-mapping). The flavor's disk does not apply
   * to such a server: it is neither checked against the image nor claimed on
   * the compute host. A failed boot releases its volume: available again (a
   * volume the boot made from the image is deleted when
   * delete_volume_on_termination), and the server in ERROR lists none; only a
   * build that timed out waiting for a host that does not answer
   * (BUILD_TIMEOUT, whose guest may run there with it) keeps holding it until
   * the server is deleted. Deleting the server releases it: kept and available
   * again, or deleted with delete_volume_on_termination.
   * Errors: INVALID_ARGUMENT (BOOT_SOURCE_INVALID, field named: neither or
   * both of image and boot_volume, boot_from_image_volume_gib without image,
   * delete_volume_on_termination without a volume to boot from; SIZE_INVALID:
   * boot_from_image_volume_gib above 65536; SIZE_BELOW_SOURCE: below the
   * image's virtual size, details.min_size_gib); NOT_FOUND (VOLUME_NOT_FOUND,
   * also another project's); FAILED_PRECONDITION (VOLUME_IN_USE,
   * details.server_id; VOLUME_NOT_AVAILABLE, details.status; NO_STORAGE_HOST);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY: no storage host has the
   * size free); UNAVAILABLE (STORAGE_UNAVAILABLE: no storage host is up).
   * 
   * Quotas (strato.identity.v1.Quotas): the server counts one instance, its
   * flavor's vCPUs (cores) and RAM from this call until it is gone; a boot
   * volume it makes counts as CreateVolume's. The ports it will make must fit
   * the ports quota now, and count when made (a port that no longer fits by
   * then, because of concurrent creates, ends the boot in ERROR with reason
   * QUOTA_EXCEEDED). Errors: RESOURCE_EXHAUSTED (QUOTA_EXCEEDED, details
   * resource, limit, in_use, requested): nothing is created.
   * 
   * Key pair: `key_name` names one of the caller's key pairs
   * (strato.compute.v1.KeyPairs); its public key is copied into the server
   * (deleting the key pair later changes nothing) and reaches the guest on
   * the config drive as Nova puts it: meta_data.json `public_keys`
   * ({"<name>": "<key>"}) and `keys` ([{"name", "type": "ssh", "data"}]).
   * Errors: NOT_FOUND (KEYPAIR_NOT_FOUND, field key_name: also another user's).
   */
  createServer(argument: _strato_compute_v1_CreateServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  createServer(argument: _strato_compute_v1_CreateServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  createServer(argument: _strato_compute_v1_CreateServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  createServer(argument: _strato_compute_v1_CreateServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * CreateServerImage snapshots the server's root disk into a new PRIVATE
   * image of the server's project (Nova's createImage): qcow2, flattened (no
   * backing file), inspected like an upload (conductor/images), status queued
   * → saving → active, or killed with the reason (a failed export, a refused
   * inspection, a conductor restart in the middle). Legal in ACTIVE, SHUTOFF,
   * PAUSED and SUSPENDED with no task running (task_state image_snapshot until
   * the image is active or killed); the server keeps its vm_state.
   * A running guest is paused only while its host copies the overlay (a
   * consistent point in time, like a crash: the guest's unsynced writes are
   * not in it), then resumed. The call returns once accepted, with the new
   * image's id (queued); poll strato.image.v1.Images GetImage. Not
   * idempotent (each call makes an image). The image is the caller's to
   * delete like any other; it stays when the server is deleted.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, field name); NOT_FOUND
   * (SERVER_NOT_FOUND); FAILED_PRECONDITION (INVALID_STATE,
   * TASK_IN_PROGRESS; BOOT_FROM_VOLUME: a server booted from a volume has
   * no local root disk: snapshot the volume instead; NOT_ON_HOST).
   */
  CreateServerImage(argument: _strato_compute_v1_CreateServerImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_CreateServerImageResponse__Output>): grpc.ClientUnaryCall;
  CreateServerImage(argument: _strato_compute_v1_CreateServerImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_CreateServerImageResponse__Output>): grpc.ClientUnaryCall;
  CreateServerImage(argument: _strato_compute_v1_CreateServerImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_CreateServerImageResponse__Output>): grpc.ClientUnaryCall;
  CreateServerImage(argument: _strato_compute_v1_CreateServerImageRequest, callback: grpc.requestCallback<_strato_compute_v1_CreateServerImageResponse__Output>): grpc.ClientUnaryCall;
  /**
   * CreateServerImage snapshots the server's root disk into a new PRIVATE
   * image of the server's project (Nova's createImage): qcow2, flattened (no
   * backing file), inspected like an upload (conductor/images), status queued
   * → saving → active, or killed with the reason (a failed export, a refused
   * inspection, a conductor restart in the middle). Legal in ACTIVE, SHUTOFF,
   * PAUSED and SUSPENDED with no task running (task_state image_snapshot until
   * the image is active or killed); the server keeps its vm_state.
   * A running guest is paused only while its host copies the overlay (a
   * consistent point in time, like a crash: the guest's unsynced writes are
   * not in it), then resumed. The call returns once accepted, with the new
   * image's id (queued); poll strato.image.v1.Images GetImage. Not
   * idempotent (each call makes an image). The image is the caller's to
   * delete like any other; it stays when the server is deleted.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, field name); NOT_FOUND
   * (SERVER_NOT_FOUND); FAILED_PRECONDITION (INVALID_STATE,
   * TASK_IN_PROGRESS; BOOT_FROM_VOLUME: a server booted from a volume has
   * no local root disk: snapshot the volume instead; NOT_ON_HOST).
   */
  createServerImage(argument: _strato_compute_v1_CreateServerImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_CreateServerImageResponse__Output>): grpc.ClientUnaryCall;
  createServerImage(argument: _strato_compute_v1_CreateServerImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_CreateServerImageResponse__Output>): grpc.ClientUnaryCall;
  createServerImage(argument: _strato_compute_v1_CreateServerImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_CreateServerImageResponse__Output>): grpc.ClientUnaryCall;
  createServerImage(argument: _strato_compute_v1_CreateServerImageRequest, callback: grpc.requestCallback<_strato_compute_v1_CreateServerImageResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteServer starts deleting (task_state deleting); the server
   * disappears from lists when its host has removed everything (a host that
   * is down is retried until it answers). Legal in every state: it
   * supersedes a boot or action in progress. Idempotent while deleting.
   * Its volumes are detached on the way (the boot volume too): each is
   * available again, or deleted when its attachment says
   * delete_on_termination. Errors: NOT_FOUND (SERVER_NOT_FOUND).
   */
  DeleteServer(argument: _strato_compute_v1_DeleteServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  DeleteServer(argument: _strato_compute_v1_DeleteServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  DeleteServer(argument: _strato_compute_v1_DeleteServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  DeleteServer(argument: _strato_compute_v1_DeleteServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteServer starts deleting (task_state deleting); the server
   * disappears from lists when its host has removed everything (a host that
   * is down is retried until it answers). Legal in every state: it
   * supersedes a boot or action in progress. Idempotent while deleting.
   * Its volumes are detached on the way (the boot volume too): each is
   * available again, or deleted when its attachment says
   * delete_on_termination. Errors: NOT_FOUND (SERVER_NOT_FOUND).
   */
  deleteServer(argument: _strato_compute_v1_DeleteServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  deleteServer(argument: _strato_compute_v1_DeleteServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  deleteServer(argument: _strato_compute_v1_DeleteServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  deleteServer(argument: _strato_compute_v1_DeleteServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetConsoleLog returns the last lines of the serial console (bounded on
   * the host), read from the host on each call. Errors: NOT_FOUND;
   * FAILED_PRECONDITION (NOT_ON_HOST: not placed yet, or a failed build);
   * UNAVAILABLE (the host does not answer).
   */
  GetConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  GetConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  GetConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  GetConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetConsoleLog returns the last lines of the serial console (bounded on
   * the host), read from the host on each call. Errors: NOT_FOUND;
   * FAILED_PRECONDITION (NOT_ON_HOST: not placed yet, or a failed build);
   * UNAVAILABLE (the host does not answer).
   */
  getConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  getConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  getConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  getConsoleLog(argument: _strato_compute_v1_GetConsoleLogRequest, callback: grpc.requestCallback<_strato_compute_v1_GetConsoleLogResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetServer by id or name. Errors: NOT_FOUND (also another project's, and a
   * reference that can be neither an id nor a name); FAILED_PRECONDITION (a
   * name matching several servers).
   */
  GetServer(argument: _strato_compute_v1_GetServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  GetServer(argument: _strato_compute_v1_GetServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  GetServer(argument: _strato_compute_v1_GetServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  GetServer(argument: _strato_compute_v1_GetServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * GetServer by id or name. Errors: NOT_FOUND (also another project's, and a
   * reference that can be neither an id nor a name); FAILED_PRECONDITION (a
   * name matching several servers).
   */
  getServer(argument: _strato_compute_v1_GetServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  getServer(argument: _strato_compute_v1_GetServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  getServer(argument: _strato_compute_v1_GetServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  getServer(argument: _strato_compute_v1_GetServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListServerEvents: every action on the server — who, when, request id,
   * result and error — oldest first, plus what the host saw change on its
   * own (action "host: <old> -> <new> (<event>)", no user or request id).
   * Errors: NOT_FOUND.
   */
  ListServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  ListServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  ListServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  ListServerEvents(argument: _strato_compute_v1_ListServerEventsRequest, callback: grpc.requestCallback<_strato_compute_v1_ListServerEventsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListServerEvents: every action on the server — who, when, request id,
   * result and error — oldest first, plus what the host saw change on its
   * own (action "host: <old> -> <new> (<event>)", no user or request id).
   * Errors: NOT_FOUND.
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
   * RebuildServer gives the server a fresh root disk from `image` (id or
   * name, as CreateServer's; '' = the image it has) and boots it again
   * (Nova's rebuild): same id, name, host and resources claimed there, ports
   * (same MACs and addresses), non-root volumes (attached again at the same
   * devices), metadata, key pair and user data; everything the guest wrote to
   * its old root disk is gone. Legal in ACTIVE, SHUTOFF and ERROR (placed on
   * a host) with no task running: task_state rebuilding (the old guest and
   * disk go), then rebuild_spawning; the server ends ACTIVE (also when it was
   * SHUTOFF). A spawn that fails leaves the server in ERROR on its host with
   * the fault (rebuild or delete it). A host that does not answer is asked
   * again until the build timeout, as for a boot. The new image must fit the
   * flavor. Errors: NOT_FOUND (SERVER_NOT_FOUND, IMAGE_NOT_FOUND: also another
   * project's private image); FAILED_PRECONDITION (INVALID_STATE,
   * TASK_IN_PROGRESS, NOT_ON_HOST, IMAGE_NOT_ACTIVE,
   * IMAGE_TOO_LARGE_FOR_FLAVOR; BOOT_FROM_VOLUME: its root disk is a volume).
   */
  RebuildServer(argument: _strato_compute_v1_RebuildServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RebuildServer(argument: _strato_compute_v1_RebuildServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RebuildServer(argument: _strato_compute_v1_RebuildServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RebuildServer(argument: _strato_compute_v1_RebuildServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * RebuildServer gives the server a fresh root disk from `image` (id or
   * name, as CreateServer's; '' = the image it has) and boots it again
   * (Nova's rebuild): same id, name, host and resources claimed there, ports
   * (same MACs and addresses), non-root volumes (attached again at the same
   * devices), metadata, key pair and user data; everything the guest wrote to
   * its old root disk is gone. Legal in ACTIVE, SHUTOFF and ERROR (placed on
   * a host) with no task running: task_state rebuilding (the old guest and
   * disk go), then rebuild_spawning; the server ends ACTIVE (also when it was
   * SHUTOFF). A spawn that fails leaves the server in ERROR on its host with
   * the fault (rebuild or delete it). A host that does not answer is asked
   * again until the build timeout, as for a boot. The new image must fit the
   * flavor. Errors: NOT_FOUND (SERVER_NOT_FOUND, IMAGE_NOT_FOUND: also another
   * project's private image); FAILED_PRECONDITION (INVALID_STATE,
   * TASK_IN_PROGRESS, NOT_ON_HOST, IMAGE_NOT_ACTIVE,
   * IMAGE_TOO_LARGE_FOR_FLAVOR; BOOT_FROM_VOLUME: its root disk is a volume).
   */
  rebuildServer(argument: _strato_compute_v1_RebuildServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  rebuildServer(argument: _strato_compute_v1_RebuildServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  rebuildServer(argument: _strato_compute_v1_RebuildServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  rebuildServer(argument: _strato_compute_v1_RebuildServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * RemoveServerPort unplugs the NIC of `port` (id or name) from the server;
   * a port the server created is deleted, a port it was given is unbound and
   * kept. Legal in ACTIVE and SHUTOFF with no task running (task_state
   * detaching-port meanwhile). Errors: NOT_FOUND (SERVER_NOT_FOUND;
   * PORT_NOT_FOUND, also a port that is not the server's); FAILED_PRECONDITION
   * (INVALID_STATE, TASK_IN_PROGRESS).
   */
  RemoveServerPort(argument: _strato_compute_v1_RemoveServerPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RemoveServerPort(argument: _strato_compute_v1_RemoveServerPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RemoveServerPort(argument: _strato_compute_v1_RemoveServerPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  RemoveServerPort(argument: _strato_compute_v1_RemoveServerPortRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * RemoveServerPort unplugs the NIC of `port` (id or name) from the server;
   * a port the server created is deleted, a port it was given is unbound and
   * kept. Legal in ACTIVE and SHUTOFF with no task running (task_state
   * detaching-port meanwhile). Errors: NOT_FOUND (SERVER_NOT_FOUND;
   * PORT_NOT_FOUND, also a port that is not the server's); FAILED_PRECONDITION
   * (INVALID_STATE, TASK_IN_PROGRESS).
   */
  removeServerPort(argument: _strato_compute_v1_RemoveServerPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  removeServerPort(argument: _strato_compute_v1_RemoveServerPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  removeServerPort(argument: _strato_compute_v1_RemoveServerPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  removeServerPort(argument: _strato_compute_v1_RemoveServerPortRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * Power actions, each legal only in these vm_states:
   * start: SHUTOFF                        stop: ACTIVE, PAUSED, SUSPENDED, ERROR
   * reboot: ACTIVE                        reboot hard: ACTIVE, SHUTOFF, PAUSED, SUSPENDED, ERROR
   * pause: ACTIVE   unpause: PAUSED       suspend: ACTIVE   resume: SUSPENDED
   * Soft stop and reboot use ACPI and fall back to hard after a timeout.
   * A failed action leaves vm_state as it was and records the error in the
   * server's events. Errors: NOT_FOUND; INVALID_ARGUMENT (ACTION_INVALID);
   * FAILED_PRECONDITION (reason INVALID_STATE or TASK_IN_PROGRESS).
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
   * A failed action leaves vm_state as it was and records the error in the
   * server's events. Errors: NOT_FOUND; INVALID_ARGUMENT (ACTION_INVALID);
   * FAILED_PRECONDITION (reason INVALID_STATE or TASK_IN_PROGRESS).
   */
  serverAction(argument: _strato_compute_v1_ServerActionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  serverAction(argument: _strato_compute_v1_ServerActionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  serverAction(argument: _strato_compute_v1_ServerActionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  serverAction(argument: _strato_compute_v1_ServerActionRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
  /**
   * UpdateServer renames the server and/or changes its metadata (Nova's
   * PUT /servers/{id} and its metadata API): `name` ('' = unchanged), then
   * `unset_metadata` keys removed, then `set_metadata` merged in. Legal in
   * every state but deleting; no task is started and the host is not asked:
   * metadata lives in the conductor (the guest's config drive keeps what it
   * had at boot, as in Nova; a rebuild writes the new one). Idempotent.
   * The result must stay within CreateServer's bounds (128 items, keys and
   * values up to 255 characters, no control characters). Errors:
   * INVALID_ARGUMENT (NAME_INVALID, field name; METADATA_INVALID, field
   * set_metadata or unset_metadata; the value is not echoed whole);
   * NOT_FOUND (SERVER_NOT_FOUND); FAILED_PRECONDITION (INVALID_STATE:
   * deleting).
   */
  UpdateServer(argument: _strato_compute_v1_UpdateServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  UpdateServer(argument: _strato_compute_v1_UpdateServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  UpdateServer(argument: _strato_compute_v1_UpdateServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  UpdateServer(argument: _strato_compute_v1_UpdateServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  /**
   * UpdateServer renames the server and/or changes its metadata (Nova's
   * PUT /servers/{id} and its metadata API): `name` ('' = unchanged), then
   * `unset_metadata` keys removed, then `set_metadata` merged in. Legal in
   * every state but deleting; no task is started and the host is not asked:
   * metadata lives in the conductor (the guest's config drive keeps what it
   * had at boot, as in Nova; a rebuild writes the new one). Idempotent.
   * The result must stay within CreateServer's bounds (128 items, keys and
   * values up to 255 characters, no control characters). Errors:
   * INVALID_ARGUMENT (NAME_INVALID, field name; METADATA_INVALID, field
   * set_metadata or unset_metadata; the value is not echoed whole);
   * NOT_FOUND (SERVER_NOT_FOUND); FAILED_PRECONDITION (INVALID_STATE:
   * deleting).
   */
  updateServer(argument: _strato_compute_v1_UpdateServerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  updateServer(argument: _strato_compute_v1_UpdateServerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  updateServer(argument: _strato_compute_v1_UpdateServerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  updateServer(argument: _strato_compute_v1_UpdateServerRequest, callback: grpc.requestCallback<_strato_compute_v1_Server__Output>): grpc.ClientUnaryCall;
  
}

export interface ServersHandlers extends grpc.UntypedServiceImplementation {
  /**
   * AddServerPort hot-plugs a NIC: on `network` (a port is created as in
   * CreateServer, with `fixed_ip` if given) or the existing `port` (the
   * caller's project's, unattached). Legal in ACTIVE and SHUTOFF with no task
   * running (task_state attaching-port meanwhile); the new NIC shows in
   * `ports`/`addresses` once the host has plugged it. A failed plug leaves
   * the server as it was (a port created for it is deleted again) and
   * records the error in the server's events. Not idempotent (each call adds
   * a NIC). These are RPCs of their own rather than ServerAction verbs
   * because they carry arguments and change the server's NICs, not its power.
   * Errors: as CreateServer's networks; NOT_FOUND (SERVER_NOT_FOUND);
   * FAILED_PRECONDITION (INVALID_STATE, TASK_IN_PROGRESS).
   */
  AddServerPort: grpc.handleUnaryCall<_strato_compute_v1_AddServerPortRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * CreateServer validates, records the server in BUILD/scheduling and
   * schedules it. Not idempotent. Errors: INVALID_ARGUMENT (NAME_INVALID,
   * USER_DATA_TOO_LARGE over 64 KiB, METADATA_INVALID: too many, too long or
   * control characters, HOST_INVALID: host is not a host name); NOT_FOUND
   * (IMAGE_NOT_FOUND, also another project's private image;
   * FLAVOR_NOT_FOUND); FAILED_PRECONDITION (IMAGE_NOT_ACTIVE,
   * IMAGE_TOO_LARGE_FOR_FLAVOR); PERMISSION_DENIED (FORCE_HOST_NOT_ALLOWED:
   * host given by a non-admin). "No valid host" is not an error of this
   * call: the server goes to ERROR with the reasons per filter in its fault
   * (reason NO_VALID_HOST). A spawn that fails on a host is retried on
   * another (up to 3 hosts in all) before the server goes to ERROR with
   * every host's error in the fault. A host that gives no answer at all (its
   * agent restarting) has not failed the spawn: the server stays in BUILD
   * (task spawning, or networking while the host's network state is pushed)
   * with its resources claimed there, and that host is asked again until it
   * answers — the guest it may have started already is adopted — or until
   * the build timeout (conductor setting buildTimeoutS, default 600 s) has
   * passed since it was chosen; then the server goes to ERROR (reason
   * BUILD_TIMEOUT) still placed on that host and holding its resources,
   * since its guest may be running there, until it is deleted.
   * 
   * Networks: each entry of `networks` becomes one NIC, in order. An entry
   * names a network (a port is created for the server on it, owned by the
   * server's project, in its project's default security group, with
   * `fixed_ip` if given, else an address from the pools) or an existing port
   * (the caller's project's, not attached to anything). The request is
   * checked before anything is made: NOT_FOUND (NETWORK_NOT_FOUND,
   * PORT_NOT_FOUND: also another project's); INVALID_ARGUMENT
   * (NETWORK_REQUEST_INVALID: neither or both of network and port, or a
   * fixed_ip with a port; IP_ADDRESS_INVALID, IP_NOT_IN_SUBNET,
   * IP_RESERVED); FAILED_PRECONDITION (PORT_IN_USE); ALREADY_EXISTS
   * (IP_IN_USE). The ports are created, then bound to the instance and the
   * host the scheduler chose (rebound if the boot moves to another host), and
   * that host gets its network state before the guest is spawned. Deleting
   * the server deletes the ports it created and unbinds (keeps) the ones it
   * was given. A port that can no longer be made when the boot gets to it
   * (an address taken in between, a pool exhausted) ends the boot in ERROR.
   * 
   * Boot from volume (Nova's block_device_mapping, simplified to the root
   * disk): exactly one of `image` and `boot_volume` is the boot source.
   * `boot_volume` names a volume (strato.volume.v1; the caller's project's,
   * available) that becomes the root disk (device vda) for the server's life;
   * `image` with `boot_from_image_volume_gib` first makes a new volume of that
   * size from the image (named "<server name>-boot", the name cut to fit; at
   * least the image's virtual size) and boots from it. Either volume is
   * claimed for the server before the call returns (status attaching, then
   * in-use once the server is ACTIVE; a new volume is placed on a storage host
   * by free capacity as CreateVolume does and is downloading meanwhile, with
   * the server in BUILD/block-device-mapping). The flavor's disk does not apply
   * to such a server: it is neither checked against the image nor claimed on
   * the compute host. A failed boot releases its volume: available again (a
   * volume the boot made from the image is deleted when
   * delete_volume_on_termination), and the server in ERROR lists none; only a
   * build that timed out waiting for a host that does not answer
   * (BUILD_TIMEOUT, whose guest may run there with it) keeps holding it until
   * the server is deleted. Deleting the server releases it: kept and available
   * again, or deleted with delete_volume_on_termination.
   * Errors: INVALID_ARGUMENT (BOOT_SOURCE_INVALID, field named: neither or
   * both of image and boot_volume, boot_from_image_volume_gib without image,
   * delete_volume_on_termination without a volume to boot from; SIZE_INVALID:
   * boot_from_image_volume_gib above 65536; SIZE_BELOW_SOURCE: below the
   * image's virtual size, details.min_size_gib); NOT_FOUND (VOLUME_NOT_FOUND,
   * also another project's); FAILED_PRECONDITION (VOLUME_IN_USE,
   * details.server_id; VOLUME_NOT_AVAILABLE, details.status; NO_STORAGE_HOST);
   * RESOURCE_EXHAUSTED (INSUFFICIENT_CAPACITY: no storage host has the
   * size free); UNAVAILABLE (STORAGE_UNAVAILABLE: no storage host is up).
   * 
   * Quotas (strato.identity.v1.Quotas): the server counts one instance, its
   * flavor's vCPUs (cores) and RAM from this call until it is gone; a boot
   * volume it makes counts as CreateVolume's. The ports it will make must fit
   * the ports quota now, and count when made (a port that no longer fits by
   * then, because of concurrent creates, ends the boot in ERROR with reason
   * QUOTA_EXCEEDED). Errors: RESOURCE_EXHAUSTED (QUOTA_EXCEEDED, details
   * resource, limit, in_use, requested): nothing is created.
   * 
   * Key pair: `key_name` names one of the caller's key pairs
   * (strato.compute.v1.KeyPairs); its public key is copied into the server
   * (deleting the key pair later changes nothing) and reaches the guest on
   * the config drive as Nova puts it: meta_data.json `public_keys`
   * ({"<name>": "<key>"}) and `keys` ([{"name", "type": "ssh", "data"}]).
   * Errors: NOT_FOUND (KEYPAIR_NOT_FOUND, field key_name: also another user's).
   */
  CreateServer: grpc.handleUnaryCall<_strato_compute_v1_CreateServerRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * CreateServerImage snapshots the server's root disk into a new PRIVATE
   * image of the server's project (Nova's createImage): qcow2, flattened (no
   * backing file), inspected like an upload (conductor/images), status queued
   * → saving → active, or killed with the reason (a failed export, a refused
   * inspection, a conductor restart in the middle). Legal in ACTIVE, SHUTOFF,
   * PAUSED and SUSPENDED with no task running (task_state image_snapshot until
   * the image is active or killed); the server keeps its vm_state.
   * A running guest is paused only while its host copies the overlay (a
   * consistent point in time, like a crash: the guest's unsynced writes are
   * not in it), then resumed. The call returns once accepted, with the new
   * image's id (queued); poll strato.image.v1.Images GetImage. Not
   * idempotent (each call makes an image). The image is the caller's to
   * delete like any other; it stays when the server is deleted.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, field name); NOT_FOUND
   * (SERVER_NOT_FOUND); FAILED_PRECONDITION (INVALID_STATE,
   * TASK_IN_PROGRESS; BOOT_FROM_VOLUME: a server booted from a volume has
   * no local root disk: snapshot the volume instead; NOT_ON_HOST).
   */
  CreateServerImage: grpc.handleUnaryCall<_strato_compute_v1_CreateServerImageRequest__Output, _strato_compute_v1_CreateServerImageResponse>;
  
  /**
   * DeleteServer starts deleting (task_state deleting); the server
   * disappears from lists when its host has removed everything (a host that
   * is down is retried until it answers). Legal in every state: it
   * supersedes a boot or action in progress. Idempotent while deleting.
   * Its volumes are detached on the way (the boot volume too): each is
   * available again, or deleted when its attachment says
   * delete_on_termination. Errors: NOT_FOUND (SERVER_NOT_FOUND).
   */
  DeleteServer: grpc.handleUnaryCall<_strato_compute_v1_DeleteServerRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * GetConsoleLog returns the last lines of the serial console (bounded on
   * the host), read from the host on each call. Errors: NOT_FOUND;
   * FAILED_PRECONDITION (NOT_ON_HOST: not placed yet, or a failed build);
   * UNAVAILABLE (the host does not answer).
   */
  GetConsoleLog: grpc.handleUnaryCall<_strato_compute_v1_GetConsoleLogRequest__Output, _strato_compute_v1_GetConsoleLogResponse>;
  
  /**
   * GetServer by id or name. Errors: NOT_FOUND (also another project's, and a
   * reference that can be neither an id nor a name); FAILED_PRECONDITION (a
   * name matching several servers).
   */
  GetServer: grpc.handleUnaryCall<_strato_compute_v1_GetServerRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * ListServerEvents: every action on the server — who, when, request id,
   * result and error — oldest first, plus what the host saw change on its
   * own (action "host: <old> -> <new> (<event>)", no user or request id).
   * Errors: NOT_FOUND.
   */
  ListServerEvents: grpc.handleUnaryCall<_strato_compute_v1_ListServerEventsRequest__Output, _strato_compute_v1_ListServerEventsResponse>;
  
  /**
   * ListServers of the caller's project (all projects for admins asking
   * for it), paginated, ordered by name.
   */
  ListServers: grpc.handleUnaryCall<_strato_compute_v1_ListServersRequest__Output, _strato_compute_v1_ListServersResponse>;
  
  /**
   * RebuildServer gives the server a fresh root disk from `image` (id or
   * name, as CreateServer's; '' = the image it has) and boots it again
   * (Nova's rebuild): same id, name, host and resources claimed there, ports
   * (same MACs and addresses), non-root volumes (attached again at the same
   * devices), metadata, key pair and user data; everything the guest wrote to
   * its old root disk is gone. Legal in ACTIVE, SHUTOFF and ERROR (placed on
   * a host) with no task running: task_state rebuilding (the old guest and
   * disk go), then rebuild_spawning; the server ends ACTIVE (also when it was
   * SHUTOFF). A spawn that fails leaves the server in ERROR on its host with
   * the fault (rebuild or delete it). A host that does not answer is asked
   * again until the build timeout, as for a boot. The new image must fit the
   * flavor. Errors: NOT_FOUND (SERVER_NOT_FOUND, IMAGE_NOT_FOUND: also another
   * project's private image); FAILED_PRECONDITION (INVALID_STATE,
   * TASK_IN_PROGRESS, NOT_ON_HOST, IMAGE_NOT_ACTIVE,
   * IMAGE_TOO_LARGE_FOR_FLAVOR; BOOT_FROM_VOLUME: its root disk is a volume).
   */
  RebuildServer: grpc.handleUnaryCall<_strato_compute_v1_RebuildServerRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * RemoveServerPort unplugs the NIC of `port` (id or name) from the server;
   * a port the server created is deleted, a port it was given is unbound and
   * kept. Legal in ACTIVE and SHUTOFF with no task running (task_state
   * detaching-port meanwhile). Errors: NOT_FOUND (SERVER_NOT_FOUND;
   * PORT_NOT_FOUND, also a port that is not the server's); FAILED_PRECONDITION
   * (INVALID_STATE, TASK_IN_PROGRESS).
   */
  RemoveServerPort: grpc.handleUnaryCall<_strato_compute_v1_RemoveServerPortRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * Power actions, each legal only in these vm_states:
   * start: SHUTOFF                        stop: ACTIVE, PAUSED, SUSPENDED, ERROR
   * reboot: ACTIVE                        reboot hard: ACTIVE, SHUTOFF, PAUSED, SUSPENDED, ERROR
   * pause: ACTIVE   unpause: PAUSED       suspend: ACTIVE   resume: SUSPENDED
   * Soft stop and reboot use ACPI and fall back to hard after a timeout.
   * A failed action leaves vm_state as it was and records the error in the
   * server's events. Errors: NOT_FOUND; INVALID_ARGUMENT (ACTION_INVALID);
   * FAILED_PRECONDITION (reason INVALID_STATE or TASK_IN_PROGRESS).
   */
  ServerAction: grpc.handleUnaryCall<_strato_compute_v1_ServerActionRequest__Output, _strato_compute_v1_Server>;
  
  /**
   * UpdateServer renames the server and/or changes its metadata (Nova's
   * PUT /servers/{id} and its metadata API): `name` ('' = unchanged), then
   * `unset_metadata` keys removed, then `set_metadata` merged in. Legal in
   * every state but deleting; no task is started and the host is not asked:
   * metadata lives in the conductor (the guest's config drive keeps what it
   * had at boot, as in Nova; a rebuild writes the new one). Idempotent.
   * The result must stay within CreateServer's bounds (128 items, keys and
   * values up to 255 characters, no control characters). Errors:
   * INVALID_ARGUMENT (NAME_INVALID, field name; METADATA_INVALID, field
   * set_metadata or unset_metadata; the value is not echoed whole);
   * NOT_FOUND (SERVER_NOT_FOUND); FAILED_PRECONDITION (INVALID_STATE:
   * deleting).
   */
  UpdateServer: grpc.handleUnaryCall<_strato_compute_v1_UpdateServerRequest__Output, _strato_compute_v1_Server>;
  
}

export interface ServersDefinition extends grpc.ServiceDefinition {
  AddServerPort: MethodDefinition<_strato_compute_v1_AddServerPortRequest, _strato_compute_v1_Server, _strato_compute_v1_AddServerPortRequest__Output, _strato_compute_v1_Server__Output>
  CreateServer: MethodDefinition<_strato_compute_v1_CreateServerRequest, _strato_compute_v1_Server, _strato_compute_v1_CreateServerRequest__Output, _strato_compute_v1_Server__Output>
  CreateServerImage: MethodDefinition<_strato_compute_v1_CreateServerImageRequest, _strato_compute_v1_CreateServerImageResponse, _strato_compute_v1_CreateServerImageRequest__Output, _strato_compute_v1_CreateServerImageResponse__Output>
  DeleteServer: MethodDefinition<_strato_compute_v1_DeleteServerRequest, _strato_compute_v1_Server, _strato_compute_v1_DeleteServerRequest__Output, _strato_compute_v1_Server__Output>
  GetConsoleLog: MethodDefinition<_strato_compute_v1_GetConsoleLogRequest, _strato_compute_v1_GetConsoleLogResponse, _strato_compute_v1_GetConsoleLogRequest__Output, _strato_compute_v1_GetConsoleLogResponse__Output>
  GetServer: MethodDefinition<_strato_compute_v1_GetServerRequest, _strato_compute_v1_Server, _strato_compute_v1_GetServerRequest__Output, _strato_compute_v1_Server__Output>
  ListServerEvents: MethodDefinition<_strato_compute_v1_ListServerEventsRequest, _strato_compute_v1_ListServerEventsResponse, _strato_compute_v1_ListServerEventsRequest__Output, _strato_compute_v1_ListServerEventsResponse__Output>
  ListServers: MethodDefinition<_strato_compute_v1_ListServersRequest, _strato_compute_v1_ListServersResponse, _strato_compute_v1_ListServersRequest__Output, _strato_compute_v1_ListServersResponse__Output>
  RebuildServer: MethodDefinition<_strato_compute_v1_RebuildServerRequest, _strato_compute_v1_Server, _strato_compute_v1_RebuildServerRequest__Output, _strato_compute_v1_Server__Output>
  RemoveServerPort: MethodDefinition<_strato_compute_v1_RemoveServerPortRequest, _strato_compute_v1_Server, _strato_compute_v1_RemoveServerPortRequest__Output, _strato_compute_v1_Server__Output>
  ServerAction: MethodDefinition<_strato_compute_v1_ServerActionRequest, _strato_compute_v1_Server, _strato_compute_v1_ServerActionRequest__Output, _strato_compute_v1_Server__Output>
  UpdateServer: MethodDefinition<_strato_compute_v1_UpdateServerRequest, _strato_compute_v1_Server, _strato_compute_v1_UpdateServerRequest__Output, _strato_compute_v1_Server__Output>
}
