// The first start of a conductor with quotas counts what every project holds
// from the records (resources made before quotas existed), once: afterwards
// every create and delete keeps the usage records current in its own
// transaction. Runs before the API serves and before workflows resume, so no
// record changes while it counts.
import { type Logger, log as rootLog } from '../../common/log.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Store } from '../store/store.ts';
import { USAGE_COUNTED, usageKey } from './keys.ts';
import { ZERO_USAGE } from './model.ts';
import { type AnyUsageSource, countUsage } from './usage-source.ts';

/** Writes every project's usage as counted from the records, unless that was done; returns how many projects. */
export async function backfillUsage(
  store: Store,
  sources: readonly AnyUsageSource[],
  projectIds: readonly string[],
  log: Logger = rootLog,
): Promise<number> {
  if (await getOrUndefined(store, USAGE_COUNTED)) return 0;
  const counted = await countUsage(store, sources);
  const projects = new Set([...projectIds, ...counted.keys()]);
  for (const projectId of projects) {
    await store.txn([], [{ kind: 'put', key: usageKey(projectId), value: counted.get(projectId) ?? ZERO_USAGE }]);
  }
  await store.txn([], [{ kind: 'put', key: USAGE_COUNTED, value: {} }]);
  log.info({ projects: projects.size }, 'quota usage counted from the records');
  return projects.size;
}
