// The key pairs made in a project, for identity's project deletion. A key pair
// belongs to its user (model.ts), but it was made in a project and shows that
// project: the project goes only once its members have removed theirs, so
// nothing is left naming a project that no longer exists. Key pairs are keyed
// by user, so this reads them all; there are few, and a deletion is rare.
import type { ProjectHoldings } from '../identity/project-holdings.ts';
import { countUnder } from '../store/count-under.ts';
import type { Store } from '../store/store.ts';
import { KEYPAIRS } from './keys.ts';
import type { KeyPairRecord } from './model.ts';

export function keyPairHoldings(store: Store): ProjectHoldings {
  return {
    async heldBy(projectId) {
      const keyPairs = await countUnder(
        store,
        KEYPAIRS,
        1000,
        (_key, value) => (value as KeyPairRecord).projectId === projectId,
      );
      return { key_pairs: keyPairs };
    },
  };
}
