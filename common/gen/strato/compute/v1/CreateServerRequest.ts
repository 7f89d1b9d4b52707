// Original file: strato/compute/v1/server.proto

import type { ServerNetwork as _strato_compute_v1_ServerNetwork, ServerNetwork__Output as _strato_compute_v1_ServerNetwork__Output } from '../../../strato/compute/v1/ServerNetwork.ts';

export interface CreateServerRequest {
  'name'?: (string);
  /**
   * Image id or name; '' with boot_volume.
   */
  'image'?: (string);
  /**
   * Flavor id or name.
   */
  'flavor'?: (string);
  /**
   * Passed to the guest on the config drive (openstack/latest/user_data).
   */
  'userData'?: (Buffer | Uint8Array | string);
  /**
   * Admin only: place on this host, bypassing the weighers (filters still
   * apply).
   */
  'host'?: (string);
  'metadata'?: ({[key: string]: string});
  /**
   * NICs, in guest order; none = a server without network.
   */
  'networks'?: (_strato_compute_v1_ServerNetwork)[];
  /**
   * Boot from this existing volume (id or name) instead of an image.
   */
  'bootVolume'?: (string);
  /**
   * With image: boot from a new volume of this many GiB made from the image;
   * 0 = boot from a local copy of the image as usual.
   */
  'bootFromImageVolumeGib'?: (number);
  /**
   * With boot_volume or boot_from_image_volume_gib: delete the volume when
   * the server is deleted (default: keep it).
   */
  'deleteVolumeOnTermination'?: (boolean);
  /**
   * One of the caller's key pairs: its public key goes onto the config drive.
   */
  'keyName'?: (string);
  /**
   * Absent or true: the guest gets a config drive (strato's default, unlike
   * Nova's); false: none, and the guest reads the same facts from the metadata
   * service (http://169.254.169.254) on its network's router or DHCP server.
   */
  'configDrive'?: (boolean);
  '_configDrive'?: "configDrive";
}

export interface CreateServerRequest__Output {
  'name': (string);
  /**
   * Image id or name; '' with boot_volume.
   */
  'image': (string);
  /**
   * Flavor id or name.
   */
  'flavor': (string);
  /**
   * Passed to the guest on the config drive (openstack/latest/user_data).
   */
  'userData': (Buffer);
  /**
   * Admin only: place on this host, bypassing the weighers (filters still
   * apply).
   */
  'host': (string);
  'metadata': ({[key: string]: string});
  /**
   * NICs, in guest order; none = a server without network.
   */
  'networks': (_strato_compute_v1_ServerNetwork__Output)[];
  /**
   * Boot from this existing volume (id or name) instead of an image.
   */
  'bootVolume': (string);
  /**
   * With image: boot from a new volume of this many GiB made from the image;
   * 0 = boot from a local copy of the image as usual.
   */
  'bootFromImageVolumeGib': (number);
  /**
   * With boot_volume or boot_from_image_volume_gib: delete the volume when
   * the server is deleted (default: keep it).
   */
  'deleteVolumeOnTermination': (boolean);
  /**
   * One of the caller's key pairs: its public key goes onto the config drive.
   */
  'keyName': (string);
  /**
   * Absent or true: the guest gets a config drive (strato's default, unlike
   * Nova's); false: none, and the guest reads the same facts from the metadata
   * service (http://169.254.169.254) on its network's router or DHCP server.
   */
  'configDrive'?: (boolean);
  '_configDrive'?: "configDrive";
}
