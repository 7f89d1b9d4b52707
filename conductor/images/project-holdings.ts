// The images a project still owns (private or public), for identity's project
// deletion. The name index carries each image's owner, so no record is read.
import type { ProjectHoldings } from '../identity/project-holdings.ts';
import { countUnder } from '../store/count-under.ts';
import type { Store } from '../store/store.ts';
import { IMAGE_NAMES, type ImageNameIndex } from './keys.ts';

export function imageHoldings(store: Store): ProjectHoldings {
  return {
    async heldBy(projectId) {
      const images = await countUnder(
        store,
        IMAGE_NAMES,
        1000,
        (_key, value) => (value as ImageNameIndex).projectId === projectId,
      );
      return { images };
    },
  };
}
