// The volumes and snapshots a project still owns, for identity's project deletion.
import type { ProjectHoldings } from '../identity/project-holdings.ts';
import { countUnder } from '../store/count-under.ts';
import type { Store } from '../store/store.ts';
import { namesPrefix } from './keys.ts';

export function volumeHoldings(store: Store): ProjectHoldings {
  return {
    async heldBy(projectId) {
      const [volumes, snapshots] = await Promise.all([
        countUnder(store, namesPrefix('names', projectId)),
        countUnder(store, namesPrefix('snapshot-names', projectId)),
      ]);
      return { volumes, snapshots };
    },
  };
}
