// strato server migrate SERVER [--live] [--host H] [--bandwidth MIB_S] [--wait]
// (admin), strato server migration list|show|abort (admin), strato server
// resize SERVER --flavor F [--wait] and strato server resize confirm|revert
// SERVER [--wait] (strato.compute.v1.ServerMoves). Every move goes to another
// host. Each returns once accepted; --wait follows the migration (migrate) or
// the server (resize, which a project member may not see the migration of).
import type { Command } from 'commander';
import type { Migration__Output } from '../../common/gen/strato/compute/v1/Migration.ts';
import type { Server__Output } from '../../common/gen/strato/compute/v1/Server.ts';
import { nameOrId, positiveInt } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { type Column, renderList, renderShow } from '../output.ts';
import type { Session } from '../session.ts';
import { addWait, pollUntil, stateText, unlessNotFound, type Verdict, type WaitOpts } from '../wait.ts';
import { SERVER_FIELDS } from './server-fields.ts';

const MIB = 2 ** 20;
const mib = (n: number | string) => `${Math.round(Number(n) / MIB)} MiB`;

export const MIGRATION_COLUMNS: Column<Migration__Output>[] = [
  { header: 'ID', get: (m) => m.id },
  { header: 'Server', get: (m) => m.serverId },
  { header: 'Kind', get: (m) => m.kind },
  { header: 'Source', get: (m) => m.sourceHost },
  { header: 'Destination', get: (m) => m.destHost },
  { header: 'Status', get: (m) => m.status },
  { header: 'Created', get: (m) => m.createdAt },
];

export const MIGRATION_FIELDS: Column<Migration__Output>[] = [
  ...MIGRATION_COLUMNS,
  { header: 'Project', get: (m) => m.projectId },
  { header: 'Old Flavor', get: (m) => m.oldFlavorId },
  { header: 'New Flavor', get: (m) => m.newFlavorId },
  { header: 'Memory', get: (m) => progressText(m, 'memory') },
  { header: 'Disk', get: (m) => progressText(m, 'disk') },
  { header: 'Downtime (ms)', get: (m) => m.progress?.downtimeMs ?? 0 },
  { header: 'Elapsed (ms)', get: (m) => Number(m.progress?.elapsedMs ?? 0) },
  { header: 'Error', get: (m) => m.error },
  { header: 'Updated', get: (m) => m.updatedAt },
];

function progressText(m: Migration__Output, what: 'memory' | 'disk'): string {
  const p = m.progress;
  if (!p) return '';
  const total = what === 'memory' ? p.memoryTotalBytes : p.diskTotalBytes;
  const done = what === 'memory' ? p.memoryProcessedBytes : p.diskProcessedBytes;
  const left = what === 'memory' ? p.memoryRemainingBytes : p.diskRemainingBytes;
  if (Number(total) === 0) return '';
  return `${mib(done)} of ${mib(total)} (${mib(left)} remaining)`;
}

/** Where a migration has come to rest: finished (or a resize's later end), else how it failed. */
export function settleMigration(m: Migration__Output | undefined): Verdict {
  if (!m) return { kind: 'failed', message: 'the migration disappeared' };
  if (['finished', 'confirmed', 'reverted'].includes(m.status)) return { kind: 'done' };
  if (m.status === 'error' || m.status === 'cancelled') {
    return { kind: 'failed', message: `migration ${m.id} ${m.status}: ${m.error || 'no reason given'}` };
  }
  return { kind: 'pending' };
}

/** A server's resize (or its confirm/revert) has ended: `want` reached, else it went back (see its events). */
export function settleResize(s: Server__Output | undefined, want: 'RESIZED' | 'rest'): Verdict {
  if (!s) return { kind: 'failed', message: 'the server disappeared' };
  if (s.taskState) return { kind: 'pending' };
  const ok = want === 'RESIZED' ? s.vmState === 'RESIZED' : s.vmState !== 'RESIZED';
  if (ok) return { kind: 'done' };
  return {
    kind: 'failed',
    message: `server ${s.name || s.id} is ${s.vmState}: the resize did not happen (see strato server event list)`,
  };
}

async function waitServer(ctx: Ctx, session: Session, ref: string, want: 'RESIZED' | 'rest', o: WaitOpts) {
  const api = await session.servers();
  return pollUntil(
    {
      what: `server ${ref}`,
      want: want === 'RESIZED' ? 'RESIZED' : 'resized or reverted',
      get: unlessNotFound(() => api.GetServer({ server: ref })),
      settle: (s) => settleResize(s, want),
      state: stateText,
    },
    {
      timeoutMs: o.waitTimeout,
      onState: (state) => {
        if (ctx.io.stderr.isTTY) ctx.note(`server ${ref}: ${state}\n`);
      },
    },
  );
}

async function waitMigration(ctx: Ctx, session: Session, id: string, o: WaitOpts) {
  const api = await session.serverMoves();
  return pollUntil(
    {
      what: `migration ${id}`,
      want: 'finished',
      get: unlessNotFound(() => api.GetMigration({ migration: id })),
      settle: settleMigration,
      state: (m) => m?.status ?? 'gone',
    },
    {
      timeoutMs: o.waitTimeout,
      onState: (state) => {
        if (ctx.io.stderr.isTTY) ctx.note(`migration ${id}: ${state}\n`);
      },
    },
  );
}

