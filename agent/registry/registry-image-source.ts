// The image cache's source in production: the conductor's Registry.PullImage stream.
import type { ImageChunk, ImageSource } from '../images/image-source.ts';
import type { ConductorLink } from './conductor-link.ts';

export class RegistryImageSource implements ImageSource {
  private readonly link: ConductorLink;
  private readonly hostId: string;

  constructor(link: ConductorLink, hostId: string) {
    this.link = link;
    this.hostId = hostId;
  }

  async *pull(imageId: string, signal?: AbortSignal): AsyncIterable<ImageChunk> {
    for await (const msg of this.link.pullImage(imageId, this.hostId, signal)) {
      yield { sha256: msg.sha256, sizeBytes: msg.sizeBytes, diskFormat: msg.diskFormat, data: msg.data };
    }
  }
}
