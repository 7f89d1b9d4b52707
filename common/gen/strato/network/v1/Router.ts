// Original file: strato/network/v1/router.proto

import type { ExternalGateway as _strato_network_v1_ExternalGateway, ExternalGateway__Output as _strato_network_v1_ExternalGateway__Output } from '../../../strato/network/v1/ExternalGateway.ts';
import type { RouterInterface as _strato_network_v1_RouterInterface, RouterInterface__Output as _strato_network_v1_RouterInterface__Output } from '../../../strato/network/v1/RouterInterface.ts';

export interface Router {
  'id'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  /**
   * Absent: no external gateway.
   */
  'externalGateway'?: (_strato_network_v1_ExternalGateway | null);
  /**
   * In the order they were added.
   */
  'interfaces'?: (_strato_network_v1_RouterInterface)[];
  /**
   * The host whose agent runs the router (admins only; '' for others).
   */
  'host'?: (string);
  /**
   * "ACTIVE" while its host is up (heartbeating), "BUILD" otherwise; whether
   * the host has applied the router is not tracked per router yet.
   */
  'status'?: (string);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface Router__Output {
  'id': (string);
  'name': (string);
  'projectId': (string);
  /**
   * Absent: no external gateway.
   */
  'externalGateway': (_strato_network_v1_ExternalGateway__Output | null);
  /**
   * In the order they were added.
   */
  'interfaces': (_strato_network_v1_RouterInterface__Output)[];
  /**
   * The host whose agent runs the router (admins only; '' for others).
   */
  'host': (string);
  /**
   * "ACTIVE" while its host is up (heartbeating), "BUILD" otherwise; whether
   * the host has applied the router is not tracked per router yet.
   */
  'status': (string);
  'createdAt': (string);
  'updatedAt': (string);
}
