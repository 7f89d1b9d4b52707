// The naming rules of the public API, shared by every resource (projects, users,
// images, flavors, servers …). Names are what users type on the command line and
// what tables show, so they are short, unambiguous and shell-safe; ids are UUIDs,
// and a UUID-shaped string is always taken as an id, never as a name.
import { echo, invalidArgument } from '../../common/errors.ts';

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
    throw invalidArgument('NAME_INVALID', `${field} ${echo(v)} ${p}`, { details: { field } });
  }
  return v;
}

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

/**
 * Whether `value` could name or identify a resource at all: a UUID, or a
 * string that is a valid name. Anything else names nothing that exists, so a
 * lookup answers NOT_FOUND without asking the store (whose keys it may not
 * even fit).
 */
export function isPossibleRef(value: string): boolean {
  return isUuid(value) || nameProblem(value) === undefined;
}

// C0 and C1 control characters and DEL: never part of a name or a label a
// terminal shows.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it finds
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;

export function hasControlChars(value: string): boolean {
  return CONTROL_RE.test(value);
}

/** The problem with `value` as free text of at most `max` characters, or undefined when it is fine. */
export function textProblem(value: string, max: number): string | undefined {
  if (value.length > max) return `must be at most ${max} characters`;
  if (hasControlChars(value)) return 'must not contain control characters';
  return undefined;
}

/** INVALID_ARGUMENT/<FIELD>_INVALID (`device_id` → DEVICE_ID_INVALID) naming the field. */
function fieldInvalid(field: string, message: string) {
  const reason = `${field.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_INVALID`;
  return invalidArgument(reason, message, { details: { field } });
}

/**
 * Free text (a description, a device id …), '' allowed: returns `value`, else
 * INVALID_ARGUMENT/<FIELD>_INVALID naming the field and the limit.
 */
export function validateText(field: string, value: unknown, max: number): string {
  const v = typeof value === 'string' ? value : '';
  const p = textProblem(v, max);
  if (p !== undefined) throw fieldInvalid(field, `${field} ${p}`);
  return v;
}

/** Host ids are host names (RFC 1123 letters, digits, '.', '-'), at most 253 characters. */
export const HOST_ID_RE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;

/** '' or a host id, else INVALID_ARGUMENT/<FIELD>_INVALID naming the field and the rule. */
export function validateOptionalHostId(field: string, value: string): string {
  if (value !== '' && !HOST_ID_RE.test(value)) {
    throw fieldInvalid(field, `${field} ${echo(value)} is not a host id (a host name of at most 253 characters)`);
  }
  return value;
}

/** A non-empty string field, else INVALID_ARGUMENT/FIELD_REQUIRED naming it. */
export function requireField(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw invalidArgument('FIELD_REQUIRED', `${field} is required`, { details: { field } });
  }
  return value;
}
