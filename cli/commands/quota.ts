// strato quota show [PROJECT] | quota set --instances N … PROJECT
import { type Command, InvalidArgumentError } from 'commander';
import type { Quota__Output } from '../../common/gen/strato/identity/v1/Quota.ts';
import type { QuotaUsage__Output } from '../../common/gen/strato/identity/v1/QuotaUsage.ts';
import type { SetQuotaRequest } from '../../common/gen/strato/identity/v1/SetQuotaRequest.ts';
import { nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { type Column, isStructured, renderDocument, renderList } from '../output.ts';

const unlimited = (n: string) => (n === '-1' ? 'unlimited' : n);

const QUOTA_COLUMNS: Column<QuotaUsage__Output>[] = [
  { header: 'Resource', get: (u) => u.resource },
  { header: 'Limit', get: (u) => unlimited(u.limit) },
  { header: 'In Use', get: (u) => u.inUse },
  { header: 'Default', get: (u) => (u.isDefault ? 'yes' : 'no') },
];

/** The set options: flag, the request field, and what the help says. */
const LIMIT_FLAGS = [
  ['instances', 'instances', 'servers'],
  ['cores', 'cores', "vCPUs of the servers' flavors"],
  ['ram', 'ram', "MiB of RAM of the servers' flavors"],
  ['volumes', 'volumes', 'volumes'],
  ['gigabytes', 'gigabytes', 'GiB of volumes and snapshots'],
  ['snapshots', 'snapshots', 'volume snapshots'],
  ['networks', 'networks', 'networks'],
  ['ports', 'ports', 'ports'],
  ['security-groups', 'securityGroups', 'security groups'],
  ['floating-ips', 'floatingIps', 'floating IPs'],
  ['routers', 'routers', 'routers'],
] as const;

/** A limit: a whole number, or -1 for unlimited. */
function limitArg(value: string): number {
  const v = value.trim();
  if (!/^(-1|\d{1,13})$/.test(v)) throw new InvalidArgumentError('must be a whole number, or -1 for unlimited');
  return Number(v);
}

function print(ctx: Ctx, cmd: Command, q: Quota__Output): void {
  const out = ctx.output(cmd);
  // JSON/YAML: the whole Quota (project id included); tables: one row per resource.
  ctx.print(
    isStructured(out.format) && !out.columns?.length
      ? renderDocument(q, out.format)
      : renderList(q.usage, QUOTA_COLUMNS, out),
  );
}

export function registerQuota(program: Command, ctx: Ctx): void {
  const quota = program
    .command('quota')
    .description('quotas: what a project may hold (limits, -1 unlimited) and what it uses');

  quota
    .command('show')
    .description("a project's limits and usage (yours by default; admins: any project)")
    .argument('[project]', 'project name or id', nameOrId)
    .action(async (project: string | undefined, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).quotas();
      print(ctx, cmd, await api.GetQuota({ project: project ?? '' }));
    });

  const set = quota
    .command('set')
    .description("change a project's limits (admin only; a limit below what is in use only stops new creates)")
    .argument('<project>', 'project name or id', nameOrId);
  for (const [flag, , help] of LIMIT_FLAGS) set.option(`--${flag} <n>`, `${help} (-1: unlimited)`, limitArg);
  set.action(async (project: string, o: Record<string, number | undefined>, cmd: Command) => {
    const req: SetQuotaRequest = { project };
    const r = req as Record<string, unknown>;
    for (const [, field] of LIMIT_FLAGS) if (o[field] !== undefined) r[field] = o[field];
    if (Object.keys(req).length === 1) {
      throw usageError(`quota set: give at least one of ${LIMIT_FLAGS.map(([f]) => `--${f}`).join(', ')}`);
    }
    const api = await (await ctx.session(cmd)).quotas();
    print(ctx, cmd, await api.SetQuota(req));
  });
}
