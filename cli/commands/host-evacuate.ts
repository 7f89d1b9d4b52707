// strato host evacuate HOST [--target-host H] [--wait] (admin only): rebuilds the
// servers of a host that is down and fenced (and disabled, to confirm it) on
// other hosts. Without --wait it lists what was started; with --wait it follows
// every evacuating server until it settles and shows each outcome (its state,
// new host, or the fault), failing when any server did not make it.
import type { Command } from 'commander';
import type { ServerEvacuation__Output } from '../../common/gen/strato/host/v1/ServerEvacuation.ts';
import { nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { CliError, EXIT, isApiError } from '../errors.ts';
import { type Column, renderList } from '../output.ts';
import { addWait, pollUntil, settle, stateText, unlessNotFound, type WaitOpts } from '../wait.ts';

/** One server's line: what EvacuateHost did, and (with --wait) how it ended. */
export interface EvacuationRow extends ServerEvacuation__Output {
  outcome: string;
  newHost: string;
}

export const EVACUATION_COLUMNS: Column<EvacuationRow>[] = [
  { header: 'Server', get: (r) => r.serverId },
  { header: 'Name', get: (r) => r.serverName },
  { header: 'Action', get: (r) => r.action },
  { header: 'Target State', get: (r) => r.targetVmState },
  { header: 'Reason', get: (r) => r.reason },
];

export const OUTCOME_COLUMNS: Column<EvacuationRow>[] = [
  ...EVACUATION_COLUMNS.slice(0, 3),
  { header: 'Outcome', get: (r) => r.outcome },
  { header: 'Host', get: (r) => r.newHost },
];

interface EvacuateOpts extends WaitOpts {
  targetHost?: string;
}

export function registerHostEvacuate(host: Command, ctx: Ctx): void {
  addWait(
    host
      .command('evacuate')
      .description(
        'rebuild every server of a dead host elsewhere (the host must be down, fenced and disabled: ' +
          'disabling it confirms the fencing); its disks are lost, volumes follow',
      )
      .argument('<host>', 'the dead host', nameOrId)
      .option('--target-host <host>', 'put every server on this host (default: the scheduler chooses)', nameOrId),
    'every server is rebuilt (or failed), showing each outcome',
  ).action(async (ref: string, o: EvacuateOpts, cmd: Command) => {
    const session = await ctx.session(cmd);
    const res = await (await session.hosts()).EvacuateHost({ host: ref, targetHost: o.targetHost ?? '' });
    const rows: EvacuationRow[] = res.servers.map((s) => ({ ...s, outcome: s.action, newHost: '' }));
    if (!o.wait) {
      ctx.print(renderList(rows, EVACUATION_COLUMNS, ctx.output(cmd)));
      return;
    }
    const servers = await session.servers();
    let failed = 0;
    await Promise.all(
      rows
        .filter((r) => r.action === 'evacuating')
        .map(async (r) => {
          try {
            const s = await pollUntil(
              {
                what: `server ${r.serverName || r.serverId}`,
                want: r.targetVmState,
                get: unlessNotFound(() => servers.GetServer({ server: r.serverId })),
                settle: (x) => settle(x, { vmState: r.targetVmState }),
                state: stateText,
              },
              { timeoutMs: o.waitTimeout },
            );
            r.outcome = s?.vmState ?? 'gone';
            r.newHost = s?.host ?? '';
          } catch (err) {
            if (!(err instanceof CliError) && !isApiError(err)) throw err;
            failed++;
            r.outcome = `failed: ${err.message}`;
          }
        }),
    );
    ctx.print(renderList(rows, OUTCOME_COLUMNS, ctx.output(cmd)));
    if (failed > 0) throw new CliError(`${failed} server(s) were not evacuated`, EXIT.ERROR);
  });
}
