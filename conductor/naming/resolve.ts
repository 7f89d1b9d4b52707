// Name-or-id lookups, as the openstack client does them: a UUID-shaped reference
// is an id; anything else is a name, which must match exactly one visible
// resource. What the caller cannot see does not exist (NOT_FOUND), so a name
// never reveals another project's resources.
import { clip, echo, failedPrecondition, notFound, type StratoError } from '../../common/errors.ts';
import { HOST_ID_RE, isPossibleRef, isUuid, requireField } from './names.ts';

export interface Resolver<T> {
  /** Singular noun for messages and reasons, e.g. 'image' → IMAGE_NOT_FOUND. */
  kind: string;
  /** The visible resource with this id, or undefined. */
  byId(id: string): Promise<T | undefined>;
  /** Every visible resource with this exact name (at most a few). */
  byName(name: string): Promise<T[]>;
  /** For the ambiguity message. */
  idOf(item: T): string;
}

/** NOT_FOUND/<KIND>_NOT_FOUND for the reference `value` in `field`, quoting it within bounds. */
export function refNotFound(kind: string, field: string, value: string): StratoError {
  return notFound(`${kind.toUpperCase()}_NOT_FOUND`, `${kind} ${echo(value)} not found`, {
    details: { [field]: clip(value) },
  });
}

/**
 * The non-empty reference in `field`, or NOT_FOUND when it can be neither an
 * id nor a name (too long, control characters …): checked at the API edge so
 * that nothing unbounded reaches a store key or an error message.
 */
export function possibleRef(kind: string, field: string, ref: unknown): string {
  const value = requireField(field, ref);
  if (!isPossibleRef(value)) throw refNotFound(kind, field, value);
  return value;
}

/** The host id in `field`, or NOT_FOUND/HOST_NOT_FOUND when it cannot be one. */
export function possibleHostRef(field: string, ref: unknown): string {
  const value = requireField(field, ref);
  if (!HOST_ID_RE.test(value)) throw refNotFound('host', field, value);
  return value;
}

export async function resolveRef<T>(field: string, ref: unknown, r: Resolver<T>): Promise<T> {
  const value = possibleRef(r.kind, field, ref);
  if (isUuid(value)) {
    const found = await r.byId(value.toLowerCase());
    if (found === undefined) throw refNotFound(r.kind, field, value);
    return found;
  }
  const matches = await r.byName(value);
  if (matches.length === 0) throw refNotFound(r.kind, field, value);
  if (matches.length > 1) {
    throw failedPrecondition(
      `${r.kind.toUpperCase()}_NAME_AMBIGUOUS`,
      `${matches.length} ${r.kind}s are named ${value}; use an id (${matches.map(r.idOf).join(', ')})`,
      { details: { [field]: value } },
    );
  }
  return matches[0]!;
}
