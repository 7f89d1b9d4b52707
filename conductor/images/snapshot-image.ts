// Server snapshots as the image registry takes them: a private qcow2 image of
// the server's project, filled from the agent's ExportRootDisk stream through
// the very path an upload takes (upload.ts: queued → saving → inspected →
// active, or killed), so a snapshot is judged exactly like uploaded bytes. The
// conductor acts here for the server's project (a workflow may run after a
// restart, without the caller's token), as a member of it.
import { createHash } from 'node:crypto';
import { StratoError } from '../../common/errors.ts';
import type { ExportRootDiskChunk } from '../agents/agent-api.ts';
import type { SnapshotImages } from '../compute/snapshot-images.ts';
import type { Principal } from '../identity/model.ts';
import type { ImageRegistry } from './images.ts';
import type { UploadMessage } from './upload.ts';

/** The conductor acting for `projectId`: what the upload path checks is the project. */
function actingFor(projectId: string): Principal {
  return {
    userId: 'conductor',
    userName: 'conductor',
    projectId,
    projectName: '',
    role: 'member',
    tokenHash: '',
    expiresAtMs: Number.POSITIVE_INFINITY,
  };
}

/**
 * The export's chunks as upload messages; the stream fails (and the upload
 * kills the image) when its length differs from what its first message
 * announced, or its sha256 from what its last one says.
 */
async function* asUpload(imageId: string, chunks: AsyncIterable<ExportRootDiskChunk>): AsyncGenerator<UploadMessage> {
  const hash = createHash('sha256');
  let size = 0;
  let announced: number | undefined;
  let claimed = '';
  for await (const c of chunks) {
    announced ??= Number(c.sizeBytes);
    if (c.sha256 !== '') claimed = c.sha256;
    if (c.data.length === 0) continue;
    hash.update(c.data);
    size += c.data.length;
    yield { imageId, data: c.data };
  }
  const sha256 = hash.digest('hex');
  if (size !== announced || sha256 !== claimed) {
    throw new StratoError(
      'DATA_LOSS',
      'EXPORT_MISMATCH',
      `the host's export announced ${announced ?? '?'} bytes (sha256 ${claimed || '?'}) but sent ${size} (sha256 ${sha256})`,
    );
  }
}

export function snapshotImages(reg: ImageRegistry): SnapshotImages {
  return {
    async createQueued(projectId, name) {
      return (await reg.create(actingFor(projectId), { name, diskFormat: 'qcow2', public: false })).id;
    },
    async status(imageId) {
      return (await reg.getById(imageId))?.status;
    },
    async receive(imageId, projectId, chunks, signal) {
      await reg.upload(actingFor(projectId), asUpload(imageId, chunks), signal);
    },
    async kill(imageId, reason) {
      await reg.transition(imageId, (r) =>
        r.status === 'queued' || r.status === 'saving' ? { ...r, status: 'killed', killedReason: reason } : undefined,
      );
    },
    async discard(imageId) {
      const image = await reg.getById(imageId);
      if (image) await reg.delete(actingFor(image.projectId), imageId);
    },
  };
}
