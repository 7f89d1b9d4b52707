// Collects, per filter, how many hosts it was the first to reject plus a few example
// reasons, and turns that into the "No valid host was found" report a user or an
// operator can act on ("cpu: 40 hosts rejected (h7: needs 8 vCPU, 2 free …)").
import { StratoError } from '../../common/errors.ts';
import type { FilterContext, HostFilter, HostSnapshot, NoValidHost, PlacementRequest } from './types.ts';

const MAX_EXAMPLES = 3;

export class RejectionTally {
  readonly filters: readonly HostFilter[];
  // Allocated on the first rejection: most selections at scale reject few hosts, and
  // this runs once per request.
  private counts: number[] | undefined;
  private examples: string[][] | undefined;

  constructor(filters: readonly HostFilter[]) {
    this.filters = filters;
  }

  /** Runs the chain on one host; true when every filter keeps it. */
  passes(host: HostSnapshot, request: PlacementRequest, ctx: FilterContext): boolean {
    const { filters } = this;
    for (let i = 0; i < filters.length; i++) {
      const reason = (filters[i] as HostFilter).check(host, request, ctx);
      if (reason !== null) {
        this.reject(i, reason);
        return false;
      }
    }
    return true;
  }

  /** Records `n` rejections by filter `i` at once (the index's force-host shortcut). */
  reject(i: number, reason: string | null, n = 1): void {
    this.counts ??= this.filters.map(() => 0);
    this.examples ??= this.filters.map(() => []);
    this.counts[i] = (this.counts[i] ?? 0) + n;
    const ex = this.examples[i];
    if (reason !== null && ex !== undefined && ex.length < MAX_EXAMPLES) ex.push(reason);
  }

  toNoValidHost(hostCount: number): NoValidHost {
    const reasons: NoValidHost['reasons'] = [];
    this.filters.forEach((f, i) => {
      const rejected = this.counts?.[i] ?? 0;
      if (rejected === 0) return;
      const examples = this.examples?.[i] ?? [];
      reasons.push(
        examples.length > 0 ? { filter: f.name, rejected, examples: [...examples] } : { filter: f.name, rejected },
      );
    });
    return { reasons, hostCount };
  }
}

export function noValidHostMessage(nvh: NoValidHost): string {
  if (nvh.hostCount === 0 || nvh.reasons.length === 0) return 'No valid host was found: there are no compute hosts';
  const parts = nvh.reasons.map((r) => {
    const hosts = r.rejected === 1 ? 'host' : 'hosts';
    const ex =
      r.examples && r.examples.length > 0
        ? ` (${r.examples.join('; ')}${r.rejected > r.examples.length ? '; …' : ''})`
        : '';
    return `${r.filter}: ${r.rejected} ${hosts} rejected${ex}`;
  });
  return `No valid host was found: ${parts.join(', ')}`;
}

/** RESOURCE_EXHAUSTED, as for any other lack of capacity; details carry per-filter counts. */
export function noValidHostError(nvh: NoValidHost): StratoError {
  const details: Record<string, string> = { hostCount: String(nvh.hostCount) };
  for (const r of nvh.reasons) details[`rejected.${r.filter}`] = String(r.rejected);
  return new StratoError('RESOURCE_EXHAUSTED', 'NO_VALID_HOST', noValidHostMessage(nvh), { details });
}
