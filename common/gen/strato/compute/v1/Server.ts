// Original file: strato/compute/v1/server.proto

import type { Flavor as _strato_compute_v1_Flavor, Flavor__Output as _strato_compute_v1_Flavor__Output } from '../../../strato/compute/v1/Flavor.ts';
import type { Fault as _strato_compute_v1_Fault, Fault__Output as _strato_compute_v1_Fault__Output } from '../../../strato/compute/v1/Fault.ts';
import type { ServerAddresses as _strato_compute_v1_ServerAddresses, ServerAddresses__Output as _strato_compute_v1_ServerAddresses__Output } from '../../../strato/compute/v1/ServerAddresses.ts';
import type { ServerPort as _strato_compute_v1_ServerPort, ServerPort__Output as _strato_compute_v1_ServerPort__Output } from '../../../strato/compute/v1/ServerPort.ts';
import type { ServerVolume as _strato_compute_v1_ServerVolume, ServerVolume__Output as _strato_compute_v1_ServerVolume__Output } from '../../../strato/compute/v1/ServerVolume.ts';

export interface Server {
  'id'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  /**
   * The image it booted from ('' when booted from an existing volume).
   */
  'imageId'?: (string);
  'flavor'?: (_strato_compute_v1_Flavor | null);
  'vmState'?: (string);
  'taskState'?: (string);
  'powerState'?: (string);
  /**
   * Set for admins only; empty before scheduling.
   */
  'host'?: (string);
  'fault'?: (_strato_compute_v1_Fault | null);
  'createdAt'?: (string);
  'updatedAt'?: (string);
  'launchedAt'?: (string);
  'metadata'?: ({[key: string]: string});
  /**
   * The user who created the server.
   */
  'userId'?: (string);
  /**
   * Network name -> the server's IPv4 addresses on it (Nova's `addresses`).
   */
  'addresses'?: ({[key: string]: _strato_compute_v1_ServerAddresses});
  /**
   * The server's NICs in guest order.
   */
  'ports'?: (_strato_compute_v1_ServerPort)[];
  /**
   * Volumes attached to the server, and those being attached or detached
   * (each volume's status says which), the boot volume first.
   */
  'volumes'?: (_strato_compute_v1_ServerVolume)[];
  /**
   * The key pair it was created with ('' for none): its public key is the
   * server's even if the key pair was deleted since.
   */
  'keyName'?: (string);
  /**
   * Whether the guest has a config drive (CreateServerRequest.config_drive).
   */
  'configDrive'?: (boolean);
  /**
   * Nova's status, derived from vm_state and task_state as Nova's API does:
   * VERIFY_RESIZE for a resize that arrived and waits for ConfirmResize or
   * RevertResize (vm_state RESIZED), REVERT_RESIZE while it is reverted,
   * RESIZE while a cold migration or resize runs, MIGRATING while a live
   * migration runs; else the vm_state (ACTIVE, SHUTOFF, ERROR …).
   */
  'status'?: (string);
}

export interface Server__Output {
  'id': (string);
  'name': (string);
  'projectId': (string);
  /**
   * The image it booted from ('' when booted from an existing volume).
   */
  'imageId': (string);
  'flavor': (_strato_compute_v1_Flavor__Output | null);
  'vmState': (string);
  'taskState': (string);
  'powerState': (string);
  /**
   * Set for admins only; empty before scheduling.
   */
  'host': (string);
  'fault': (_strato_compute_v1_Fault__Output | null);
  'createdAt': (string);
  'updatedAt': (string);
  'launchedAt': (string);
  'metadata': ({[key: string]: string});
  /**
   * The user who created the server.
   */
  'userId': (string);
  /**
   * Network name -> the server's IPv4 addresses on it (Nova's `addresses`).
   */
  'addresses': ({[key: string]: _strato_compute_v1_ServerAddresses__Output});
  /**
   * The server's NICs in guest order.
   */
  'ports': (_strato_compute_v1_ServerPort__Output)[];
  /**
   * Volumes attached to the server, and those being attached or detached
   * (each volume's status says which), the boot volume first.
   */
  'volumes': (_strato_compute_v1_ServerVolume__Output)[];
  /**
   * The key pair it was created with ('' for none): its public key is the
   * server's even if the key pair was deleted since.
   */
  'keyName': (string);
  /**
   * Whether the guest has a config drive (CreateServerRequest.config_drive).
   */
  'configDrive': (boolean);
  /**
   * Nova's status, derived from vm_state and task_state as Nova's API does:
   * VERIFY_RESIZE for a resize that arrived and waits for ConfirmResize or
   * RevertResize (vm_state RESIZED), REVERT_RESIZE while it is reverted,
   * RESIZE while a cold migration or resize runs, MIGRATING while a live
   * migration runs; else the vm_state (ACTIVE, SHUTOFF, ERROR …).
   */
  'status': (string);
}
