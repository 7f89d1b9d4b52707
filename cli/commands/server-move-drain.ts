// strato host drain HOST [--wait] (strato.host.v1.Hosts DrainHost, admin): the
// host is disabled and its servers start moving elsewhere (running ones live,
// stopped ones cold). Prints one row per server: the migration moving it, or
// why it cannot move; with --wait, each migration's final status instead, and
// exits non-zero when something stayed on the host.
import type { Command } from 'commander';
import type { DrainedServer__Output } from '../../common/gen/strato/host/v1/DrainedServer.ts';
import { nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { CliError, EXIT } from '../errors.ts';
import { type Column, renderList } from '../output.ts';
import { addWait, pollUntil, type WaitOpts } from '../wait.ts';

interface Row extends DrainedServer__Output {
  status: string;
}

const COLUMNS: Column<Row>[] = [
  { header: 'Server', get: (r) => r.serverId },
  { header: 'Name', get: (r) => r.name },
  { header: 'Kind', get: (r) => r.kind },
  { header: 'Migration', get: (r) => r.migrationId },
  { header: 'Status', get: (r) => r.status },
  { header: 'Error', get: (r) => r.error },
];

const ENDED = ['finished', 'confirmed', 'reverted', 'error', 'cancelled'];

export function registerHostDrainCommand(host: Command, ctx: Ctx): void {
  addWait(
    host
      .command('drain')
      .description('disable a host and move its servers elsewhere (running ones live, stopped ones cold)')
      .argument('<host>', 'host id', nameOrId),
    'every move has ended (exit 1 when a server could not move)',
  ).action(async (ref: string, o: WaitOpts, c: Command) => {
    const session = await ctx.session(c);
    const r = await (await session.hosts()).DrainHost({ host: ref });
    let rows: Row[] = r.servers.map((s) => ({ ...s, status: s.migrationId ? 'queued' : 'not moving' }));
    if (o.wait && rows.some((x) => x.migrationId)) {
      const moves = await session.serverMoves();
      await pollUntil(
        {
          what: `the drain of ${ref}`,
          want: 'empty',
          get: async () => {
            const ms = (await moves.ListMigrations({ server: '', host: ref })).migrations;
            const byId = new Map(ms.map((m) => [m.id, m]));
            rows = rows.map((x) => {
              const m = byId.get(x.migrationId);
              return m ? { ...x, status: m.status, error: x.error || m.error } : x;
            });
            return rows;
          },
          settle: (xs) =>
            (xs ?? []).every((x) => !x.migrationId || ENDED.includes(x.status))
              ? { kind: 'done' }
              : { kind: 'pending' },
          state: (xs) => `${(xs ?? []).filter((x) => ENDED.includes(x.status)).length}/${rows.length} moves ended`,
        },
        {
          timeoutMs: o.waitTimeout,
          onState: (state) => {
            if (ctx.io.stderr.isTTY) ctx.note(`host ${ref}: ${state}\n`);
          },
        },
      );
    }
    ctx.print(renderList(rows, COLUMNS, ctx.output(c)));
    const stuck = rows.filter((x) => !x.migrationId || (o.wait && x.status !== 'finished'));
    if (o.wait && stuck.length > 0) {
      throw new CliError(
        `${stuck.length} server(s) stayed on host ${ref}: ${stuck.map((x) => x.name).join(', ')}`,
        EXIT.ERROR,
      );
    }
  });
}
