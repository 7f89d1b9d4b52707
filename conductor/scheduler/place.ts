// select + claim as one call, with the fallbacks a boot needs: the chosen host first,
// then its alternates, then a fresh selection (another request may have taken the
// space between our select and our claim when a caller awaits in between).
// Idempotent per instance: asking again returns the existing claim; asking with the
// claimed host in excludeHosts (its spawn failed) releases it and reschedules.
import type { Caller, HostIndex } from './host-index.ts';
import type { PlacementRequest, SelectionResult } from './types.ts';

const MAX_ROUNDS = 3;

export function place(index: HostIndex, request: PlacementRequest, caller: Caller): SelectionResult {
  const prior = index.claimOf(request.instanceId);
  if (prior !== undefined) {
    const unwanted =
      request.excludeHosts?.includes(prior.hostId) === true ||
      (request.forceHost !== undefined && request.forceHost !== prior.hostId);
    if (!unwanted) return { ok: true, placement: { hostId: prior.hostId, alternates: [] } };
    index.release(request.instanceId);
  }
  const lost: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const sel = index.select(request, caller);
    if (!sel.ok) return sel;
    const candidates = [sel.placement.hostId, ...sel.placement.alternates];
    for (const hostId of candidates) {
      const claim = index.claim(hostId, request.instanceId, request.flavor);
      if (claim.ok) return { ok: true, placement: { hostId, alternates: candidates.filter((h) => h !== hostId) } };
      lost.push(claim.reason);
    }
  }
  // Every candidate filled up under us, round after round: report it like any other lack of room.
  const reasons = [{ filter: 'claim', rejected: lost.length, examples: lost.slice(0, 3) }];
  return { ok: false, noValidHost: { reasons, hostCount: index.size } };
}
