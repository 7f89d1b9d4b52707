// strato volume snapshot create|list|show|delete: point-in-time copies of a
// volume on its storage host, which new volumes can be made from.
import type { Command } from 'commander';
import type { VolumeSnapshot__Output } from '../../common/gen/strato/volume/v1/VolumeSnapshot.ts';
import { allPages, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { type Column, faultCell, renderList, renderShow } from '../output.ts';
import type { VolumeSnapshotsApi } from '../session.ts';
import { type StatusTarget, waitStatus } from '../volume-wait.ts';
import { addWait, unlessNotFound, type WaitOpts } from '../wait.ts';

export const SNAPSHOT_COLUMNS: Column<VolumeSnapshot__Output>[] = [
  { header: 'ID', get: (s) => s.id },
  { header: 'Name', get: (s) => s.name },
  { header: 'Status', get: (s) => s.status },
  { header: 'Size (GiB)', get: (s) => s.sizeGib },
  { header: 'Volume', get: (s) => s.volumeId },
];

const SNAPSHOT_FIELDS: Column<VolumeSnapshot__Output>[] = [
  ...SNAPSHOT_COLUMNS,
  { header: 'Description', get: (s) => s.description },
  { header: 'Fault', get: (s) => faultCell(s.fault) },
  { header: 'Project', get: (s) => s.projectId },
  { header: 'Created', get: (s) => s.createdAt },
  { header: 'Updated', get: (s) => s.updatedAt },
];

function waitSnapshot(ctx: Ctx, api: VolumeSnapshotsApi, s: VolumeSnapshot__Output, target: StatusTarget, o: WaitOpts) {
  const label = s.name || s.id;
  return waitStatus(
    'snapshot',
    label,
    unlessNotFound(() => api.GetVolumeSnapshot({ snapshot: s.id })),
    target,
    {
      timeoutMs: o.waitTimeout,
      onState: (state) => {
        if (ctx.io.stderr.isTTY) ctx.note(`snapshot ${label}: ${state}\n`);
      },
    },
  );
}

interface CreateOpts extends WaitOpts {
  volume: string;
  force?: boolean;
  description?: string;
}

export function registerVolumeSnapshot(volume: Command, ctx: Ctx): void {
  const snapshot = volume.command('snapshot').description('volume snapshots: point-in-time copies of a volume');

  addWait(
    snapshot
      .command('create')
      .description('snapshot a volume')
      .argument('<name>', 'snapshot name', nameOrId)
      .requiredOption('--volume <volume>', 'the volume (name or id)', nameOrId)
      .option('--force', 'snapshot an attached volume too (a crash-consistent copy)')
      .option('--description <text>', 'a description'),
    'the snapshot is available',
  ).action(async (name: string, o: CreateOpts, cmd: Command) => {
    const api = await (await ctx.session(cmd)).volumeSnapshots();
    let s = await api.CreateVolumeSnapshot({
      name,
      volume: o.volume,
      force: !!o.force,
      description: o.description ?? '',
    });
    if (o.wait) s = (await waitSnapshot(ctx, api, s, { statuses: ['available'] }, o)) ?? s;
    ctx.print(renderShow(s, SNAPSHOT_FIELDS, ctx.output(cmd)));
  });

  snapshot
    .command('list')
    .description('list volume snapshots')
    .option('--volume <volume>', "only this volume's snapshots (name or id)", nameOrId)
    .option('--all-projects', "every project's snapshots (admin only)")
    .action(async (o: { volume?: string; allProjects?: boolean }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).volumeSnapshots();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListVolumeSnapshots({ pageToken, volume: o.volume ?? '', allProjects: !!o.allProjects });
        return { items: r.snapshots, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, SNAPSHOT_COLUMNS, ctx.output(cmd)));
    });

  snapshot
    .command('show')
    .description('show a volume snapshot')
    .argument('<snapshot>', 'snapshot name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).volumeSnapshots();
      ctx.print(renderShow(await api.GetVolumeSnapshot({ snapshot: ref }), SNAPSHOT_FIELDS, ctx.output(cmd)));
    });

  addWait(
    snapshot
      .command('delete')
      .description('delete volume snapshots (volumes made from them stay)')
      .argument('<snapshot...>', 'snapshot names or ids'),
    'the snapshots are gone',
  ).action(async (refs: string[], o: WaitOpts, cmd: Command) => {
    const api = await (await ctx.session(cmd)).volumeSnapshots();
    const deleting: VolumeSnapshot__Output[] = [];
    for (const ref of refs) deleting.push(await api.DeleteVolumeSnapshot({ snapshot: ref }));
    if (o.wait) for (const s of deleting) await waitSnapshot(ctx, api, s, { gone: true }, o);
  });
}
