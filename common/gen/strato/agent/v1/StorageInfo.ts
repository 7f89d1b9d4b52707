// Original file: strato/agent/v1/agent_storage.proto

import type { Long } from '@grpc/proto-loader';

export interface StorageInfo {
  /**
   * file | lvm
   */
  'backend'?: (string);
  'totalBytes'?: (number | string | Long);
  'allocatedBytes'?: (number | string | Long);
  'freeBytes'?: (number | string | Long);
  /**
   * Sizes are rounded up to a multiple of this (file: 1 MiB; lvm: the extent size).
   */
  'sizeGranularityBytes'?: (number | string | Long);
  'snapshotsSupported'?: (boolean);
  /**
   * Why not, when snapshots_supported is false.
   */
  'snapshotsUnsupportedReason'?: (string);
  /**
   * zero | none: what DeleteVolume does to a volume's bytes.
   */
  'wipePolicy'?: (string);
  /**
   * Where initiators connect: `address:port` (IPv6 in brackets).
   */
  'iscsiPortal'?: (string);
}

export interface StorageInfo__Output {
  /**
   * file | lvm
   */
  'backend': (string);
  'totalBytes': (string);
  'allocatedBytes': (string);
  'freeBytes': (string);
  /**
   * Sizes are rounded up to a multiple of this (file: 1 MiB; lvm: the extent size).
   */
  'sizeGranularityBytes': (string);
  'snapshotsSupported': (boolean);
  /**
   * Why not, when snapshots_supported is false.
   */
  'snapshotsUnsupportedReason': (string);
  /**
   * zero | none: what DeleteVolume does to a volume's bytes.
   */
  'wipePolicy': (string);
  /**
   * Where initiators connect: `address:port` (IPv6 in brackets).
   */
  'iscsiPortal': (string);
}
