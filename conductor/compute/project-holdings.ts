// The servers a project still owns, for identity's project deletion.
import type { ProjectHoldings } from '../identity/project-holdings.ts';
import { countUnder } from '../store/count-under.ts';
import type { Store } from '../store/store.ts';
import { projectNamesPrefix } from './instance-record.ts';

export function serverHoldings(store: Store): ProjectHoldings {
  return {
    async heldBy(projectId) {
      return { servers: await countUnder(store, projectNamesPrefix(projectId)) };
    },
  };
}
