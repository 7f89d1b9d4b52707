// Original file: strato/identity/v1/quota.proto

import type { Long } from '@grpc/proto-loader';

export interface SetQuotaRequest {
  /**
   * Project name or id.
   */
  'project'?: (string);
  /**
   * Absent: kept. -1: unlimited.
   */
  'instances'?: (number | string | Long);
  'cores'?: (number | string | Long);
  /**
   * MiB.
   */
  'ram'?: (number | string | Long);
  'volumes'?: (number | string | Long);
  /**
   * GiB of volumes and snapshots.
   */
  'gigabytes'?: (number | string | Long);
  'snapshots'?: (number | string | Long);
  'networks'?: (number | string | Long);
  'ports'?: (number | string | Long);
  'securityGroups'?: (number | string | Long);
  'floatingIps'?: (number | string | Long);
  'routers'?: (number | string | Long);
  '_instances'?: "instances";
  '_cores'?: "cores";
  '_ram'?: "ram";
  '_volumes'?: "volumes";
  '_gigabytes'?: "gigabytes";
  '_snapshots'?: "snapshots";
  '_networks'?: "networks";
  '_ports'?: "ports";
  '_securityGroups'?: "securityGroups";
  '_floatingIps'?: "floatingIps";
  '_routers'?: "routers";
}

export interface SetQuotaRequest__Output {
  /**
   * Project name or id.
   */
  'project': (string);
  /**
   * Absent: kept. -1: unlimited.
   */
  'instances'?: (string);
  'cores'?: (string);
  /**
   * MiB.
   */
  'ram'?: (string);
  'volumes'?: (string);
  /**
   * GiB of volumes and snapshots.
   */
  'gigabytes'?: (string);
  'snapshots'?: (string);
  'networks'?: (string);
  'ports'?: (string);
  'securityGroups'?: (string);
  'floatingIps'?: (string);
  'routers'?: (string);
  '_instances'?: "instances";
  '_cores'?: "cores";
  '_ram'?: "ram";
  '_volumes'?: "volumes";
  '_gigabytes'?: "gigabytes";
  '_snapshots'?: "snapshots";
  '_networks'?: "networks";
  '_ports'?: "ports";
  '_securityGroups'?: "securityGroups";
  '_floatingIps'?: "floatingIps";
  '_routers'?: "routers";
}
