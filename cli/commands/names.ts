// Names for the ids in list columns (a server's image, a subnet's network):
// one listing of the named kind, made only when the column is printed. A
// listing the caller may not make (or that fails) costs the names only: the
// column then shows the ids, as the API gave them.
import { allPages } from '../args.ts';
import { isApiError } from '../errors.ts';
import { isStructured, type OutputOptions } from '../output.ts';

/** Whether the output prints this column (json/yaml without -c print the API objects, ids only). */
export function printsColumn(out: OutputOptions, header: string): boolean {
  if (out.columns?.length) return out.columns.some((c) => c.toLowerCase() === header.toLowerCase());
  return !isStructured(out.format);
}

/** id -> name over every page of a List RPC; empty when the caller cannot list. */
export async function namesById(
  fetchPage: (pageToken: string) => Promise<{ items: { id: string; name: string }[]; nextPageToken: string }>,
): Promise<Map<string, string>> {
  try {
    return new Map((await allPages(fetchPage)).map((i) => [i.id, i.name]));
  } catch (err) {
    if (isApiError(err)) return new Map();
    throw err;
  }
}

/**
 * A names listing started now, beside the command's main call, when `wanted`
 * (an empty map otherwise). The caller awaits it only if it turns out to need
 * it; a failure it never awaits is dropped with the listing.
 */
export function beside(wanted: boolean, list: () => Promise<Map<string, string>>): Promise<Map<string, string>> {
  if (!wanted) return Promise.resolve(new Map());
  const listing = list();
  listing.catch(() => {});
  return listing;
}
