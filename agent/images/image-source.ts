// Where the image cache gets bytes from: the conductor's Registry.PullImage stream
// in production, a stub in tests. The first chunk announces the image's sha256,
// size and disk format; every chunk may carry data.
export interface ImageChunk {
  /** Set on the first chunk only (empty afterwards). */
  sha256: string;
  /** Decimal string (uint64); set on the first chunk only. */
  sizeBytes: string;
  diskFormat: string;
  data: Uint8Array;
}

export interface ImageSource {
  pull(imageId: string, signal?: AbortSignal): AsyncIterable<ImageChunk>;
}

/** What a spawn asks the cache for (strato.agent.v1.ImageRef). */
export interface ImageRef {
  id: string;
  /** Lower-case hex sha256 of the image's bytes. */
  sha256: string;
  sizeBytes: number;
  diskFormat: 'qcow2' | 'raw';
}

export interface CachedImage {
  path: string;
  format: 'qcow2' | 'raw';
  sha256: string;
}
