// What a storage backend must provide: the primitive operations on its own medium
// (files in a directory, LVs in a volume group, memory). The contract that callers
// rely on — validation, idempotency, per-id locking, capacity claims, rollback of a
// failed create, the same errors everywhere — lives once, in BackedVolumeDriver, so
// every backend keeps it by construction.
import type {
  Capacity,
  ImageFormat,
  SnapshotInfo,
  VolumeBackend,
  VolumeCapabilities,
  VolumeInfo,
  VolumeInventory,
  WipePolicy,
} from './volume-driver.ts';

/** A volume being created: it has its full size, reads as zeros, and is invisible to `inventory()`. */
export interface Draft {
  volumeId: string;
  sizeBytes: number;
  /** Where its bytes go (a file, a block device; the fake's own key). */
  path: string;
}

export type CopySource = { kind: 'volume'; volumeId: string } | { kind: 'snapshot'; snapshotId: string };

export interface VolumeBackendOps {
  readonly backend: VolumeBackend;
  readonly wipe: WipePolicy;
  capabilities(): VolumeCapabilities;
  /** Prerequisites, then removal (wiped) of every in-progress leftover. */
  init(): Promise<void>;
  capacity(): Promise<Capacity>;
  inventory(): Promise<VolumeInventory>;
  volume(volumeId: string): Promise<VolumeInfo | undefined>;
  snapshot(snapshotId: string): Promise<SnapshotInfo | undefined>;
  /** Virtual size of an image file, opened as `format` (never probed). */
  imageSize(path: string, format: ImageFormat): Promise<number>;

  /** Makes the draft under an in-progress name (a stale one of the same id is removed first). */
  beginVolume(volumeId: string, sizeBytes: number): Promise<Draft>;
  fillFromImage(
    draft: Draft,
    image: { path: string; format: ImageFormat },
    onProgress?: (p: number) => void,
  ): Promise<void>;
  /** Copies a source's bytes to the start of the draft (the rest stays zero). */
  fillFromCopy(draft: Draft, source: CopySource, sourceBytes: number): Promise<void>;
  /** Gives the draft its final name. */
  commitVolume(draft: Draft): Promise<void>;
  /** Removes (wiped) an in-progress volume of that id, if there is one. */
  abandonVolume(volumeId: string): Promise<void>;

  /** Grows a volume; the new tail reads as zeros. */
  growVolume(volumeId: string, fromBytes: number, toBytes: number): Promise<void>;
  /** Wipes per policy and removes; a missing volume is not an error. */
  removeVolume(volumeId: string): Promise<void>;
  /** Only called when capabilities().snapshots is supported; leaves nothing when it fails. */
  takeSnapshot(snapshotId: string, volume: VolumeInfo): Promise<void>;
  removeSnapshot(snapshotId: string): Promise<void>;
  localPath(volumeId: string): Promise<string>;
}
