// The destination's claim during a move. An instance in a move holds two
// claims: its own (`/scheduler/claims/<instanceId>`, on the source, with the
// flavor it runs with there) and the move's (`/scheduler/claims/<moveClaimId>`,
// on the destination, with the flavor it will run with there). A move ends by
// giving exactly one of them up: after a failure, an abort or a revert the
// move's claim is released (release(moveClaimId)); after a success (for a
// resize: at confirm) promote() releases the instance's claim and re-keys the
// move's as the instance's own, in one transaction, so usage never counts the
// instance twice, nor zero times.

/** The key the destination's claim of migration `migrationId` is held under. */
export const moveClaimId = (migrationId: string): string => `migration:${migrationId}`;
