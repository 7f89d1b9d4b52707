// The outcomes every move step returns (retry later, go to a step, roll back) and the
// move a record carries: shared by the move, resize and volume steps, so none of them
// imports another's step file for these.
import { StratoError } from '../../common/errors.ts';
import type { InstanceMove, InstanceRecord, Workflow, WorkflowStep } from './instance-record.ts';
import type { Outcome, StepDeps } from './workflow.ts';

const MAX_BACKOFF_MS = 10_000;

export function moveOf(rec: InstanceRecord): InstanceMove {
  if (!rec.move) throw new StratoError('INTERNAL', 'NO_MOVE', `instance ${rec.id} has a move workflow but no move`);
  return rec.move;
}

/** Asks again later, with back-off: the host does not answer now. */
export function retryLater(deps: StepDeps, why: string): Outcome {
  return { kind: 'wait', ms: Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(deps.tries, 5)), why };
}

/** Moves the workflow to `step`, with more changes to the record. */
export function goTo(
  step: WorkflowStep,
  more: (r: InstanceRecord) => Partial<InstanceRecord> = () => ({}),
  wf: Partial<Workflow> = {},
): Outcome {
  return {
    kind: 'update',
    apply: (r) => ({ ...r, ...more(r), workflow: { ...(r.workflow as Workflow), ...wf, step } }),
  };
}

/** Ends the move without moving: the rollback takes it from here. */
export function rollBack(why: string): Outcome {
  return goTo('move-rollback', () => ({}), { moveError: why });
}
