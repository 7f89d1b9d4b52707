// Name-or-id lookups, as the openstack client does them: a UUID-shaped reference
// is an id; anything else is a name, which must match exactly one visible
// resource. What the caller cannot see does not exist (NOT_FOUND), so a name
// never reveals another project's resources.
import { failedPrecondition, notFound } from '../../common/errors.ts';
import { isUuid, requireField } from './names.ts';

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

export async function resolveRef<T>(field: string, ref: unknown, r: Resolver<T>): Promise<T> {
  const value = requireField(field, ref);
  const reason = `${r.kind.toUpperCase()}_NOT_FOUND`;
  if (isUuid(value)) {
    const found = await r.byId(value.toLowerCase());
    if (found === undefined) throw notFound(reason, `${r.kind} ${value} not found`, { details: { [field]: value } });
    return found;
  }
  const matches = await r.byName(value);
  if (matches.length === 0) throw notFound(reason, `${r.kind} ${value} not found`, { details: { [field]: value } });
  if (matches.length > 1) {
    throw failedPrecondition(
      `${r.kind.toUpperCase()}_NAME_AMBIGUOUS`,
      `${matches.length} ${r.kind}s are named ${value}; use an id (${matches.map(r.idOf).join(', ')})`,
      { details: { [field]: value } },
    );
  }
  return matches[0]!;
}
