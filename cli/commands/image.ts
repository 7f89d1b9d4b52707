// strato image create|list|show|delete. Create registers the image, then
// streams the file in 1 MiB chunks (UploadImage), with a progress bar when
// stderr is a terminal.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { Image__Output } from '../../common/gen/strato/image/v1/Image.ts';
import type { UploadImageRequest } from '../../common/gen/strato/image/v1/UploadImageRequest.ts';
import { allPages, matchingName, nameOrId, nameRegExp } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { type Column, renderList, renderShow } from '../output.ts';
import { progressBar } from '../progress.ts';

export const CHUNK_BYTES = 1024 * 1024;
/** Uploads of large images take long; the server inspects the image before replying. */
const UPLOAD_TIMEOUT_MS = 3_600_000;

export const IMAGE_COLUMNS: Column<Image__Output>[] = [
  { header: 'ID', get: (i) => i.id },
  { header: 'Name', get: (i) => i.name },
  { header: 'Status', get: (i) => i.status },
  { header: 'Disk Format', get: (i) => i.diskFormat },
  { header: 'Size', get: (i) => i.sizeBytes },
  { header: 'Visibility', get: (i) => (i.public ? 'public' : 'private') },
];

const IMAGE_FIELDS: Column<Image__Output>[] = [
  ...IMAGE_COLUMNS,
  { header: 'Virtual Size', get: (i) => i.virtualSizeBytes },
  { header: 'SHA256', get: (i) => i.sha256 },
  { header: 'Project', get: (i) => i.projectId },
  { header: 'Created', get: (i) => i.createdAt },
  { header: 'Updated', get: (i) => i.updatedAt },
];

const QCOW2_MAGIC = Buffer.from([0x51, 0x46, 0x49, 0xfb]); // "QFI\xfb"

/** qcow2 when the file starts with qcow2's magic, else raw. */
export async function sniffDiskFormat(path: string): Promise<{ format: 'qcow2' | 'raw'; size: number }> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw usageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw usageError(`${path} is not a regular file`);
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return { format: bytesRead === 4 && head.equals(QCOW2_MAGIC) ? 'qcow2' : 'raw', size: st.size };
  } finally {
    await fh.close();
  }
}

/** The upload stream's messages: the id on every message (the server reads the first), data in chunks. */
export async function* uploadMessages(
  imageId: string,
  path: string,
  onBytes: (total: number) => void,
): AsyncGenerator<UploadImageRequest> {
  let sent = 0;
  let any = false;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    any = true;
    sent += (chunk as Buffer).length;
    yield { imageId, data: chunk as Buffer };
    onBytes(sent);
  }
  if (!any) yield { imageId, data: Buffer.alloc(0) };
}

interface CreateOpts {
  file: string;
  diskFormat?: 'qcow2' | 'raw';
  public?: boolean;
}

export function registerImage(program: Command, ctx: Ctx): void {
  const image = program.command('image').description('images: disk images servers boot from');

  image
    .command('create')
    .description('register an image and upload its file')
    .argument('<name>', 'image name', nameOrId)
    .requiredOption('--file <path>', 'the image file to upload')
    .addOption(
      new Option(
        '--disk-format <format>',
        "the file's format (default: qcow2 if it has qcow2's header, else raw)",
      ).choices(['qcow2', 'raw']),
    )
    .option('--public', 'visible to every project (admin only)')
    .action(async (name: string, o: CreateOpts, cmd: Command) => {
      // Check the file before creating anything on the server.
      const sniffed = await sniffDiskFormat(o.file);
      const api = await (await ctx.session(cmd)).images();
      const created = await api.CreateImage({ name, diskFormat: o.diskFormat ?? sniffed.format, public: !!o.public });
      const bar = progressBar(ctx.io.stderr, sniffed.size);
      let uploaded: Image__Output;
      try {
        uploaded = await api.UploadImage(
          uploadMessages(created.id, o.file, (n) => bar.update(n)),
          { timeoutMs: UPLOAD_TIMEOUT_MS },
        );
      } finally {
        bar.finish();
      }
      ctx.print(renderShow(uploaded, IMAGE_FIELDS, ctx.output(cmd)));
    });

  image
    .command('list')
    .description('list own and public images')
    .option('--all-projects', "every project's images (admin only)")
    .option('--name <regex>', 'only images whose name matches this regular expression', nameRegExp)
    .action(async (o: { allProjects?: boolean; name?: RegExp }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).images();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListImages({ pageToken, allProjects: !!o.allProjects });
        return { items: r.images, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(matchingName(items, o.name), IMAGE_COLUMNS, ctx.output(cmd)));
    });

  image
    .command('show')
    .description('show an image')
    .argument('<image>', 'image name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).images();
      ctx.print(renderShow(await api.GetImage({ image: ref }), IMAGE_FIELDS, ctx.output(cmd)));
    });

  image
    .command('delete')
    .description('delete images (booted servers keep their copy)')
    .argument('<image...>', 'image names or ids')
    .action(async (refs: string[], _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).images();
      for (const ref of refs) await api.DeleteImage({ image: ref });
    });
}
