// The naming rules of the public API, shared by every resource (projects, users,
// images, flavors, servers …); the API edge holds requests to them
// (conductor/api/schemas/fields.ts). Ids are UUIDs, and a UUID-shaped string is
// always taken as an id, never as a name.
//
// A name is 1 to 63 characters of any script: letters, combining marks, digits,
// punctuation and symbols (Unicode categories L, M, N, P, S), so `web-1`,
// `données`, `<a&b>`, `$(id)` and `../up` are names, as almost anything printable
// is in Nova. What a name may not hold: whitespace (the store's name indexes end
// a name with a space before the id, and a name is one word on a command line),
// control, format (invisible, bidirectional overrides that reorder what a
// terminal shows), private-use, unassigned or lone-surrogate characters. It may
// not start with '-' (it would read as an option on the command line). Names
// never reach a shell, a path or markup unescaped: paths and host objects are
// named after ids, and every XML and JSON writer escapes what it writes.
import { echo, invalidArgument } from '../../common/errors.ts';

export const NAME_MAX = 63;
const NAME_CHARS = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]+$/u;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Characters as a user counts them (code points, not UTF-16 units). */
function length(value: string): number {
  // Over twice the limit in units is over the limit in code points too: no need to count.
  return value.length > 2 * NAME_MAX ? value.length : [...value].length;
}

/** The problem with `value` as a name, or undefined when it is fine. */
export function nameProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (length(value) > NAME_MAX) return `must be at most ${NAME_MAX} characters`;
  if (!NAME_CHARS.test(value))
    return 'may hold only letters, digits, punctuation and symbols (no spaces, control or invisible characters)';
  if (value.startsWith('-')) return "must not start with '-' (it would read as an option)";
  if (UUID_RE.test(value)) return 'must not look like a UUID (it would be read as an id)';
  return undefined;
}

/**
 * Returns `value` if it is a valid name, else INVALID_ARGUMENT/NAME_INVALID
 * naming the field. The public API's requests are checked at the edge already;
 * this is for names that come another way (configuration, bootstrap) and for
 * the domain's own defence.
 */
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
