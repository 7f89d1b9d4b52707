// Quota arithmetic (pure): adding a change to usage, the first limit a change
// would pass, and limits as an admin gives them.
import { invalidArgument, StratoError } from '../../common/errors.ts';
import {
  apiName,
  MAX_LIMIT,
  QUOTA_RESOURCES,
  type QuotaCounts,
  type QuotaDelta,
  type QuotaResource,
  UNLIMITED,
  ZERO_USAGE,
} from './model.ts';

/** `usage` plus `delta` (minus, with sign -1). */
export function applyDelta(usage: Readonly<QuotaCounts>, delta: QuotaDelta, sign: 1 | -1 = 1): QuotaCounts {
  const out = { ...ZERO_USAGE, ...usage };
  for (const { key } of QUOTA_RESOURCES) out[key] += sign * (delta[key] ?? 0);
  return out;
}

/** Two changes as one (a server and the volume it boots from, written together). */
export function mergeDeltas(a: QuotaDelta, b: QuotaDelta | undefined): QuotaDelta {
  if (!b) return { ...a };
  return applyDelta(applyDelta(ZERO_USAGE, a), b);
}

export function isEmptyDelta(d: QuotaDelta): boolean {
  return QUOTA_RESOURCES.every(({ key }) => (d[key] ?? 0) === 0);
}

export interface Excess {
  resource: QuotaResource;
  limit: number;
  inUse: number;
  requested: number;
}

/**
 * The first resource `delta` would take past its limit, or undefined. Only
 * growth is checked: a project over a lowered limit may still shrink, and a
 * change that gives back is never refused.
 */
export function firstExcess(limits: Readonly<QuotaCounts>, usage: Readonly<QuotaCounts>, delta: QuotaDelta) {
  for (const { key } of QUOTA_RESOURCES) {
    const requested = delta[key] ?? 0;
    const limit = limits[key];
    if (requested <= 0 || limit === UNLIMITED) continue;
    if (usage[key] + requested > limit) return { resource: key, limit, inUse: usage[key], requested } as Excess;
  }
  return undefined;
}

/** RESOURCE_EXHAUSTED/QUOTA_EXCEEDED naming the resource, its limit, what is in use and what was asked. */
export function quotaExceeded(projectId: string, e: Excess): StratoError {
  const name = apiName(e.resource);
  return new StratoError(
    'RESOURCE_EXHAUSTED',
    'QUOTA_EXCEEDED',
    `quota exceeded for ${name}: limit ${e.limit}, in use ${e.inUse}, requested ${e.requested}`,
    {
      details: {
        resource: name,
        limit: String(e.limit),
        in_use: String(e.inUse),
        requested: String(e.requested),
        project_id: projectId,
      },
    },
  );
}

/** One limit as given: a whole number from -1 (unlimited) to MAX_LIMIT. Errors: INVALID_ARGUMENT/QUOTA_LIMIT_INVALID. */
export function validateLimit(field: string, value: unknown): number {
  const n = typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < UNLIMITED || n > MAX_LIMIT) {
    throw invalidArgument(
      'QUOTA_LIMIT_INVALID',
      `${field} must be a whole number from -1 (unlimited) to ${MAX_LIMIT}`,
      { details: { field } },
    );
  }
  return n;
}

/** Configured defaults over the built-in ones, each checked. Errors: INVALID_ARGUMENT/CONFIG_INVALID naming the setting. */
export function resolveDefaults(base: Readonly<QuotaCounts>, given: unknown, where: string): QuotaCounts {
  const bad = (why: string) => invalidArgument('CONFIG_INVALID', `${where}${why}`);
  if (given === undefined) return { ...base };
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw bad(' must be an object');
  const out = { ...base };
  for (const [k, v] of Object.entries(given)) {
    if (!QUOTA_RESOURCES.some((r) => r.key === k)) {
      throw bad(`.${k} is not a quota (${QUOTA_RESOURCES.map((r) => r.key).join(', ')})`);
    }
    try {
      out[k as QuotaResource] = validateLimit(`${where}.${k}`, v);
    } catch (err) {
      throw bad(`.${k}: ${(err as Error).message.replace(`${where}.${k} `, '')}`);
    }
  }
  return out;
}
