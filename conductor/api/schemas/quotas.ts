// strato.identity.v1.Quotas' requests.
import { z } from 'zod';
import { MAX_LIMIT, QUOTA_RESOURCES, UNLIMITED } from '../../quotas/model.ts';
import { optionalRef, type RequestSchemas, rule } from './fields.ts';

const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * A proto3 `optional int64` limit (int64 arrives as a decimal string): absent
 * keeps the project's limit, else a whole number from -1 (unlimited) to
 * MAX_LIMIT, as the domain's validateLimit says (conductor/quotas/check.ts).
 */
const limit = z
  .string()
  .check(
    rule('QUOTA_LIMIT_INVALID', (v: string) =>
      /^-?\d{1,16}$/.test(v) && Number(v) >= UNLIMITED && Number(v) <= MAX_LIMIT
        ? undefined
        : `must be a whole number from -1 (unlimited) to ${MAX_LIMIT}`,
    ),
  )
  .optional();

export const quotasRequests: RequestSchemas = {
  // '' is the caller's own project.
  'strato.identity.v1.GetQuotaRequest': z.object({ project: optionalRef('project') }),
  // An empty project is the domain's FIELD_REQUIRED, as no limit given is its QUOTA_UNCHANGED.
  'strato.identity.v1.SetQuotaRequest': z.object({
    project: optionalRef('project'),
    ...Object.fromEntries(QUOTA_RESOURCES.map((r) => [camel(r.name), limit])),
  }),
};
