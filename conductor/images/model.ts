// The image record as stored. Statuses follow Glance: queued (record only) →
// saving (bytes arriving) → active (inspected, usable), or killed (upload broke
// or content refused). A deleted image's record is removed.

export type ImageStatus = 'queued' | 'saving' | 'active' | 'killed';
export type DiskFormat = 'qcow2' | 'raw';
export const DISK_FORMATS: readonly DiskFormat[] = ['qcow2', 'raw'];

export interface ImageRecord {
  id: string;
  name: string;
  projectId: string;
  status: ImageStatus;
  diskFormat: DiskFormat;
  public: boolean;
  /** Hex; '' until active. */
  sha256: string;
  /** Bytes uploaded; 0 until active. */
  sizeBytes: number;
  /** The guest-visible disk size qemu-img reported; 0 until active. */
  virtualSizeBytes: number;
  createdAt: string;
  updatedAt: string;
  /** Why the image was killed (for operators; the uploader got it as the error). */
  killedReason?: string;
}
