// Original file: strato/volume/v1/volume.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One storage host's backend, as the scheduler sees it.
 */
export interface VolumeBackend {
  /**
   * The storage host's id.
   */
  'host'?: (string);
  /**
   * "lvm" | "file".
   */
  'backend'?: (string);
  /**
   * The host's state: "up" | "down".
   */
  'state'?: (string);
  /**
   * A disabled host keeps its volumes but gets no new ones.
   */
  'enabled'?: (boolean);
  /**
   * What the host reports its backend can hold (the volume group's or the
   * directory's filesystem's size).
   */
  'capacityBytes'?: (number | string | Long);
  /**
   * What the scheduler has placed there: every volume and snapshot in full,
   * those being created included.
   */
  'allocatedBytes'?: (number | string | Long);
  /**
   * capacity_bytes - allocated_bytes (0 when over): the largest volume a
   * create may place there now.
   */
  'freeBytes'?: (number | string | Long);
  'volumeCount'?: (number);
  'snapshotCount'?: (number);
  'snapshotsSupported'?: (boolean);
  /**
   * Why not, when snapshots_supported is false.
   */
  'snapshotsUnsupportedReason'?: (string);
  /**
   * What deleting does to a volume's bytes: "zero" | "none".
   */
  'wipePolicy'?: (string);
  /**
   * Where initiators connect (address:port).
   */
  'iscsiPortal'?: (string);
  /**
   * When the host last reported its capacity.
   */
  'reportedAt'?: (string);
}

/**
 * One storage host's backend, as the scheduler sees it.
 */
export interface VolumeBackend__Output {
  /**
   * The storage host's id.
   */
  'host': (string);
  /**
   * "lvm" | "file".
   */
  'backend': (string);
  /**
   * The host's state: "up" | "down".
   */
  'state': (string);
  /**
   * A disabled host keeps its volumes but gets no new ones.
   */
  'enabled': (boolean);
  /**
   * What the host reports its backend can hold (the volume group's or the
   * directory's filesystem's size).
   */
  'capacityBytes': (string);
  /**
   * What the scheduler has placed there: every volume and snapshot in full,
   * those being created included.
   */
  'allocatedBytes': (string);
  /**
   * capacity_bytes - allocated_bytes (0 when over): the largest volume a
   * create may place there now.
   */
  'freeBytes': (string);
  'volumeCount': (number);
  'snapshotCount': (number);
  'snapshotsSupported': (boolean);
  /**
   * Why not, when snapshots_supported is false.
   */
  'snapshotsUnsupportedReason': (string);
  /**
   * What deleting does to a volume's bytes: "zero" | "none".
   */
  'wipePolicy': (string);
  /**
   * Where initiators connect (address:port).
   */
  'iscsiPortal': (string);
  /**
   * When the host last reported its capacity.
   */
  'reportedAt': (string);
}
