// What every selection does before and after walking the hosts: refuse requests no
// filter should see, and turn the ranked passing hosts into a pick + alternates.
// The walk itself is HostIndex.select (hosts kept in rank order).
import { StratoError } from '../../common/errors.ts';
import type { ResolvedSchedulerOptions } from './options.ts';
import { invalidResources } from './resources.ts';
import type { FilterContext, Placement, PlacementRequest } from './types.ts';

export type SelectOptions = Pick<ResolvedSchedulerOptions, 'maxAlternates' | 'hostSubsetSize' | 'random'>;

/** Refuses requests no filter should ever see: bad flavors, and `--host` from a non-admin. */
export function checkRequest(request: PlacementRequest, ctx: FilterContext): void {
  const bad = invalidResources(request.flavor);
  if (bad !== null) {
    throw new StratoError('INVALID_ARGUMENT', 'BAD_FLAVOR', `flavor: ${bad}`, {
      details: { requestId: request.requestId },
    });
  }
  if (request.forceHost !== undefined && !ctx.isAdmin) {
    throw new StratoError('PERMISSION_DENIED', 'FORCE_HOST_NOT_ALLOWED', 'only admins may place on a named host', {
      details: { requestId: request.requestId, host: request.forceHost },
    });
  }
}

/**
 * `ranked` are passing host ids, best first, at least one. The pick is the best unless
 * hostSubsetSize > 1, in which case it is a random one of the best N; alternates are
 * the remaining ranked hosts in order.
 */
export function pickPlacement(ranked: readonly string[], opts: SelectOptions): Placement {
  const n = Math.min(opts.hostSubsetSize, ranked.length);
  const idx = n > 1 ? Math.floor(opts.random() * n) : 0;
  const hostId = ranked[idx] as string;
  const alternates: string[] = [];
  for (let i = 0; i < ranked.length && alternates.length < opts.maxAlternates; i++) {
    if (i !== idx) alternates.push(ranked[i] as string);
  }
  return { hostId, alternates };
}
