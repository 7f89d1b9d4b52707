// Argument parsers shared by commands. They throw commander's
// InvalidArgumentError, which the CLI reports as a usage error (exit 2)
// before any call is made.
import { InvalidArgumentError } from 'commander';

export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('must be a positive integer');
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  if (n > 0xffffffff) throw new InvalidArgumentError('is too large');
  return n;
}

/** A positive number of seconds (fractions allowed), returned in milliseconds. */
export function seconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError('must be a positive number of seconds');
  }
  return Math.round(n * 1000);
}

/** --name on lists: a regular expression (openstack's --name), checked before any call is made. */
export function nameRegExp(value: string): RegExp {
  try {
    return new RegExp(value);
  } catch {
    throw new InvalidArgumentError('must be a regular expression');
  }
}

/** The items whose name matches `re` (all without one): lists whose API has no name filter. */
export function matchingName<T extends { name: string }>(items: T[], re: RegExp | undefined): T[] {
  return re ? items.filter((i) => re.test(i.name)) : items;
}

/** For repeatable options: `-c ID -c Name`. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A name or id argument: non-empty after trimming. */
export function nameOrId(value: string): string {
  const v = value.trim();
  if (!v) throw new InvalidArgumentError('must not be empty');
  return v;
}

/** Every item of a paginated List RPC, following next_page_token. */
export async function allPages<T>(
  fetch: (pageToken: string) => Promise<{ items: T[]; nextPageToken: string }>,
): Promise<T[]> {
  const out: T[] = [];
  let token = '';
  // A server that keeps returning the same token would loop forever.
  const seen = new Set<string>();
  do {
    const page = await fetch(token);
    out.push(...page.items);
    token = page.nextPageToken;
    if (token && seen.has(token)) break;
    seen.add(token);
  } while (token);
  return out;
}
