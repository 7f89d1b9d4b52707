// strato volume create|list|show|set|delete, volume backend list, and the
// snapshot commands (volume-snapshot.ts). Calls return once accepted; --wait
// polls until the volume settles (volume-wait.ts), with a progress bar on a
// terminal while an image is copied into it.
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Volume__Output } from '../../common/gen/strato/volume/v1/Volume.ts';
import type { VolumeBackend__Output } from '../../common/gen/strato/volume/v1/VolumeBackend.ts';
import { allPages, matchingName, nameOrId, nameRegExp, positiveInt } from '../args.ts';
import type { Ctx } from '../context.ts';
import { isApiError, usageError } from '../errors.ts';
import { type Column, faultCell, renderList, renderShow } from '../output.ts';
import { type Progress, progressBar } from '../progress.ts';
import type { Session } from '../session.ts';
import { type StatusTarget, waitStatus } from '../volume-wait.ts';
import { addWait, unlessNotFound, type WaitOpts } from '../wait.ts';
import { attachedTo, attachmentText, gib } from './volume-args.ts';
import { registerVolumeSnapshot } from './volume-snapshot.ts';

const GiB = 1024 ** 3;

export const VOLUME_COLUMNS: Column<Volume__Output>[] = [
  { header: 'ID', get: (v) => v.id },
  { header: 'Name', get: (v) => v.name },
  { header: 'Status', get: (v) => v.status },
  { header: 'Size (GiB)', get: (v) => v.sizeGib },
  { header: 'Attached to', get: (v) => v.attachments.map(attachedTo) },
];

