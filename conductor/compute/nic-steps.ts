// The workflow steps that deal with a server's NICs:
//
//   ports        (boot, first)    make the NICs' ports / claim the given ones → [block-device →] schedule
//   bind         (boot)           bind them to the scheduled host, push that host's
//                                 network state, and only then → [export →] spawn (a host that
//                                 does not answer is waited for: host-wait.ts)
//   unplug       (delete)         delete the ports the server made, unbind the given ones → release
//   plug         (AddServerPort)  make/claim the last NIC's port, bind, push, AttachPort
//   unplug-port  (RemoveServerPort) DetachPort, then delete/unbind that port, push
//
// Each is idempotent: ports made for the instance carry its id as device id
// from the start, so a step repeated after a crash adopts (or deletes) what
// the first run made instead of making it again.
import { isStratoError, StratoError } from '../../common/errors.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import { afterBind, afterPorts, failWith, needNet, spawnFailed } from './boot-steps.ts';
import { waitForHost } from './host-wait.ts';
import type { InstanceRecord, Workflow } from './instance-record.ts';
import type { InstanceNic, NicOwner } from './nics.ts';
import { describeError, type Outcome, type Step } from './workflow.ts';

// Store trouble is worth retrying (the driver backs off); anything else is the request's fault.
const TRANSIENT = new Set(['ABORTED', 'UNAVAILABLE', 'INTERNAL', 'UNKNOWN', 'DEADLINE_EXCEEDED', 'CANCELLED']);

const owner = (rec: InstanceRecord): NicOwner => ({ id: rec.id, projectId: rec.projectId, userId: rec.userId });

function userError(err: unknown): StratoError | undefined {
  return isStratoError(err) && !TRANSIENT.has(err.code) ? err : undefined;
}

export const portsStep: Step = async (rec, _wf, deps) => {
  let nics: InstanceNic[];
  try {
    nics = await needNet(deps).allocate(owner(rec), rec.nics ?? []);
  } catch (err) {
    const e = userError(err);
    if (!e || deps.signal.aborted) throw err;
    deps.log.info({ code: e.code, reason: e.reason }, 'ports could not be made');
    return failWith({ code: e.code, reason: e.reason, message: e.message, at: new Date().toISOString() });
  }
  deps.log.info({ ports: nics.map((n) => n.portId) }, 'ports ready');
  return {
    kind: 'update',
    apply: (r) => ({
      ...r,
      nics,
      taskState: afterPorts(r) === 'schedule' ? 'scheduling' : 'block-device-mapping',
      workflow: { ...(r.workflow as Workflow), step: afterPorts(r) },
    }),
  };
};

export const bindStep: Step = async (rec, wf, deps) => {
  const net = needNet(deps);
  const host = await deps.hosts.get(rec.host);
  await net.bindHost(rec.id, rec.nics ?? [], rec.host);
  const push = await net.pushHost(rec.host);
  if (!push.ok) {
    if (host && isNoAnswer(push.error)) return waitForHost(rec, wf, deps, push.error);
    return spawnFailed(rec, wf, deps, push.error, host);
  }
  deps.log.info({ hostId: rec.host }, 'ports bound and host network pushed');
  return {
    kind: 'update',
    apply: (r) => ({ ...r, taskState: 'spawning', workflow: { ...(r.workflow as Workflow), step: afterBind(r) } }),
  };
};

export const unplugStep: Step = async (rec, _wf, deps) => {
  const net = needNet(deps);
  await net.release(owner(rec), rec.nics ?? [], true);
  net.pushSoon();
  deps.log.info({}, 'ports released');
  return { kind: 'update', apply: (r) => ({ ...r, workflow: { ...(r.workflow as Workflow), step: 'release' } }) };
};

/** Ends a NIC action: the record's NICs become `nics`, the event says how it went. */
function settle(nics: InstanceNic[], error?: StratoError): Outcome {
  return {
    kind: 'update',
    finish: error ? { error: describeError(error) } : {},
    apply: (r, _nowIso, nowMs) => {
      const { workflow: _done, ...rest } = r;
      return { ...rest, nics, taskState: '', settledAtMs: nowMs };
    },
  };
}

export const plugStep: Step = async (rec, _wf, deps) => {
  const net = needNet(deps);
  const all = rec.nics ?? [];
  const before = all.slice(0, -1);
  let nics: InstanceNic[];
  try {
    nics = await net.allocate(owner(rec), all);
  } catch (err) {
    const e = userError(err);
    if (!e || deps.signal.aborted) throw err;
    // Whatever was made for the new NIC goes again; the others stay as they were.
    await net.release(owner(rec), all.slice(-1), false);
    return settle(before, e);
  }
  const added = nics.slice(-1);
  let error: StratoError | undefined;
  const host = await deps.hosts.get(rec.host);
  try {
    if (!host) {
      throw new StratoError('UNAVAILABLE', 'HOST_NOT_REGISTERED', `host ${rec.host || '(none)'} is not registered`);
    }
    await net.bindHost(rec.id, added, host.id);
    const push = await net.pushHost(host.id);
    if (!push.ok) throw push.error;
    const { ports } = await net.spawnParts(added);
    const spec = ports[0];
    if (!spec) throw new StratoError('ABORTED', 'PORT_GONE', 'the new port was deleted while it was being attached');
    await net.attach(host, rec.id, spec, deps.signal);
  } catch (err) {
    if (deps.signal.aborted) throw err;
    error = toStratoError(err);
  }
  if (error) {
    deps.log.warn({ code: error.code, reason: error.reason }, 'port attach failed');
    await net.release(owner(rec), added, false);
    net.pushSoon();
    return settle(before, error);
  }
  deps.log.info({ portId: added[0]?.portId }, 'port attached');
  return settle(nics);
};

export const unplugPortStep: Step = async (rec, wf, deps) => {
  const net = needNet(deps);
  const nics = rec.nics ?? [];
  const nic = nics.find((n) => n.portId === wf.portId);
  if (!nic) return settle(nics);
  const host = await deps.hosts.get(rec.host);
  if (host) {
    try {
      await net.detach(host, rec.id, nic.portId, deps.signal);
    } catch (err) {
      if (deps.signal.aborted) throw err;
      const e = toStratoError(err);
      deps.log.warn({ code: e.code, reason: e.reason }, 'port detach failed');
      return settle(nics, e);
    }
  }
  await net.release(owner(rec), [nic], false);
  net.pushSoon();
  deps.log.info({ portId: nic.portId }, 'port detached');
  return settle(nics.filter((n) => n !== nic));
};
