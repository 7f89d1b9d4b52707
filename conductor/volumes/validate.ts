// Checks of volume requests that need no store: pure, so the rules are
// table-tested. Bad input gets INVALID_ARGUMENT naming the request's field and
// changes nothing.
import { echo, invalidArgument } from '../../common/errors.ts';
import { validateName, validateText } from '../naming/names.ts';
import { BACKENDS, type Backend, MAX_SIZE_GIB } from './model.ts';

export const MAX_DESCRIPTION = 255;

export function validateVolumeName(value: unknown, field = 'name'): string {
  return validateName(field, value);
}

/** At most 255 characters, no control characters: DESCRIPTION_INVALID. */
export function validateDescription(value: unknown, field = 'description'): string {
  return validateText(field, value, MAX_DESCRIPTION);
}

/** '' (any), file or lvm: BACKEND_INVALID naming `backend`. */
export function validateBackend(value: unknown): Backend | undefined {
  const v = typeof value === 'string' ? value : '';
  if (v === '') return undefined;
  if (!(BACKENDS as readonly string[]).includes(v)) {
    throw invalidArgument('BACKEND_INVALID', `backend must be "", "lvm" or "file", got ${echo(v)}`, {
      details: { field: 'backend' },
    });
  }
  return v as Backend;
}

/**
 * A size in GiB: 1 to 65536, or 0 where `zeroMeans` says what it stands for
 * (the source's size). Errors: INVALID_ARGUMENT/SIZE_INVALID naming `field`.
 */
export function validateSizeGib(field: string, value: unknown, zeroAllowed: boolean, zeroHint = ''): number {
  const n = typeof value === 'number' ? value : Number.NaN;
  if (Number.isInteger(n) && n >= 1 && n <= MAX_SIZE_GIB) return n;
  if (n === 0 && zeroAllowed) return 0;
  const why = n === 0 ? `${field} 0 needs a snapshot or source volume to take the size from${zeroHint}` : '';
  throw invalidArgument(
    'SIZE_INVALID',
    why || `${field} must be 1 to ${MAX_SIZE_GIB} GiB, got ${echo(String(value))}`,
    {
      details: { field },
    },
  );
}

/** A source smaller than asked for: INVALID_ARGUMENT/SIZE_BELOW_SOURCE with details.min_size_gib. */
export function checkAtLeast(field: string, sizeGib: number, minGib: number, source: string): void {
  if (sizeGib >= minGib) return;
  throw invalidArgument(
    'SIZE_BELOW_SOURCE',
    `${field} ${sizeGib} is smaller than ${source} (${minGib} GiB); ask for at least ${minGib}`,
    { details: { field, min_size_gib: String(minGib) } },
  );
}
