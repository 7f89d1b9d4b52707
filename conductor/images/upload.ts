// UploadImage: queued → saving → active, or killed. The first message names the
// image; bytes stream into a part file while hashed and counted; then qemu-img
// judges them. Whatever goes wrong (broken stream, refusal, size limit, crash of
// this code) leaves the image killed and no bytes behind.
import { invalidArgument, isStratoError, notFound, StratoError } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import { canSee, isAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { requireField } from '../naming/names.ts';
import type { ImageBlobs } from './blob-store.ts';
import type { ImageInspector } from './inspect.ts';
import type { ImageRecord } from './model.ts';

/** What an upload needs of the image registry (images.ts, which hands itself in). */
export interface UploadTarget {
  readonly blobs: ImageBlobs;
  readonly inspect: ImageInspector;
  readonly maxImageBytes: number;
  readonly log: Logger;
  /** As the caller sees it. Errors: NOT_FOUND/IMAGE_NOT_FOUND. */
  get(principal: Principal, ref: unknown, field?: string): Promise<ImageRecord>;
  getById(id: string): Promise<ImageRecord | undefined>;
  /** Compare-and-swap of the record; undefined when the image is gone or `change` declined. */
  transition(id: string, change: (r: ImageRecord) => ImageRecord | undefined): Promise<ImageRecord | undefined>;
}

export interface UploadMessage {
  /** Required on the first message, ignored afterwards. */
  imageId: string;
  data: Uint8Array;
}

const notQueued = (image: ImageRecord) =>
  new StratoError(
    'FAILED_PRECONDITION',
    'IMAGE_NOT_QUEUED',
    `image ${image.id} is ${image.status}; only a queued image accepts an upload (create a new image)`,
    { details: { imageId: image.id, status: image.status } },
  );

/** The messages of `it` until the caller goes away; then CANCELLED instead of waiting forever. */
async function* untilAborted<T>(it: AsyncIterator<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(new StratoError('CANCELLED', 'UPLOAD_ABORTED', 'the upload stream broke off'));
    if (signal?.aborted) fail();
    else signal?.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => {});
  for (;;) {
    const r = await Promise.race([it.next(), aborted]);
    if (r.done) return;
    yield r.value;
  }
}

async function* dataOf(first: UploadMessage, rest: AsyncIterable<UploadMessage>): AsyncGenerator<Uint8Array> {
  yield first.data;
  for await (const m of rest) yield m.data;
}

export async function runUpload(
  reg: UploadTarget,
  principal: Principal,
  messages: AsyncIterable<UploadMessage>,
  signal?: AbortSignal,
): Promise<ImageRecord> {
  const stream = untilAborted(messages[Symbol.asyncIterator](), signal);
  const head = await stream.next();
  if (head.done) throw invalidArgument('FIELD_REQUIRED', 'the first message must carry image_id');
  const first = head.value;
  const imageId = requireField('image_id', first.imageId);
  const image = await reg.get(principal, imageId, 'image_id');
  if (image.projectId !== principal.projectId && !isAdmin(principal)) {
    // Visible only because it is public: not the caller's to fill.
    throw new StratoError('PERMISSION_DENIED', 'IMAGE_NOT_OWNED', `image ${image.id} belongs to another project`);
  }
  const saving = await reg.transition(image.id, (r) =>
    r.status === 'queued' ? { ...r, status: 'saving' } : undefined,
  );
  if (!saving) {
    const now = await reg.getById(image.id);
    if (!now || !canSee(principal, now.projectId, now.public)) {
      throw notFound('IMAGE_NOT_FOUND', `image ${image.id} not found`);
    }
    throw notQueued(now);
  }
  const log = reg.log.child({ imageId: image.id });
  log.info({ diskFormat: image.diskFormat }, 'image upload started');
  try {
    const got = await reg.blobs.receive(image.id, dataOf(first, stream), reg.maxImageBytes);
    if (got.sizeBytes === 0) throw refused('EMPTY', 'no bytes were uploaded');
    const verdict = await reg.inspect(reg.blobs.partPath(image.id), image.diskFormat);
    if (!verdict.ok) throw refused(verdict.code, verdict.why);
    await reg.blobs.promote(image.id);
    const active = await reg.transition(image.id, (r) =>
      r.status === 'saving'
        ? {
            ...r,
            status: 'active',
            sha256: got.sha256,
            sizeBytes: got.sizeBytes,
            virtualSizeBytes: verdict.virtualSizeBytes,
          }
        : undefined,
    );
    if (!active) {
      // Deleted (or recovered as killed) while we worked: its bytes must go.
      await reg.blobs.remove(image.id);
      throw notFound('IMAGE_NOT_FOUND', `image ${image.id} was deleted during the upload`);
    }
    log.info(
      { sha256: got.sha256, sizeBytes: got.sizeBytes, virtualSizeBytes: verdict.virtualSizeBytes },
      'image active',
    );
    return active;
  } catch (err) {
    const reason = isStratoError(err) ? `${err.reason}: ${err.message}` : 'upload failed';
    await reg.blobs.remove(image.id).catch((e: unknown) => log.error({ err: e }, 'image bytes not removed'));
    await reg
      .transition(image.id, (r) =>
        r.status === 'saving' ? { ...r, status: 'killed', killedReason: reason } : undefined,
      )
      .catch((e: unknown) => log.error({ err: e }, 'image not marked killed'));
    log.warn({ reason, err: isStratoError(err) ? undefined : err }, 'image upload failed');
    throw err;
  }
}

function refused(code: string, why: string): StratoError {
  return invalidArgument('IMAGE_REFUSED', `image refused: ${why}`, { details: { check: code } });
}
