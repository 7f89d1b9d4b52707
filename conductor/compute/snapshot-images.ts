// What a server snapshot needs of the image registry, as plain data: the
// composition root adapts conductor/images to it (images/snapshot-image.ts),
// so compute does not depend on how images are stored or inspected.
import type { ExportRootDiskChunk } from '../agents/agent-api.ts';

export interface SnapshotImages {
  /** A new private qcow2 image of `projectId`, queued; its id. */
  createQueued(projectId: string, name: string): Promise<string>;
  /** The image's status (queued | saving | active | killed), undefined when it is gone. */
  status(imageId: string): Promise<string | undefined>;
  /**
   * Fills the queued image from an agent's export, as an upload is filled and
   * inspected: saving, then active, or killed (and the error thrown) when the
   * stream breaks, its size or sha256 differs from what its messages announce, or the
   * inspection refuses it. An error before the first chunk leaves it queued.
   */
  receive(
    imageId: string,
    projectId: string,
    chunks: AsyncIterable<ExportRootDiskChunk>,
    signal: AbortSignal,
  ): Promise<void>;
  /** Marks a queued or saving image killed with `reason` (nothing else changes). */
  kill(imageId: string, reason: string): Promise<void>;
  /** Removes an image that never got going (its server refused the snapshot). */
  discard(imageId: string): Promise<void>;
}
