// strato.identity.v1.Quotas: a thin adapter from gRPC messages to the quotas
// (conductor/quotas/quotas.ts); projects are resolved through identity.

import { invalidArgument } from '../../common/errors.ts';
import type { Quota } from '../../common/gen/strato/identity/v1/Quota.ts';
import type { QuotasHandlers } from '../../common/gen/strato/identity/v1/Quotas.ts';
import type { SetQuotaRequest__Output } from '../../common/gen/strato/identity/v1/SetQuotaRequest.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import { canSee, requireAdmin } from '../identity/access.ts';
import type { Identity } from '../identity/identity.ts';
import type { Principal } from '../identity/model.ts';
import { requireField } from '../naming/names.ts';
import { refNotFound } from '../naming/resolve.ts';
import { QUOTA_RESOURCES, type QuotaDelta, type QuotaView } from '../quotas/model.ts';
import type { Quotas } from '../quotas/quotas.ts';
import { authenticate } from './auth.ts';

export function quotaToProto(v: QuotaView): Quota {
  return {
    projectId: v.projectId,
    usage: v.lines.map((l) => ({ resource: l.name, limit: l.limit, inUse: l.inUse, isDefault: l.isDefault })),
  };
}

/** The project `ref` names as `p` may see it; another project is NOT_FOUND, as one that does not exist. */
async function visibleProject(identity: Identity, p: Principal, ref: string): Promise<string> {
  if (ref === '') return p.projectId;
  const project = await identity.getProject(ref);
  if (!canSee(p, project.id)) throw refNotFound('project', 'project', ref);
  return project.id;
}

/** The limits a SetQuota request gives (proto field names are the resources' API names, camelCased). */
function changesOf(req: SetQuotaRequest__Output): QuotaDelta {
  const r = req as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const { key, name } of QUOTA_RESOURCES) {
    const field = name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (r[`_${field}`] === field) out[key] = r[field];
  }
  if (Object.keys(out).length === 0) {
    throw invalidArgument('QUOTA_UNCHANGED', 'give at least one limit to set', { details: { field: 'instances' } });
  }
  // Checked (whole numbers from -1) by Quotas.set, which names the field.
  return out as QuotaDelta;
}

export function quotasApi(identity: Identity, quotas: Quotas): Implementation<QuotasHandlers> {
  return {
    async GetQuota(req, ctx) {
      const p = await authenticate(ctx, identity);
      return quotaToProto(await quotas.show(await visibleProject(identity, p, req.project)));
    },
    async SetQuota(req, ctx) {
      const p = await authenticate(ctx, identity);
      requireAdmin(p, 'setting quotas');
      const changes = changesOf(req);
      const project = await identity.getProject(requireField('project', req.project));
      return quotaToProto(await quotas.set(project.id, changes));
    },
  };
}
