// What the scheduler keeps in the store:
//
//   /scheduler/usage/<hostId>       UsageRecord: the sum of the flavors claimed on the host
//   /scheduler/claims/<instanceId>  ClaimRecord: one instance's claim (what to give back)
//
// A host's usage lives in one record so that a claim can be a compare-and-swap on it
// (store-claimer.ts). Usage records are never deleted: a release writes the smaller sum.
import type { Resources } from './types.ts';

export const USAGE_PREFIX = '/scheduler/usage/';
export const CLAIM_PREFIX = '/scheduler/claims/';

export interface UsageRecord {
  usage: Resources;
  instanceCount: number;
}

export interface ClaimRecord {
  instanceId: string;
  hostId: string;
  projectId: string;
  requestId: string;
  flavor: Resources;
}

export const ZERO_USAGE: UsageRecord = Object.freeze({
  usage: Object.freeze({ vcpus: 0, ramMiB: 0, diskGiB: 0 }),
  instanceCount: 0,
});

export const usageKey = (hostId: string): string => USAGE_PREFIX + encodeURIComponent(hostId);
export const claimKey = (instanceId: string): string => CLAIM_PREFIX + encodeURIComponent(instanceId);
export const hostIdOfUsageKey = (key: string): string => decodeURIComponent(key.slice(USAGE_PREFIX.length));
