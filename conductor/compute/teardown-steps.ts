// Delete: the agent removes the guest (idempotent: absent is success) → its
// volumes are let go (disk-steps.ts volumes) → its ports go (nic-steps.ts
// unplug) → the claim is given back → the records go. A host that cannot be reached is asked
// again with back-off for as long as it takes: the server stays visibly
// `deleting` meanwhile, and its capacity stays claimed, because the guest may
// still be running there.
import { toStratoError } from '../../common/grpc/status.ts';
import { moveClaimId } from '../scheduler/move-claims.ts';
import type { Workflow } from './instance-record.ts';
import { toStatus, updateMigration } from './migration-record.ts';
import { deleteCopy } from './move-end-steps.ts';
import { describeError, type Step } from './workflow.ts';

const MAX_BACKOFF_MS = 30_000;

export const deleteStep: Step = async (rec, _wf, deps) => {
  // A server deleted in the middle of a move (or while a resize waits for confirmation)
  // has a copy on the move's other host too: it goes first.
  for (const other of [rec.move?.sourceHost, rec.move?.destHost]) {
    if (other === undefined || other === '' || other === rec.host) continue;
    const failed = await deleteCopy(rec, other, deps);
    if (failed !== undefined) {
      const ms = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(deps.tries, 5));
      return { kind: 'wait', ms, why: failed };
    }
  }
  if (rec.host !== '') {
    const host = await deps.hosts.get(rec.host);
    if (host) {
      try {
        await deps.agents.forHost(host).delete({ instanceId: rec.id }, { signal: deps.signal });
        deps.log.info({ hostId: host.id }, 'instance removed from host');
      } catch (err) {
        if (deps.signal.aborted) throw err;
        const ms = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(deps.tries, 5));
        return { kind: 'wait', ms, why: describeError(toStratoError(err)) };
      }
    } else {
      deps.log.warn({ hostId: rec.host }, 'host unknown; nothing to remove there');
    }
  }
  // Volumes and ports go once the guest is gone from its host (volumes, unplug), then the claim.
  const next = (rec.volumes ?? []).length > 0 ? 'volumes' : (rec.nics ?? []).length > 0 ? 'unplug' : 'release';
  return { kind: 'update', apply: (r) => ({ ...r, workflow: { ...(r.workflow as Workflow), step: next } }) };
};

export const releaseStep: Step = async (rec, _wf, deps) => {
  if (rec.move) {
    // A move the delete cut short ends with it.
    await deps.claimer.release(moveClaimId(rec.move.migrationId));
    if (deps.moves) {
      const why = { error: 'the server was deleted during the move' };
      await updateMigration(deps.moves.store, rec.move.migrationId, toStatus('error', why), deps.now);
    }
  }
  await deps.claimer.release(rec.id);
  return { kind: 'update', apply: (r) => ({ ...r, workflow: { ...(r.workflow as Workflow), step: 'purge' } }) };
};

export const purgeStep: Step = async () => ({ kind: 'purge' });
