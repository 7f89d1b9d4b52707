// Volumes, snapshots and attachments as the conductor stores them (keys.ts says
// where). `op` is the operation in progress on a volume or snapshot, written
// BEFORE each step's side effect so that a restarted conductor finishes it
// (op-driver.ts); an attachment's steps are the server's (conductor/compute).

export const VOLUME_STATUSES = [
  'creating',
  'downloading',
  'available',
  'attaching',
  'in-use',
  'detaching',
  'extending',
  'deleting',
  'error',
] as const;
export type VolumeStatus = (typeof VOLUME_STATUSES)[number];

export type SnapshotStatus = 'creating' | 'available' | 'deleting' | 'error';

export const BACKENDS = ['file', 'lvm'] as const;
export type Backend = (typeof BACKENDS)[number];

export const GiB = 1024 ** 3;
/** Volumes are 1 to 65536 GiB (volume.proto). */
export const MAX_SIZE_GIB = 65_536;

export interface Fault {
  /** The gRPC code name, e.g. RESOURCE_EXHAUSTED. */
  code: string;
  reason: string;
  message: string;
  at: string;
}

/** An image as the storage host fetches it (strato.agent.v1.ImageRef). */
export interface ImageSource {
  id: string;
  sha256: string;
  sizeBytes: number;
  diskFormat: string;
}

/** What a volume is made from. */
export type CreateSource =
  | { kind: 'empty' }
  | { kind: 'image'; image: ImageSource }
  | { kind: 'snapshot'; snapshotId: string }
  | { kind: 'volume'; volumeId: string };

export type VolumeOpKind = 'create' | 'extend' | 'delete';

export interface VolumeOp {
  /** Unique per operation: a step's result is applied only while this is still the op. */
  id: string;
  kind: VolumeOpKind;
  /** create: create; extend: grow → refresh; delete: delete. */
  step: 'create' | 'grow' | 'refresh' | 'delete';
  requestId: string;
  /** Conductor clock (ms): bounds how long a step waits for a host that does not answer. */
  startedAtMs: number;
  /** create */
  source?: CreateSource;
  /** extend: the size and claim before, and the status to return to. */
  fromGib?: number;
  fromClaimedBytes?: number;
  returnTo?: VolumeStatus;
}

export interface VolumeRecord {
  id: string;
  name: string;
  projectId: string;
  userId: string;
  description: string;
  sizeGib: number;
  status: VolumeStatus;
  /** The last failure; kept until the next action on the volume succeeds. */
  fault?: Fault;
  /** 0-100 while downloading; 100 otherwise. */
  progressPercent: number;
  backend: Backend;
  /** The storage host holding it (its claim). */
  host: string;
  /** What its host's usage counts for it: its size rounded up to the host's granularity, never less. */
  claimedBytes: number;
  imageId: string;
  snapshotId: string;
  sourceVolumeId: string;
  /** Volumes being copied from this one: it cannot be deleted meanwhile. */
  copiesInProgress?: string[];
  /**
   * How many snapshots it has. A snapshot's create and purge change it, so a
   * delete of the volume that raced them loses its compare instead of leaving
   * a snapshot without its volume.
   */
  snapshotCount?: number;
  /** The server it was made for went (with delete_on_termination) while it was made: its create ends in a delete. */
  deleteWhenCreated?: boolean;
  createdAt: string;
  updatedAt: string;
  op?: VolumeOp;
}

export interface SnapshotOp {
  id: string;
  kind: 'create' | 'delete';
  step: 'create' | 'delete';
  requestId: string;
  startedAtMs: number;
}

export interface SnapshotRecord {
  id: string;
  name: string;
  projectId: string;
  userId: string;
  description: string;
  volumeId: string;
  /** The volume's size when taken. */
  sizeGib: number;
  status: SnapshotStatus;
  fault?: Fault;
  /** Its volume's host, where its claim is. */
  host: string;
  backend: Backend;
  claimedBytes: number;
  /** Volumes being made from it: it cannot be deleted meanwhile (SNAPSHOT_IN_USE). */
  volumesInProgress?: string[];
  createdAt: string;
  updatedAt: string;
  op?: SnapshotOp;
}

/**
 * The one attachment of a volume. Its CHAP secret is generated per attachment,
 * handed only to the two agents (over mutual TLS) and never logged or shown.
 */
export interface AttachmentRecord {
  volumeId: string;
  serverId: string;
  serverName: string;
  projectId: string;
  /** vda (boot) or vdc … vdz. */
  device: string;
  boot: boolean;
  deleteOnTermination: boolean;
  /** The volume was made for the server's boot (boot_from_image_volume_gib). */
  madeForServer: boolean;
  /** The volume's host, which exports it. */
  storageHost: string;
  /** The server's host, to which it is exported; '' until the server is placed. */
  computeHost: string;
  /**
   * While the server moves: its destination, admitted as well (same CHAP secret),
   * until the move ends on one side (compute/move-volume-steps.ts).
   */
  incomingHost?: string;
  chapSecret: string;
  createdAt: string;
  /** '' until the server's host has it. */
  attachedAt: string;
}

/** What the volume scheduler placed on one storage host. */
export interface StorageUsage {
  allocatedBytes: number;
  volumeCount: number;
  snapshotCount: number;
}

export const ZERO_USAGE: StorageUsage = Object.freeze({ allocatedBytes: 0, volumeCount: 0, snapshotCount: 0 });
