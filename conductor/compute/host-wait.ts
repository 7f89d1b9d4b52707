// A boot whose host does not answer (its agent is restarting, the host is cut
// off) has not failed: it stays BUILD/spawning with its claim held and asks the
// same host again — with back-off, and at once when the host registers again
// (the registry kicks the host's unfinished workflows) — until the build timeout,
// counted from when the host was chosen. Rescheduling instead would free the
// claim while the guest may be running there: over-commit, and two domains for
// one server. A host silent for the whole build timeout ends the build in ERROR
// that still holds the host, its claim and the ports' bindings, for the same
// reason; deleting the server asks the host to remove the guest and only then
// gives the claim back.
import type { StratoError } from '../../common/errors.ts';
import type { InstanceRecord, Workflow } from './instance-record.ts';
import { describeError, type Outcome, type StepDeps } from './workflow.ts';

/** Longest single wait: a host that comes back is usually noticed sooner, by its registration. */
const MAX_WAIT_MS = 10_000;

/** The back-off before asking an unanswering host again, or ERROR once the build timeout has passed. */
export function waitForHost(rec: InstanceRecord, wf: Workflow, deps: StepDeps, error: StratoError): Outcome {
  const now = deps.now();
  // Workflows written before placedAtMs existed: the record changed last when the host was chosen.
  const placed = wf.placedAtMs ?? Date.parse(rec.updatedAt);
  const left = (Number.isFinite(placed) ? placed : now) + deps.buildTimeoutMs - now;
  const why = `host ${rec.host} did not answer: ${describeError(error)}`;
  if (left > 0) {
    return { kind: 'wait', ms: Math.min(left, MAX_WAIT_MS, 500 * 2 ** Math.min(deps.tries, 5)), why };
  }
  const timeoutS = Math.round(deps.buildTimeoutMs / 1000);
  deps.log.warn({ hostId: rec.host, code: error.code, buildTimeoutS: timeoutS }, 'build timed out waiting for host');
  const fault = {
    code: 'DEADLINE_EXCEEDED',
    reason: 'BUILD_TIMEOUT',
    message:
      `build timed out after ${timeoutS} s: ${why}; the server keeps its host and resources ` +
      'until it is deleted (its guest may be running there)',
    at: new Date(now).toISOString(),
  };
  return {
    kind: 'update',
    apply: (r) => ({ ...r, workflow: { ...(r.workflow as Workflow), step: 'fail', holdHost: true, fault } }),
  };
}
