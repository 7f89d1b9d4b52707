// The pure selection over a list of snapshots: filter every host (tallying who
// rejected what), weigh the survivors, keep the best few in a small sorted buffer
// (O(n·k), never a sort of all n), and return the best + alternates or a NoValidHost.
// HostIndex answers the same question faster from a pre-ordered structure; both use
// pickPlacement() and the same ordering, so they agree on every input.
import { StratoError } from '../../common/errors.ts';
import { RejectionTally } from './no-valid-host.ts';
import { type ResolvedSchedulerOptions, addDefaults } from './options.ts';
import { invalidResources } from './resources.ts';
import type { FilterContext, HostSnapshot, Placement, PlacementRequest, SelectionResult } from './types.ts';
import { ranksBefore, spreadNorm, spreadWeight } from './weighers/spread-weigher.ts';

export type SelectOptions = Pick<
  ResolvedSchedulerOptions,
  'filters' | 'weights' | 'maxAlternates' | 'hostSubsetSize' | 'random'
>;

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

export function selectHosts(
  hosts: readonly HostSnapshot[],
  request: PlacementRequest,
  ctx: FilterContext,
  options: Partial<SelectOptions> = {},
): SelectionResult {
  const opts: SelectOptions = { ...addDefaults(), ...options };
  checkRequest(request, ctx);
  const norm = spreadNorm(hosts);
  const tally = new RejectionTally(opts.filters);
  const want = opts.hostSubsetSize + opts.maxAlternates;
  const topW: number[] = [];
  const topId: string[] = [];
  for (const host of hosts) {
    if (!tally.passes(host, request, ctx)) continue;
    const w = spreadWeight(host, norm, opts.weights);
    // Insertion into a buffer of at most `want` entries, kept in rank order.
    let pos = topW.length;
    while (pos > 0 && ranksBefore(w, host.hostId, topW[pos - 1] as number, topId[pos - 1] as string)) pos--;
    if (pos >= want) continue;
    topW.splice(pos, 0, w);
    topId.splice(pos, 0, host.hostId);
    if (topW.length > want) {
      topW.pop();
      topId.pop();
    }
  }
  if (topId.length === 0) return { ok: false, noValidHost: tally.toNoValidHost(hosts.length) };
  return { ok: true, placement: pickPlacement(topId, opts) };
}
