// The host network objects the conductor's pushed network state does not account for,
// read off the network driver's own plan (what its next apply would delete), so the
// driver's planners stay the one definition of which links, namespaces and chains are
// strato's (`common/network-names.ts`): a foreign bridge or tap is never in that plan.
// The reconciler only counts these: the driver removes them when it applies a state
// the conductor pushed (a versioned push; an older generation, e.g. from a restored
// conductor, is refused by NetworkState), never on a guess of its own. Pure.
import type { NetworkStep } from '../network/network-driver.ts';
import type { Orphan } from './orphan-kinds.ts';

/** nft changes that drop a port's chains read `remove port <tap>`. */
const REMOVED_PORT = /^remove port (\S+)$/;

export function networkOrphans(steps: readonly NetworkStep[]): Orphan[] {
  const out: Orphan[] = [];
  for (const step of steps) {
    if (step.kind === 'delete-link' && typeof step.name === 'string') {
      // A tap being recreated (wrong kind or MAC) is drift, not an orphan: only a link with no create counts.
      const recreated = steps.some((s) => s.kind.startsWith('create-') && s.name === step.name);
      if (recreated) continue;
      if (step.name.startsWith('tap')) out.push({ kind: 'taps', name: step.name });
      else if (step.name.startsWith('brq')) out.push({ kind: 'bridges', name: step.name });
    } else if (step.kind === 'delete-namespace' && typeof step.name === 'string') {
      out.push({ kind: 'namespaces', name: step.name });
    } else if (step.kind === 'nft' && Array.isArray(step.changes)) {
      for (const change of step.changes) {
        const m = REMOVED_PORT.exec(String(change));
        if (m) out.push({ kind: 'nftChains', name: m[1]! });
      }
    }
  }
  return out;
}
