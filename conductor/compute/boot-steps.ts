// Boot: schedule (claim a host) → spawn (the agent builds and starts the guest)
// → ACTIVE. A spawn the agent answered as failed (it rolled it back) excludes
// that host and schedules again, up to maxBuildAttempts hosts in all; then, or
// when no host fits, `fail` gives the claim back and leaves the server in ERROR
// with a fault that says why. A host that gives no answer at all is asked again
// until the build timeout (host-wait.ts): its agent may be restarting, and may
// have started the guest already.
// A server with NICs has two more steps (nic-steps.ts): `ports` before
// scheduling, `bind` between scheduling and spawning. A server booting from a
// volume has two more (disk-steps.ts): `block-device` before scheduling (a
// volume made from the image must be ready), `export` before spawning; its
// flavor's disk is neither claimed on the host nor used (its root disk is the
// volume), and a failed boot lets go of its volumes.
import { isStratoError, StratoError } from '../../common/errors.ts';
import type { PortSpec } from '../../common/gen/strato/agent/v1/PortSpec.ts';
import type { SpawnInstanceRequest } from '../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import type { VolumeSpec } from '../../common/gen/strato/agent/v1/VolumeSpec.ts';
import { toStratoError } from '../../common/grpc/status.ts';
import { isNoAnswer } from '../agents/no-answer.ts';
import { noValidHostMessage } from '../scheduler/no-valid-host.ts';
import type { SelectionResult } from '../scheduler/types.ts';
import { waitForHost } from './host-wait.ts';
import type { Fault, InstanceRecord, Workflow } from './instance-record.ts';
import type { ServerNetworking } from './nics.ts';
import { type PowerState, powerStateFromHost, type VmState, vmStateForPower } from './state-machine.ts';
import { needVolumes, releaseVolumes } from './volume-release.ts';
import { bootVolumeOf } from './volumes.ts';
import { describeError, type Outcome, type Step, type StepDeps } from './workflow.ts';

// No other host would take a request the agent calls malformed.
const NOT_RESCHEDULED = new Set(['INVALID_ARGUMENT']);

export const NO_NETWORKS_JSON = JSON.stringify({ links: [], networks: [], services: [] });

export function failWith(fault: Fault): Outcome {
  return {
    kind: 'update',
    apply: (rec) => ({ ...rec, workflow: { ...(rec.workflow as Workflow), step: 'fail', fault } }),
  };
}

export const scheduleStep: Step = async (rec, wf, deps) => {
  const bootVolume = bootVolumeOf(rec.volumes) !== undefined;
  let sel: SelectionResult;
  try {
    sel = await deps.claimer.place(
      {
        requestId: wf.requestId,
        instanceId: rec.id,
        projectId: rec.projectId,
        // A volume-backed server's root disk is its volume: no local disk to claim.
        flavor: { vcpus: rec.flavor.vcpus, ramMiB: rec.flavor.ramMib, diskGiB: bootVolume ? 0 : rec.flavor.diskGib },
        ...(wf.forceHost ? { forceHost: wf.forceHost } : {}),
        ...(wf.excludeHosts.length > 0 ? { excludeHosts: [...wf.excludeHosts] } : {}),
      },
      // The API admitted `--host` for admins only; here it is just a request field.
      { isAdmin: true },
    );
  } catch (err) {
    // A request the scheduler refuses outright (a bad flavor) would be refused forever.
    if (!isStratoError(err) || !['INVALID_ARGUMENT', 'PERMISSION_DENIED'].includes(err.code)) throw err;
    return failWith({ code: err.code, reason: err.reason, message: err.message, at: new Date().toISOString() });
  }
  if (!sel.ok) {
    const earlier = wf.failures.length > 0 ? `; earlier attempts: ${wf.failures.join('; ')}` : '';
    deps.log.info({ reasons: sel.noValidHost.reasons }, 'no valid host');
    return failWith({
      code: 'RESOURCE_EXHAUSTED',
      reason: 'NO_VALID_HOST',
      message: noValidHostMessage(sel.noValidHost) + earlier,
      at: new Date().toISOString(),
    });
  }
  const hostId = sel.placement.hostId;
  deps.log.info({ hostId, alternates: sel.placement.alternates }, 'instance scheduled');
  const nics = (rec.nics ?? []).length > 0;
  return {
    kind: 'update',
    apply: (r, _nowIso, nowMs) => ({
      ...r,
      host: hostId,
      taskState: nics ? 'networking' : 'spawning',
      workflow: { ...(r.workflow as Workflow), step: nics ? 'bind' : afterBind(r), placedAtMs: nowMs },
    }),
  };
};

