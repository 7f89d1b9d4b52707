// The previous path's selection (conductor/scheduler/select-hosts.ts up to commit
// c0001af), kept for the scheduler benchmark's baseline: filter every host (tallying
// who rejected what), weigh the survivors against a normaliser computed over all of
// them, and keep the best few in a small sorted buffer (O(n·k), never a sort of all n).
import { RejectionTally } from '../../conductor/scheduler/no-valid-host.ts';
import { addDefaults, type ResolvedSchedulerOptions } from '../../conductor/scheduler/options.ts';
import { checkRequest, pickPlacement } from '../../conductor/scheduler/select-hosts.ts';
import type {
  FilterContext,
  HostSnapshot,
  PlacementRequest,
  SelectionResult,
} from '../../conductor/scheduler/types.ts';
import { ranksBefore, spreadNorm, spreadWeight } from '../../conductor/scheduler/weighers/spread-weigher.ts';

type SelectOptions = Pick<
  ResolvedSchedulerOptions,
  'filters' | 'weights' | 'maxAlternates' | 'hostSubsetSize' | 'random'
>;

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
