// Finding servers as a caller sees them: by id or name, project-scoped, with
// another project's server answering NOT_FOUND exactly like a missing one.
import { failedPrecondition, notFound } from '../../common/errors.ts';
import { isAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { isUuid } from '../naming/names.ts';
import { possibleRef } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listPage, type Page, type PageRequest } from '../store/paging.ts';
import type { Entry, Store } from '../store/store.ts';
import {
  ALL_NAMES,
  type InstanceRecord,
  instanceKey,
  type NameIndexValue,
  projectNamesPrefix,
} from './instance-record.ts';

export function visibleTo(rec: InstanceRecord, p: Principal): boolean {
  return rec.projectId === p.projectId || isAdmin(p);
}

const serverNotFound = (ref: string) =>
  notFound('SERVER_NOT_FOUND', `server ${ref} not found`, { details: { server: ref } });

async function byNamePrefix(store: Store, prefix: string): Promise<string[]> {
  const page = await store.list<NameIndexValue>(prefix, { limit: 20 });
  return page.entries.map((e) => e.value.id);
}

/** The entry of the server `ref` (id or name) names. Errors: NOT_FOUND/SERVER_NOT_FOUND; FAILED_PRECONDITION/SERVER_NAME_AMBIGUOUS. */
export async function findServer(store: Store, ref: unknown, p: Principal): Promise<Entry<InstanceRecord>> {
  // Anything that can be neither an id nor a name names no server (and reaches no key).
  const value = possibleRef('server', 'server', ref);
  if (isUuid(value)) {
    const e = await getOrUndefined<InstanceRecord>(store, instanceKey(value.toLowerCase()));
    if (!e || !visibleTo(e.value, p)) throw serverNotFound(value);
    return e;
  }
  // Names never contain a space, the index separator, so a prefix is an exact match.
  let ids = await byNamePrefix(store, `${projectNamesPrefix(p.projectId)}${value} `);
  if (ids.length === 0 && isAdmin(p)) ids = await byNamePrefix(store, `${ALL_NAMES}${value} `);
  if (ids.length > 1) {
    throw failedPrecondition(
      'SERVER_NAME_AMBIGUOUS',
      `${ids.length} servers are named ${value}; use an id (${ids.join(', ')})`,
      { details: { server: value } },
    );
  }
  const e = ids[0] ? await getOrUndefined<InstanceRecord>(store, instanceKey(ids[0])) : undefined;
  if (!e || !visibleTo(e.value, p)) throw serverNotFound(value);
  return e;
}

/** The caller's project's servers by name, or every project's for an admin asking for all. */
export async function listServers(
  store: Store,
  req: PageRequest & { allProjects?: boolean },
  p: Principal,
): Promise<Page<InstanceRecord>> {
  const all = req.allProjects === true && isAdmin(p);
  const prefix = all ? ALL_NAMES : projectNamesPrefix(p.projectId);
  return listPage<NameIndexValue, InstanceRecord>(store, prefix, req, async (e) => {
    const rec = await getOrUndefined<InstanceRecord>(store, instanceKey(e.value.id));
    return rec && visibleTo(rec.value, p) ? rec.value : undefined;
  });
}
