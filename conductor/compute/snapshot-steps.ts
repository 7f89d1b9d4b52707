// Snapshot (CreateServerImage): one step, `snapshot` (task image_snapshot). The
// server's host exports its root disk, flattened (ExportRootDisk: a running
// guest is paused only while its overlay is copied), and the bytes stream
// straight into the queued image, which is filled and inspected like an upload
// (SnapshotImages.receive): saving, then active or killed. The server keeps its
// vm_state; the event says how the snapshot went.
//
// Resuming after a conductor restart: the registry kills every image left
// `saving` at start-up (its stream died with the process), so the step finds
// its image killed and ends with that error; an image still queued (the export
// had not begun) is exported now; an active one (the crash came after the
// image was finished) ends the step with success. A host that does not answer
// before the first byte leaves the image queued, and is asked again until the
// build timeout (from the snapshot's start); then the image is killed.
import { StratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import type { SnapshotImages } from './snapshot-images.ts';
import { describeError, type Finish, type Outcome, type Step, type StepDeps } from './workflow.ts';

/** Longest single wait for a silent host. */
const MAX_WAIT_MS = 10_000;

function needImages(deps: StepDeps): SnapshotImages {
  if (!deps.images) throw new StratoError('INTERNAL', 'IMAGES_NOT_CONFIGURED', 'server snapshots are not wired in');
  return deps.images;
}

/** The server back at rest (vm_state as it was), the event closed. */
function done(finish: Finish): Outcome {
  return {
    kind: 'update',
    finish,
    apply: (r, _nowIso, nowMs) => {
      const { workflow: _done, ...rest } = r;
      return { ...rest, taskState: '', settledAtMs: nowMs };
    },
  };
}

export const snapshotStep: Step = async (rec, wf, deps) => {
  const images = needImages(deps);
  const imageId = wf.imageId ?? '';
  const status = await images.status(imageId);
  if (status === undefined) return done({ error: `image ${imageId} was deleted during the snapshot` });
  if (status === 'active') return done({});
  if (status !== 'queued') return done({ error: `image ${imageId} is ${status}: the snapshot was interrupted` });
  const host = await deps.hosts.get(rec.host);
  try {
    if (!host) throw new StratoError('UNAVAILABLE', 'HOST_NOT_REGISTERED', `host ${rec.host} is not registered`);
    const api = deps.agents.forHost(host);
    if (!api.exportRootDisk)
      throw new StratoError('UNIMPLEMENTED', 'NOT_IMPLEMENTED', 'this agent cannot export disks');
    const t = deps.now();
    await images.receive(imageId, rec.projectId, api.exportRootDisk(rec.id, { signal: deps.signal }), deps.signal);
    deps.log.info({ hostId: rec.host, imageId, ms: deps.now() - t }, 'server snapshot active');
    return done({});
  } catch (err) {
    if (deps.signal.aborted) throw err;
    const error = toStratoError(err);
    const silent = isNoAnswer(error) || error.reason === 'HOST_NOT_REGISTERED';
    if (silent && (await images.status(imageId)) === 'queued') {
      const left = (wf.startedAtMs ?? deps.now()) + deps.buildTimeoutMs - deps.now();
      if (left > 0) {
        const ms = Math.min(left, MAX_WAIT_MS, 500 * 2 ** Math.min(deps.tries, 5));
        return { kind: 'wait', ms, why: describeError(error) };
      }
    }
    deps.log.warn({ hostId: rec.host, imageId, code: error.code, reason: error.reason }, 'server snapshot failed');
    await images.kill(imageId, `snapshot of server ${rec.id} failed: ${describeError(error)}`);
    return done({ error: describeError(error) });
  }
};