/** proto/strato/volume/v1/volume.proto's statuses. */
const VOLUME_STATUSES = [
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

function volumeStatus(value: string): string {
  const v = value.trim().toLowerCase();
  if (!(VOLUME_STATUSES as readonly string[]).includes(v)) {
    throw new InvalidArgumentError(`must be one of ${VOLUME_STATUSES.join(', ')}`);
  }
  return v;
}

function sourceText(v: Volume__Output): string {
  if (v.imageId) return `image ${v.imageId}`;
  if (v.snapshotId) return `snapshot ${v.snapshotId}`;
  if (v.sourceVolumeId) return `volume ${v.sourceVolumeId}`;
  return '';
}

export const VOLUME_FIELDS: Column<Volume__Output>[] = [
  { header: 'ID', get: (v) => v.id },
  { header: 'Name', get: (v) => v.name },
  { header: 'Description', get: (v) => v.description },
  { header: 'Status', get: (v) => v.status },
  { header: 'Progress', get: (v) => (v.status === 'downloading' ? `${v.progressPercent}%` : '') },
  { header: 'Size (GiB)', get: (v) => v.sizeGib },
  { header: 'Backend', get: (v) => v.backend },
  { header: 'Host', get: (v) => v.host },
  { header: 'Attachments', get: (v) => v.attachments.map(attachmentText) },
  { header: 'Source', get: sourceText },
  { header: 'Fault', get: (v) => faultCell(v.fault) },
  { header: 'Project', get: (v) => v.projectId },
  { header: 'User', get: (v) => v.userId },
  { header: 'Created', get: (v) => v.createdAt },
  { header: 'Updated', get: (v) => v.updatedAt },
];

const notListed = (f: Column<Volume__Output>) => !VOLUME_COLUMNS.some((c) => c.header === f.header);
/** `volume list --long`: the list's columns, then what `show` adds but the long texts. */
const VOLUME_LONG_COLUMNS: Column<Volume__Output>[] = [
  ...VOLUME_COLUMNS,
  ...VOLUME_FIELDS.filter((f) => notListed(f) && f.header !== 'Description' && f.header !== 'Attachments'),
];
/** What `volume list -c` chooses from: every column and field. */
const VOLUME_ALL_COLUMNS: Column<Volume__Output>[] = [...VOLUME_COLUMNS, ...VOLUME_FIELDS.filter(notListed)];

const BACKEND_COLUMNS: Column<VolumeBackend__Output>[] = [
  { header: 'Host', get: (b) => b.host },
  { header: 'Backend', get: (b) => b.backend },
  { header: 'State', get: (b) => b.state },
  { header: 'Enabled', get: (b) => b.enabled },
  { header: 'Capacity (GiB)', get: (b) => gib(b.capacityBytes) },
  { header: 'Allocated (GiB)', get: (b) => gib(b.allocatedBytes) },
  { header: 'Free (GiB)', get: (b) => gib(b.freeBytes) },
  { header: 'Volumes', get: (b) => b.volumeCount },
  {
    header: 'Snapshots',
    get: (b) => (b.snapshotsSupported ? b.snapshotCount : `unsupported: ${b.snapshotsUnsupportedReason}`),
  },
  { header: 'Wipe', get: (b) => b.wipePolicy },
];

/**
 * The bytes an image → volume copy moves: the image's virtual size (the
 * copy's progress is a share of it), else the volume's size. Asked only when
 * a bar will be drawn.
 */
async function copyBytes(session: Session, v: Volume__Output): Promise<number> {
  try {
    const size = Number((await (await session.images()).GetImage({ image: v.imageId })).virtualSizeBytes);
    if (size > 0) return size;
  } catch (err) {
    if (!isApiError(err)) throw err; // the image may be gone or private by now: fall back
  }
  return v.sizeGib * GiB;
}

/**
 * Waits for `v` to reach `target`, noting each status on a terminal and
 * drawing a progress bar while an image is copied into it (downloading).
 */
export async function waitVolume(
  ctx: Ctx,
  session: Session,
  v: Volume__Output,
  target: StatusTarget,
  o: WaitOpts,
): Promise<Volume__Output | undefined> {
  const api = await session.volumes();
  const label = v.name || v.id;
  const tty = !!ctx.io.stderr.isTTY;
  const total = tty && v.imageId ? await copyBytes(session, v) : 0;
  let bar: Progress | undefined;
  const endBar = () => {
    bar?.finish();
    bar = undefined;
  };
  try {
    return await waitStatus(
      'volume',
      label,
      unlessNotFound(() => api.GetVolume({ volume: v.id })),
      target,
      {
        timeoutMs: o.waitTimeout,
        onState: (state) => {
          endBar();
          if (tty) ctx.note(`volume ${label}: ${state}\n`);
        },
        onPoll: (item) => {
          if (item?.status !== 'downloading' || total === 0) return;
          bar ??= progressBar(ctx.io.stderr, total);
          bar.update(Math.round((total * Math.min(100, item.progressPercent)) / 100));
        },
      },
    );
  } finally {
    endBar();
  }
}

interface CreateOpts extends WaitOpts {
  size?: number;
  image?: string;
  snapshot?: string;
  sourceVolume?: string;
  backend?: 'lvm' | 'file';
  description?: string;
}

/** The CreateVolume request, or a usage error for flags that cannot go together. */
export function volumeRequest(name: string, o: CreateOpts) {
  if (o.size === undefined && o.snapshot === undefined && o.sourceVolume === undefined) {
    throw usageError('--size is required (it defaults to the source size only with --snapshot or --source-volume)');
  }
  const source =
    o.image !== undefined
      ? { image: o.image }
      : o.snapshot !== undefined
        ? { snapshot: o.snapshot }
        : o.sourceVolume !== undefined
          ? { sourceVolume: o.sourceVolume }
          : {};
  return { name, description: o.description ?? '', sizeGib: o.size ?? 0, backend: o.backend ?? '', ...source };
}

interface SetOpts extends WaitOpts {
  size?: number;
  name?: string;
  description?: string;
}

export function registerVolume(program: Command, ctx: Ctx): void {
  const volume = program.command('volume').description('volumes: block storage servers attach or boot from');

  addWait(
    volume
      .command('create')
      .description('create a volume: empty, or a copy of an image, a snapshot or another volume')
      .argument('<name>', 'volume name', nameOrId)
      .option('--size <GiB>', 'size in GiB (default with --snapshot/--source-volume: the source size)', positiveInt)
      .addOption(new Option('--image <image>', 'copy this image (name or id) into it').argParser(nameOrId))
      .addOption(
        new Option('--snapshot <snapshot>', 'make it from this snapshot (name or id)')
          .argParser(nameOrId)
          .conflicts('image'),
      )
      .addOption(
        new Option('--source-volume <volume>', 'copy this volume (name or id)')
          .argParser(nameOrId)
          .conflicts(['image', 'snapshot']),
      )
      .addOption(new Option('--backend <backend>', 'lvm or file (default: either)').choices(['lvm', 'file']))
      .option('--description <text>', 'a description'),
    'the volume is available',
  ).action(async (name: string, o: CreateOpts, cmd: Command) => {
    const req = volumeRequest(name, o);
    const session = await ctx.session(cmd);
    let v = await (await session.volumes()).CreateVolume(req);
    if (o.wait) v = (await waitVolume(ctx, session, v, { statuses: ['available'] }, o)) ?? v;
    ctx.print(renderShow(v, VOLUME_FIELDS, ctx.output(cmd)));
  });

  volume
    .command('list')
    .description('list volumes with their status and attachments')
    .option('--all-projects', "every project's volumes (admin only)")
    .option('--long', 'more columns: progress, backend, host, source, fault, project, user, created, updated')
    .option('--name <regex>', 'only volumes whose name matches this regular expression', nameRegExp)
    .option('--status <status>', `only volumes in this status (${VOLUME_STATUSES.join(', ')})`, volumeStatus)
    .action(async (o: { allProjects?: boolean; long?: boolean; name?: RegExp; status?: string }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).volumes();
      const listed = await allPages(async (pageToken) => {
        const r = await api.ListVolumes({ pageToken, allProjects: !!o.allProjects });
        return { items: r.volumes, nextPageToken: r.nextPageToken };
      });
      // ListVolumes has no filters: the CLI applies them to what it lists.
      const items = matchingName(listed, o.name).filter((v) => !o.status || v.status === o.status);
      const out = ctx.output(cmd);
      const columns = out.columns?.length ? VOLUME_ALL_COLUMNS : o.long ? VOLUME_LONG_COLUMNS : VOLUME_COLUMNS;
      ctx.print(renderList(items, columns, out));
    });

  volume
    .command('show')
    .description('show a volume')
    .argument('<volume>', 'volume name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).volumes();
      ctx.print(renderShow(await api.GetVolume({ volume: ref }), VOLUME_FIELDS, ctx.output(cmd)));
    });

  addWait(
    volume
      .command('set')
      .description('grow a volume (also while attached), rename it or set its description')
      .argument('<volume>', 'volume name or id', nameOrId)
      .option('--size <GiB>', 'the new size in GiB (grow only)', positiveInt)
      .option('--name <name>', 'a new name', nameOrId)
      .option('--description <text>', 'a new description ("" clears it)'),
    'the volume has its new size (with --size)',
  ).action(async (ref: string, o: SetOpts, cmd: Command) => {
    const rename = o.name !== undefined || o.description !== undefined;
    if (o.size === undefined && !rename) throw usageError('nothing to set: give --size, --name or --description');
    if (o.wait && o.size === undefined) throw usageError('--wait goes with --size (a rename takes effect at once)');
    const session = await ctx.session(cmd);
    const api = await session.volumes();
    // The extend first: it is the one the cloud may refuse (shrink, capacity,
    // status), and a refused extend then leaves the name as it was.
    let v: Volume__Output | undefined;
    if (o.size !== undefined) v = await api.ExtendVolume({ volume: ref, newSizeGib: o.size });
    if (rename) {
      v = await api.UpdateVolume({
        volume: v?.id ?? ref,
        ...(o.name !== undefined ? { name: o.name } : {}),
        ...(o.description !== undefined ? { description: o.description } : {}),
      });
    }
    if (o.wait && v && o.size !== undefined) {
      const target = { statuses: ['available', 'in-use'], sizeGib: o.size };
      v = (await waitVolume(ctx, session, v, target, o)) ?? v;
      ctx.print(renderShow(v, VOLUME_FIELDS, ctx.output(cmd)));
    }
  });

  addWait(
    volume.command('delete').description('delete volumes (wiping their data)').argument('<volume...>', 'names or ids'),
    'the volumes are gone',
  ).action(async (refs: string[], o: WaitOpts, cmd: Command) => {
    const session = await ctx.session(cmd);
    const api = await session.volumes();
    const deleting: Volume__Output[] = [];
    for (const ref of refs) deleting.push(await api.DeleteVolume({ volume: ref }));
    if (o.wait) for (const v of deleting) await waitVolume(ctx, session, v, { gone: true }, o);
  });

  volume
    .command('backend')
    .description('storage hosts and their capacity (admin only)')
    .command('list')
    .description("each storage host's backend: capacity, allocated, free")
    .action(async (_o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).volumes();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListVolumeBackends({ pageToken });
        return { items: r.backends, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, BACKEND_COLUMNS, ctx.output(cmd)));
    });

  registerVolumeSnapshot(volume, ctx);
}
