// The naming rules of the public API, shared by every resource (projects, users,
// images, flavors, servers …). Names are what users type on the command line and
// what tables show, so they are short, unambiguous and shell-safe; ids are UUIDs,
// and a UUID-shaped string is always taken as an id, never as a name.
import { invalidArgument } from '../../common/errors.ts';

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const NAME_MAX = 63;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The problem with `value` as a name, or undefined when it is fine. */
export function nameProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > NAME_MAX) return `must be at most ${NAME_MAX} characters`;
  if (!NAME_RE.test(value))
    return 'must start with a letter or digit and contain only letters, digits, ".", "_" and "-"';
  if (UUID_RE.test(value)) return 'must not look like a UUID (it would be read as an id)';
  return undefined;
}

/** Returns `value` if it is a valid name, else INVALID_ARGUMENT/NAME_INVALID naming the field. */
export function validateName(field: string, value: unknown): string {
  const v = typeof value === 'string' ? value : '';
  const p = nameProblem(v);
  if (p !== undefined) {
    throw invalidArgument('NAME_INVALID', `${field} ${JSON.stringify(v)} ${p}`, { details: { field } });
  }
  return v;
}

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/** A non-empty string field, else INVALID_ARGUMENT/FIELD_REQUIRED naming it. */
export function requireField(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw invalidArgument('FIELD_REQUIRED', `${field} is required`, { details: { field } });
  }
  return value;
}