export function registerServerMoveCommands(server: Command, ctx: Ctx): void {
  addWait(
    server
      .command('migrate')
      .description('move a server to another host (admin): cold, or --live while it runs')
      .argument('<server>', 'server name or id', nameOrId)
      .option('--live', 'keep the guest running while it moves (it must be ACTIVE)')
      .option('--host <host>', 'the destination host (default: the scheduler picks; never the current one)')
      .option('--bandwidth <MiB/s>', 'cap the copy at this many MiB/s (default: unlimited)', positiveInt),
    'the migration has finished (then shows the server)',
  ).action(async (ref: string, o: WaitOpts & { live?: boolean; host?: string; bandwidth?: number }, c: Command) => {
    const session = await ctx.session(c);
    const m = await (await session.serverMoves()).MigrateServer({
      server: ref,
      live: !!o.live,
      host: o.host ?? '',
      bandwidthMibS: o.bandwidth ?? 0,
    });
    if (!o.wait) {
      ctx.print(renderShow(m, MIGRATION_FIELDS, ctx.output(c)));
      return;
    }
    await waitMigration(ctx, session, m.id, o);
    const s = await (await session.servers()).GetServer({ server: m.serverId });
    ctx.print(renderShow(s, SERVER_FIELDS, ctx.output(c)));
  });

  const migration = server.command('migration').description("servers' migrations (admin)");
  migration
    .command('list')
    .description('migrations, newest first')
    .option('--server <server>', 'only this server’s', nameOrId)
    .option('--host <host>', 'only those from or to this host')
    .action(async (o: { server?: string; host?: string }, c: Command) => {
      const api = await (await ctx.session(c)).serverMoves();
      const r = await api.ListMigrations({ server: o.server ?? '', host: o.host ?? '' });
      ctx.print(renderList(r.migrations, MIGRATION_COLUMNS, ctx.output(c)));
    });
  migration
    .command('show')
    .description('a migration with its progress (memory and disk copied, remaining, downtime)')
    .argument('<migration>', 'migration id')
    .action(async (id: string, _o: unknown, c: Command) => {
      const api = await (await ctx.session(c)).serverMoves();
      ctx.print(renderShow(await api.GetMigration({ migration: id }), MIGRATION_FIELDS, ctx.output(c)));
    });
  migration
    .command('abort')
    .description('stop a migration that has not arrived: the server stays on its source')
    .argument('<migration>', 'migration id')
    .action(async (id: string, _o: unknown, c: Command) => {
      const api = await (await ctx.session(c)).serverMoves();
      ctx.print(renderShow(await api.AbortMigration({ migration: id }), MIGRATION_FIELDS, ctx.output(c)));
    });

  const resize = addWait(
    server
      .command('resize')
      .description(
        'give a server another flavor, on another host; then `resize confirm` or `resize revert` (the disk grows, never shrinks)',
      )
      .argument('[server]', 'server name or id', nameOrId)
      .option('--flavor <flavor>', 'the new flavor (name or id)'),
    'the server is RESIZED (VERIFY_RESIZE)',
  ).action(async (ref: string | undefined, o: WaitOpts & { flavor?: string }, c: Command) => {
    if (!ref || !o.flavor) {
      throw usageError('usage: strato server resize SERVER --flavor FLAVOR (or: resize confirm|revert SERVER)');
    }
    const session = await ctx.session(c);
    const m = await (await session.serverMoves()).ResizeServer({ server: ref, flavor: o.flavor });
    if (o.wait) await waitServer(ctx, session, m.serverId, 'RESIZED', o);
    const s = await (await session.servers()).GetServer({ server: m.serverId });
    ctx.print(renderShow(s, SERVER_FIELDS, ctx.output(c)));
  });
  for (const verb of ['confirm', 'revert'] as const) {
    addWait(
      resize
        .command(verb)
        .description(
          verb === 'confirm'
            ? 'keep the new flavor: the old host lets go of the server'
            : 'go back to the old flavor and host',
        )
        .argument('<server>', 'server name or id', nameOrId),
      `the ${verb} is done`,
    ).action(async (ref: string, o: WaitOpts, c: Command) => {
      const session = await ctx.session(c);
      const moves = await session.serverMoves();
      let s =
        verb === 'confirm' ? await moves.ConfirmResize({ server: ref }) : await moves.RevertResize({ server: ref });
      // `resize` has --wait/--wait-timeout of its own, and commander gives options written
      // after `resize confirm|revert` to that parent: read them there too.
      const w = waitOptsOf(o, c);
      if (w.wait) s = (await waitServer(ctx, session, s.id, 'rest', w)) ?? s;
      ctx.print(renderShow(s, SERVER_FIELDS, ctx.output(c)));
    });
  }
}

/** The wait options of a subcommand whose parent declares them too (the parent's, where given there). */
export function waitOptsOf(o: WaitOpts, c: Command): WaitOpts {
  const parent = c.parent;
  if (!parent) return o;
  const po = parent.opts() as Partial<WaitOpts>;
  return {
    ...o,
    wait: Boolean(o.wait || po.wait),
    waitTimeout:
      parent.getOptionValueSource('waitTimeout') === 'cli' && po.waitTimeout !== undefined ? po.waitTimeout : o.waitTimeout,
  };
}
