// The agent's storage seam (DESIGN.md: seams at the system boundary): one host's
// block volumes as plain data, behind a driver per backend (file/, lvm/, fake/).
// Written like Nova's virt/driver.py: the contract lives here, every backend keeps it,
// and test/conformance/volume-driver/ checks that each one does.
//
// The contract:
// - Everything is keyed by ids chosen by the conductor (lower-case UUIDs). Repeating
//   any call is safe: create of an existing volume with the same size returns it,
//   delete of a missing volume or snapshot succeeds, extend to the current size
//   changes nothing.
// - A failed create leaves nothing: a create is built under an in-progress name and
//   renamed into place only when complete, so a crash mid-create never shows a
//   half-written volume as a real one; `init()` (and a retried create) removes such
//   leftovers.
// - The host remembers: `list()` rebuilds every volume and snapshot from names on the
//   host alone (LV `strato-vol-<id>`, file `volume-<id>.raw`, …), for reconcile after
//   a restart.
// - Volumes are raw, and every qemu-img call names both formats: nothing a guest
//   writes into a volume is ever interpreted (a qcow2 header inside a raw volume stays
//   data). Source images are opened with the caller's format, never probed.
// - A new volume never shows bytes it was not given: empty space reads as zeros.
// - Deleting wipes first, per the driver's WipePolicy: `zero` overwrites every byte the
//   volume occupied before the space is released; `none` releases it as is.
// - A volume that has snapshots cannot be deleted (FAILED_PRECONDITION
//   VOLUME_HAS_SNAPSHOTS): the same rule on every backend, although only LVM needs it.
// - Sizes are bytes, positive multiples of 1 MiB; a backend may round up to its own
//   allocation unit (`capabilities().sizeGranularityBytes`) and reports the real size.

export type ImageFormat = 'raw' | 'qcow2';

/** What happens to a volume's bytes when it is deleted. */
export type WipePolicy = 'zero' | 'none';

export type VolumeBackend = 'file' | 'lvm' | 'fake';

/** Where a new volume's content comes from. */
export type VolumeSource =
  | { kind: 'empty' }
  /** An image file already on the host (the image cache), in the format the caller names. */
  | { kind: 'image'; path: string; format: ImageFormat }
  | { kind: 'snapshot'; snapshotId: string }
  | { kind: 'volume'; volumeId: string };

export interface CreateVolumeRequest {
  volumeId: string;
  sizeBytes: number;
  source: VolumeSource;
  /** Called with 0–100 while an image or a volume is copied in (never after create returns). */
  onProgress?: (percent: number) => void;
}

export interface VolumeInfo {
  volumeId: string;
  sizeBytes: number;
}

export interface SnapshotInfo {
  snapshotId: string;
  volumeId: string;
  sizeBytes: number;
}

export interface VolumeInventory {
  volumes: VolumeInfo[];
  snapshots: SnapshotInfo[];
}

/**
 * Thick accounting: every volume and snapshot counts with its full size, whatever it
 * occupies physically, so the scheduler never promises space twice.
 */
export interface Capacity {
  /** What the backend may hand out (file: the configured limit or the filesystem; lvm: the VG). */
  totalBytes: number;
  /** Sizes of every volume and snapshot it holds, in-progress creates included. */
  allocatedBytes: number;
  /** What one more volume may take now. */
  freeBytes: number;
}

export type Support = { supported: true } | { supported: false; reason: string };

export interface VolumeCapabilities {
  /** Snapshots, and creating volumes from them. */
  snapshots: Support;
  /** Sizes are rounded up to a multiple of this (file: 1 MiB, lvm: the VG's extent size). */
  sizeGranularityBytes: number;
}

export interface VolumeDriver {
  readonly backend: VolumeBackend;
  readonly wipe: WipePolicy;
  /** Checks prerequisites and removes leftovers of creates a crash interrupted. Call once, first. */
  init(): Promise<void>;
  capabilities(): VolumeCapabilities;
  capacity(): Promise<Capacity>;
  list(): Promise<VolumeInventory>;
  /** undefined when absent (never for an in-progress create). */
  get(volumeId: string): Promise<VolumeInfo | undefined>;
  /**
   * Errors: INVALID_ARGUMENT (bad id or size, size below the source's); NOT_FOUND
   * (source snapshot or volume); ALREADY_EXISTS (same id, other size);
   * RESOURCE_EXHAUSTED (no room); FAILED_PRECONDITION (source needs what the backend
   * lacks).
   */
  create(req: CreateVolumeRequest): Promise<VolumeInfo>;
  /** Grows only. Errors: NOT_FOUND; INVALID_ARGUMENT (VOLUME_SHRINK_REFUSED); RESOURCE_EXHAUSTED. */
  extend(volumeId: string, sizeBytes: number): Promise<VolumeInfo>;
  /** Wipes per the policy, then removes. Missing: success. Errors: FAILED_PRECONDITION (snapshots). */
  delete(volumeId: string): Promise<void>;
  /**
   * A point-in-time copy of a volume that is not being written (the conductor snapshots
   * detached volumes). Errors: NOT_FOUND (volume); ALREADY_EXISTS (id taken by a
   * snapshot of another volume); FAILED_PRECONDITION (SNAPSHOTS_UNSUPPORTED);
   * RESOURCE_EXHAUSTED.
   */
  createSnapshot(snapshotId: string, volumeId: string): Promise<SnapshotInfo>;
  /** Wipes per the policy, then removes. Missing: success. */
  deleteSnapshot(snapshotId: string): Promise<void>;
  /**
   * The file or block device holding the volume's bytes, ready to be exported
   * (LVM: activated). Errors: NOT_FOUND; FAILED_PRECONDITION (no data path here).
   */
  localPath(volumeId: string): Promise<string>;
}
