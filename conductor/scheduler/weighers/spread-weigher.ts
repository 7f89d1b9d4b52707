// Spread: prefer the host with the most free RAM and vCPUs, so load evens out and a
// single host failure takes down as few instances as possible (Nova's default).
//
// Free amounts are normalised by the largest usable amount in the cluster (not by the
// min/max of each request's candidates as Nova does). That makes a host's weight a
// property of the host alone, so the in-memory index can keep hosts ordered by weight
// and read the best ones off the top instead of weighing 10,000 hosts per request.
//
// Ties are broken by hostId (ascending): deterministic, so tests and a replayed
// schedule give the same answer. Deterministic choice has one cost — several
// conductors reading the same snapshot all pick the same host (thundering herd) and
// then fight over its compare-and-swap. Against that, callers may set
// hostSubsetSize > 1 and pick among the top N passing hosts with a seeded random
// (see select-hosts.ts); inside one conductor the index counts claims still in
// flight (host-index.ts), so the herd cannot form there and the default stays 1.
import { free, usable } from '../resources.ts';
import type { HostSnapshot } from '../types.ts';

export interface SpreadWeights {
  /** @default 1 */
  ram: number;
  /** @default 1 */
  cpu: number;
}

export const DEFAULT_SPREAD_WEIGHTS: SpreadWeights = { ram: 1, cpu: 1 };

/** Denominators for normalisation: the largest usable RAM and vCPUs among the hosts. */
export interface SpreadNorm {
  ramMiB: number;
  vcpus: number;
}

export function spreadNorm(hosts: Iterable<HostSnapshot>): SpreadNorm {
  let ramMiB = 1;
  let vcpus = 1;
  for (const h of hosts) {
    ramMiB = Math.max(ramMiB, usable(h, 'ramMiB'));
    vcpus = Math.max(vcpus, usable(h, 'vcpus'));
  }
  return { ramMiB, vcpus };
}

/** Higher is better. */
export function spreadWeight(
  host: HostSnapshot,
  norm: SpreadNorm,
  weights: SpreadWeights = DEFAULT_SPREAD_WEIGHTS,
): number {
  return (weights.ram * free(host, 'ramMiB')) / norm.ramMiB + (weights.cpu * free(host, 'vcpus')) / norm.vcpus;
}

/** The one ordering every selection path uses: weight descending, then hostId ascending. */
export function ranksBefore(weightA: number, idA: string, weightB: number, idB: string): boolean {
  return weightA > weightB || (weightA === weightB && idA < idB);
}
