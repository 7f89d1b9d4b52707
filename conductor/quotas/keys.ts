// Where quotas live in the store:
//
//   /quotas/limits/<projectId>   LimitsRecord: the limits an admin set (absent: all defaults)
//   /quotas/usage/<projectId>    QuotaCounts: what the project's records hold (absent: nothing)
//   /quotas/usage-counted        {}: every project's usage was counted from its records once
//                                (usage-backfill.ts), so records from before quotas are counted
//
// The usage record is written in the same transaction as every record that
// holds a resource is created or deleted, with a compare on its modRevision, so
// it always equals the sum over the records (usage-source.ts) and concurrent
// creates cannot together pass a limit.

export const QUOTAS = '/quotas/';
export const LIMITS = `${QUOTAS}limits/`;
export const USAGE = `${QUOTAS}usage/`;
export const USAGE_COUNTED = `${QUOTAS}usage-counted`;

export const limitsKey = (projectId: string): string => LIMITS + projectId;
export const usageKey = (projectId: string): string => USAGE + projectId;
