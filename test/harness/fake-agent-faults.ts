// The faults test/harness/fake-agent.ts can give the real agent, each a thin wrapper of
// a real part: a link to the conductor whose cable can be pulled, and image bytes that
// rot on disk or arrive damaged. The real parts' own checks then do the rest.
import { appendFile } from 'node:fs/promises';
import type { ImageStore } from '../../agent/compute/spawn.ts';
import type { ImageCache } from '../../agent/images/image-cache.ts';
import type { ImageChunk, ImageSource } from '../../agent/images/image-source.ts';
import { ConductorLink, type Registry } from '../../agent/registry/conductor-link.ts';
import { isStratoError, unavailable } from '../../common/errors.ts';

/** An error the conductor itself answered (it was reached), as opposed to an unreachable one. */
const refusal = (err: unknown): boolean =>
  !isStratoError(err, 'UNAVAILABLE') && !isStratoError(err, 'DEADLINE_EXCEEDED');

/** The real link, with a cable to pull: while severed, the conductor is unreachable. */
export class SeverableLink extends ConductorLink {
  severed = false;
  /** Called with each error the conductor answered (e.g. Register refusing the host). */
  onRefused: ((err: unknown) => void) | undefined;

  override async call<T>(fn: (registry: Registry) => Promise<T>): Promise<T> {
    if (this.severed) throw unavailable('FAKE_LINK_SEVERED', 'fake agent: the conductor is unreachable');
    try {
      return await super.call(fn);
    } catch (err) {
      if (refusal(err)) this.onRefused?.(err);
      throw err;
    }
  }
}

/** The conductor's image stream, its bytes flipped while `corrupt` holds (a bad disk or transfer). */
export class CorruptibleSource implements ImageSource {
  corrupt = false;
  private readonly inner: ImageSource;

  constructor(inner: ImageSource) {
    this.inner = inner;
  }

  async *pull(imageId: string, signal?: AbortSignal): AsyncIterable<ImageChunk> {
    for await (const chunk of this.inner.pull(imageId, signal)) {
      if (!this.corrupt || chunk.data.length === 0) yield chunk;
      else yield { ...chunk, data: Buffer.from(chunk.data).map((b) => b ^ 0xff) };
    }
  }
}

/**
 * The real cache as the instance manager sees it; while `corrupt()` holds, the cached
 * copy rots before each spawn reads it and fetches arrive damaged (`source`).
 */
export function corruptibleStore(cache: ImageCache, source: CorruptibleSource, corrupt: () => boolean): ImageStore {
  return {
    pathOf: (sha256) => cache.pathOf(sha256),
    ensure: async (ref) => {
      source.corrupt = corrupt();
      if (source.corrupt) await appendFile(cache.pathOf(ref.sha256), 'rot').catch(() => {});
      return cache.ensure(ref);
    },
    virtualSize: (img) => cache.virtualSize(img),
  };
}
