// Original file: strato/agent/v1/agent.proto

import type { FlavorSpec as _strato_agent_v1_FlavorSpec, FlavorSpec__Output as _strato_agent_v1_FlavorSpec__Output } from '../../../strato/agent/v1/FlavorSpec.ts';
import type { ImageRef as _strato_agent_v1_ImageRef, ImageRef__Output as _strato_agent_v1_ImageRef__Output } from '../../../strato/agent/v1/ImageRef.ts';

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
}
