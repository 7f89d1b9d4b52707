// Original file: strato/compute/v1/server.proto

import type { Flavor as _strato_compute_v1_Flavor, Flavor__Output as _strato_compute_v1_Flavor__Output } from '../../../strato/compute/v1/Flavor.ts';
import type { Fault as _strato_compute_v1_Fault, Fault__Output as _strato_compute_v1_Fault__Output } from '../../../strato/compute/v1/Fault.ts';

export interface Server {
  'id'?: (string);
  'name'?: (string);
  'projectId'?: (string);
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
}

export interface Server__Output {
  'id': (string);
  'name': (string);
  'projectId': (string);
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
}
