// Original file: strato/host/v1/host.proto

import type { Long } from '@grpc/proto-loader';

/**
 * What a storage host reports of its backend (strato.agent.v1.AgentStorage
 * GetStorageInfo, as the agent's registrar reads it). Sizes in bytes, thick:
 * every volume and snapshot on the host counts in full.
 */
export interface StorageReport {
  /**
   * "file" | "lvm"
   */
  'backend'?: (string);
  'totalBytes'?: (number | string | Long);
  /**
   * What the host's volumes and snapshots take now (the host's own count).
   */
  'allocatedBytes'?: (number | string | Long);
  'freeBytes'?: (number | string | Long);
  /**
   * Volume sizes are rounded up to a multiple of this (file: 1 MiB; lvm: the
   * extent size).
   */
  'sizeGranularityBytes'?: (number | string | Long);
  'snapshotsSupported'?: (boolean);
  /**
   * Why not, when snapshots_supported is false (e.g. LVM without device-mapper).
   */
  'snapshotsUnsupportedReason'?: (string);
  /**
   * "zero" | "none": what deleting does to a volume's bytes.
   */
  'wipePolicy'?: (string);
  /**
   * Where initiators connect: address:port (IPv6 in brackets).
   */
  'iscsiPortal'?: (string);
}

/**
 * What a storage host reports of its backend (strato.agent.v1.AgentStorage
 * GetStorageInfo, as the agent's registrar reads it). Sizes in bytes, thick:
 * every volume and snapshot on the host counts in full.
 */
export interface StorageReport__Output {
  /**
   * "file" | "lvm"
   */
  'backend': (string);
  'totalBytes': (string);
  /**
   * What the host's volumes and snapshots take now (the host's own count).
   */
  'allocatedBytes': (string);
  'freeBytes': (string);
  /**
   * Volume sizes are rounded up to a multiple of this (file: 1 MiB; lvm: the
   * extent size).
   */
  'sizeGranularityBytes': (string);
  'snapshotsSupported': (boolean);
  /**
   * Why not, when snapshots_supported is false (e.g. LVM without device-mapper).
   */
  'snapshotsUnsupportedReason': (string);
  /**
   * "zero" | "none": what deleting does to a volume's bytes.
   */
  'wipePolicy': (string);
  /**
   * Where initiators connect: address:port (IPv6 in brackets).
   */
  'iscsiPortal': (string);
}