/** The step after the ports are bound (or right after scheduling, without NICs). */
export function afterBind(rec: InstanceRecord): 'export' | 'spawn' {
  return bootVolumeOf(rec.volumes) ? 'export' : 'spawn';
}

/** The step after the ports are made (or the first, without NICs). */
export function afterPorts(rec: InstanceRecord): 'block-device' | 'schedule' {
  return bootVolumeOf(rec.volumes) ? 'block-device' : 'schedule';
}

export function spawnRequest(
  rec: InstanceRecord,
  parts?: { ports: PortSpec[]; networkDataJson: string },
  bootVolume?: VolumeSpec,
): SpawnInstanceRequest {
  const req: SpawnInstanceRequest = {
    instanceId: rec.id,
    name: rec.name,
    projectId: rec.projectId,
    flavor: { name: rec.flavor.name, vcpus: rec.flavor.vcpus, ramMib: rec.flavor.ramMib, diskGib: rec.flavor.diskGib },
    image: {
      id: rec.image.id,
      sha256: rec.image.sha256,
      sizeBytes: String(rec.image.sizeBytes),
      diskFormat: rec.image.diskFormat,
    },
    userData: Buffer.from(rec.userData, 'base64'),
    metadata: { ...rec.metadata },
    networkDataJson: parts?.networkDataJson ?? NO_NETWORKS_JSON,
    ports: parts?.ports ?? [],
    publicKeys: rec.keyPair ? [{ name: rec.keyPair.name, key: rec.keyPair.publicKey }] : [],
  };
  if (rec.noConfigDrive) req.noConfigDrive = true;
  // Booting from a volume: the root disk is the volume (the agent fetches no image; a
  // server booted from an existing volume has none).
  if (bootVolume) req.bootVolume = bootVolume;
  if (rec.image.id === '') delete req.image;
  return req;
}

/** The NICs' ports and network_data.json, when the server has NICs. */
async function networkParts(rec: InstanceRecord, deps: StepDeps) {
  const nics = rec.nics ?? [];
  if (nics.length === 0) return undefined;
  return needNet(deps).spawnParts(nics);
}

/** Compute without networking wired in cannot boot servers with NICs. */
export function needNet(deps: StepDeps): ServerNetworking {
  if (!deps.net) throw new StratoError('INTERNAL', 'NETWORKING_NOT_CONFIGURED', 'networking is not wired in');
  return deps.net;
}

export const spawnStep: Step = async (rec, wf, deps) => {
  const host = await deps.hosts.get(rec.host);
  let error: StratoError;
  if (!host) {
    error = new StratoError('UNAVAILABLE', 'HOST_NOT_REGISTERED', `host ${rec.host} is no longer registered`);
  } else {
    const parts = await networkParts(rec, deps);
    const boot = bootVolumeOf(rec.volumes);
    try {
      const disk = boot ? await needVolumes(deps).spec(boot.volumeId) : undefined;
      const status = await deps.agents.forHost(host).spawn(spawnRequest(rec, parts, disk), { signal: deps.signal });
      if (boot) await needVolumes(deps).attached(boot.volumeId, rec.id);
      const power = powerStateFromHost(status.powerState);
      deps.log.info({ hostId: host.id, powerState: power }, 'instance spawned');
      return launched(power);
    } catch (err) {
      if (deps.signal.aborted) throw err;
      error = toStratoError(err);
      if (isNoAnswer(error)) return waitForHost(rec, wf, deps, error);
    }
  }
  return spawnFailed(rec, wf, deps, error, host);
};

