// Original file: strato/agent/v1/agent.proto

import type { FlavorSpec as _strato_agent_v1_FlavorSpec, FlavorSpec__Output as _strato_agent_v1_FlavorSpec__Output } from '../../../strato/agent/v1/FlavorSpec.ts';
import type { ImageRef as _strato_agent_v1_ImageRef, ImageRef__Output as _strato_agent_v1_ImageRef__Output } from '../../../strato/agent/v1/ImageRef.ts';
import type { PortSpec as _strato_agent_v1_PortSpec, PortSpec__Output as _strato_agent_v1_PortSpec__Output } from '../../../strato/agent/v1/PortSpec.ts';
import type { VolumeSpec as _strato_agent_v1_VolumeSpec, VolumeSpec__Output as _strato_agent_v1_VolumeSpec__Output } from '../../../strato/agent/v1/VolumeSpec.ts';
import type { PublicKey as _strato_agent_v1_PublicKey, PublicKey__Output as _strato_agent_v1_PublicKey__Output } from '../../../strato/agent/v1/PublicKey.ts';

export interface SpawnInstanceRequest {
  'instanceId'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  'flavor'?: (_strato_agent_v1_FlavorSpec | null);
  'image'?: (_strato_agent_v1_ImageRef | null);
  'userData'?: (Buffer | Uint8Array | string);
  'metadata'?: ({[key: string]: string});
  /**
   * JSON for openstack/latest/network_data.json on the config drive.
   */
  'networkDataJson'?: (string);
  /**
   * The instance's NICs in guest order (empty: no NIC). The conductor has
   * pushed the host's network state (AgentNetwork.ApplyNetworkState, whose
   * ports include these) before it calls SpawnInstance; the agent starts the
   * domain only once each port's tap is wired on its bridge.
   */
  'ports'?: (_strato_agent_v1_PortSpec)[];
  /**
   * Boot from volume: the root disk (vda) is this iSCSI volume instead of a
   * qcow2 overlay on the cached image (the image is then not fetched). The
   * storage host has exported it to this host first.
   */
  'bootVolume'?: (_strato_agent_v1_VolumeSpec | null);
  /**
   * Volumes attached at spawn (a rebuild or a move), in addition to the root.
   */
  'volumes'?: (_strato_agent_v1_VolumeSpec)[];
  /**
   * SSH public keys for the guest (the server's key pair; empty: none), written
   * on the config drive as Nova does: meta_data.json `public_keys` (name → key)
   * and `keys` ([{name, type "ssh", data}]). At most 16, each one line of at
   * most 8192 characters with no control characters; else INVALID_ARGUMENT
   * (INVALID_SPAWN_REQUEST, field public_keys).
   */
  'publicKeys'?: (_strato_agent_v1_PublicKey)[];
  /**
   * True: the guest gets no config drive (the server was created with
   * config_drive false; it reads the metadata service instead).
   */
  'noConfigDrive'?: (boolean);
}

export interface SpawnInstanceRequest__Output {
  'instanceId': (string);
  'name': (string);
  'projectId': (string);
  'flavor': (_strato_agent_v1_FlavorSpec__Output | null);
  'image': (_strato_agent_v1_ImageRef__Output | null);
  'userData': (Buffer);
  'metadata': ({[key: string]: string});
  /**
   * JSON for openstack/latest/network_data.json on the config drive.
   */
  'networkDataJson': (string);
  /**
   * The instance's NICs in guest order (empty: no NIC). The conductor has
   * pushed the host's network state (AgentNetwork.ApplyNetworkState, whose
   * ports include these) before it calls SpawnInstance; the agent starts the
   * domain only once each port's tap is wired on its bridge.
   */
  'ports': (_strato_agent_v1_PortSpec__Output)[];
  /**
   * Boot from volume: the root disk (vda) is this iSCSI volume instead of a
   * qcow2 overlay on the cached image (the image is then not fetched). The
   * storage host has exported it to this host first.
   */
  'bootVolume': (_strato_agent_v1_VolumeSpec__Output | null);
  /**
   * Volumes attached at spawn (a rebuild or a move), in addition to the root.
   */
  'volumes': (_strato_agent_v1_VolumeSpec__Output)[];
  /**
   * SSH public keys for the guest (the server's key pair; empty: none), written
   * on the config drive as Nova does: meta_data.json `public_keys` (name → key)
   * and `keys` ([{name, type "ssh", data}]). At most 16, each one line of at
   * most 8192 characters with no control characters; else INVALID_ARGUMENT
   * (INVALID_SPAWN_REQUEST, field public_keys).
   */
  'publicKeys': (_strato_agent_v1_PublicKey__Output)[];
  /**
   * True: the guest gets no config drive (the server was created with
   * config_drive false; it reads the metadata service instead).
   */
  'noConfigDrive': (boolean);
}