/**
 * Where a failed build on rec.host leads: ERROR after the last attempt (or for
 * an error no other host would fix), else schedule again without that host.
 */
export async function spawnFailed(
  rec: InstanceRecord,
  wf: Workflow,
  deps: StepDeps,
  error: StratoError,
  host: { id: string; address: string } | undefined,
): Promise<Outcome> {
  const line = `${rec.host}: ${describeError(error)}`;
  deps.log.warn({ hostId: rec.host, code: error.code, reason: error.reason }, 'spawn failed');
  const attempts = wf.failures.length + 1;
  if (NOT_RESCHEDULED.has(error.code) || attempts >= deps.maxBuildAttempts) {
    const message =
      attempts > 1
        ? `build failed on ${attempts} hosts: ${[...wf.failures, line].join('; ')}`
        : `build failed on ${line}`;
    return failWith({ code: error.code, reason: error.reason, message, at: new Date().toISOString() });
  }
  if (host) await cleanUpFailedSpawn(rec, host, deps);
  return {
    kind: 'update',
    apply: (r) => ({
      ...r,
      host: '',
      taskState: 'scheduling',
      workflow: {
        ...(r.workflow as Workflow),
        step: 'schedule',
        excludeHosts: [...wf.excludeHosts, rec.host],
        failures: [...wf.failures, line],
      },
    }),
  };
}

/**
 * The agent rolls back a failed spawn itself; this covers the cases it could not
 * (our deadline passed while it was still working). Best effort: a host that
 * cannot be reached learns from its next heartbeat that the instance is not expected.
 */
async function cleanUpFailedSpawn(rec: InstanceRecord, host: { id: string; address: string }, deps: StepDeps) {
  try {
    await deps.agents.forHost(host).delete({ instanceId: rec.id }, { signal: deps.signal });
  } catch (err) {
    if (!isStratoError(err)) throw err;
    deps.log.warn({ hostId: host.id, code: err.code }, 'clean-up after failed spawn failed');
  }
}

export const failStep: Step = async (rec, wf, deps) => {
  const hold = wf.holdHost === true;
  const nics = rec.nics ?? [];
  const fault = wf.fault as Fault;
  if (!hold) {
    // A volume made for this boot goes with it when it was to go with the server; any other is available again.
    await releaseVolumes(rec, deps, (v) => v.madeForServer === true && v.deleteOnTermination);
    await deps.claimer.release(rec.id);
    if (nics.some((n) => n.portId !== '')) {
      // The ports stay the server's (deleted with it) but leave whichever host they were bound to.
      await needNet(deps).bindHost(rec.id, nics, '');
      needNet(deps).pushSoon();
    }
  }
  return {
    kind: 'update',
    finish: { error: fault.message },
    apply: (r, nowIso, nowMs) => {
      const { workflow: _done, volumes, ...rest } = r;
      return {
        // Held with the host (the guest may run there with them), else let go.
        ...(hold && volumes ? { volumes } : {}),
        ...rest,
        vmState: 'ERROR',
        taskState: '',
        powerState: 'NOSTATE',
        host: hold ? r.host : '',
        fault: { ...fault, at: nowIso },
        settledAtMs: nowMs,
      };
    },
  };
};

/**
 * The outcome of a spawn that answered: the workflow ends, the instance rests in the
 * vm_state its power state says (or `vmState`), launched now, its fault cleared.
 * Shared by boot, rebuild and evacuate.
 */
export function launched(power: PowerState, vmState: VmState = vmStateForPower(power) ?? 'ACTIVE'): Outcome {
  return {
    kind: 'update',
    finish: {},
    apply: (r, nowIso, nowMs) => {
      const { workflow: _done, fault: _gone, ...rest } = r;
      return { ...rest, vmState, powerState: power, taskState: '', launchedAt: nowIso, settledAtMs: nowMs };
    },
  };
}
