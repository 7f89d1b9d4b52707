// The evacuate workflow's steps with stub collaborators: the dead host's volume
// access is revoked before anything else (a silent storage host is waited for,
// then the evacuation fails), the new placement never is the dead host, the
// spawn carries the data volumes and a SHUTOFF server is stopped again, and a
// failure leaves the server in ERROR on the dead host with nothing held elsewhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import type { SpawnInstanceRequest } from '../../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import { log } from '../../../common/log.ts';
import type { AgentApi, AgentDirectory } from '../../../conductor/agents/agent-api.ts';
import {
  evacuateFailStep,
  evacuateRevokeStep,
  evacuateScheduleStep,
  evacuateSpawnStep,
} from '../../../conductor/compute/evacuate-steps.ts';
import type { InstanceRecord, Workflow } from '../../../conductor/compute/instance-record.ts';
import type { InstanceVolume, ServerVolumes } from '../../../conductor/compute/volumes.ts';
import type { Outcome, StepDeps } from '../../../conductor/compute/workflow.ts';
import type { PlacementRequest, SelectionResult } from '../../../conductor/scheduler/types.ts';
import { bootingRecord, bootWorkflow } from './boot-record.ts';

log.level = 'silent';
const NOW = 1_000_000;

const evacWf = (over: Partial<Workflow> = {}): Workflow =>
  bootWorkflow({ kind: 'evacuate', step: 'evacuate-revoke', evacuateFrom: 'hv-1', startedAtMs: NOW, ...over });

const vol = (volumeId: string, boot = false): InstanceVolume => ({
  volumeId,
  device: boot ? 'vda' : 'vdc',
  boot,
  deleteOnTermination: false,
});

const rec = (w: Workflow, over: Partial<InstanceRecord> = {}): InstanceRecord =>
  bootingRecord(w, { vmState: 'ACTIVE', taskState: 'evacuating', staleOn: ['hv-1'], ...over });

interface Stubs {
  spawnPower?: string;
  agentError?: StratoError;
  revokeError?: StratoError;
  place?: (r: PlacementRequest) => SelectionResult;
  now?: number;
}

function deps(s: Stubs = {}) {
  const calls: string[] = [];
  const spawned: SpawnInstanceRequest[] = [];
  const agent: AgentApi = {
    spawn: async (req) => {
      calls.push('spawn');
      spawned.push(req);
      if (s.agentError) throw s.agentError;
      return { instanceId: req.instanceId ?? '', powerState: s.spawnPower ?? 'running', domainName: 'd' };
    },
    delete: async (req) => {
      calls.push(`delete ${req.instanceId}`);
      if (s.agentError) throw s.agentError;
    },
    action: async (req) => {
      calls.push(`action ${req.action} hard=${req.hard}`);
      return { instanceId: req.instanceId ?? '', powerState: 'shutdown', domainName: 'd' };
    },
    consoleLog: async () => [],
  };
  const volumes = {
    revoke: async (id: string) => {
      calls.push(`revoke ${id}`);
      if (s.revokeError) throw s.revokeError;
    },
    export: async (id: string, host: string) => {
      calls.push(`export ${id} ${host}`);
    },
    spec: async (id: string) => ({ volumeId: id, device: id === 'boot' ? 'vda' : 'vdc' }),
    attached: async (id: string) => {
      calls.push(`attached ${id}`);
    },
  } as unknown as ServerVolumes;
  const d: StepDeps = {
    claimer: {
      place: async (r) => {
        calls.push(`place exclude=${(r.excludeHosts ?? []).join(',')} force=${r.forceHost ?? ''}`);
        return s.place?.(r) ?? { ok: true, placement: { hostId: 'hv-2', alternates: [] } };
      },
      release: async () => {
        calls.push('release');
        return true;
      },
    },
    hosts: { get: async (id: string) => ({ id, address: '127.0.0.1:1' }) },
    agents: { forHost: () => agent, close() {} } as AgentDirectory,
    log: log.child({ test: true }),
    signal: new AbortController().signal,
    maxBuildAttempts: 3,
    buildTimeoutMs: 600_000,
    now: () => s.now ?? NOW,
    acpiTimeoutS: 1,
    tries: 0,
    volumes,
  };
  return { d, calls, spawned };
}

function applied(o: Outcome, r: InstanceRecord): InstanceRecord {
  assert.equal(o.kind, 'update');
  if (o.kind !== 'update') throw new Error('unreachable');
  return o.apply(r, '2026-01-01T00:00:00.000Z', 5);
}

const silent = new StratoError('UNAVAILABLE', 'UNAVAILABLE', 'no answer');

describe('evacuate steps', () => {
  it('revokes every volume first, then schedules', async () => {
    const { d, calls } = deps();
    const w = evacWf();
    const r = rec(w, { volumes: [vol('boot', true), vol('data')] });
    const next = applied(await evacuateRevokeStep(r, w, d), r);
    assert.deepEqual(calls, ['revoke boot', 'revoke data']);
    assert.equal(next.workflow?.step, 'evacuate-schedule');
  });

  it('waits for a silent storage host, and fails once the build timeout has passed', async () => {
    const w = evacWf();
    const r = rec(w, { volumes: [vol('data')] });
    const early = await evacuateRevokeStep(r, w, deps({ revokeError: silent }).d);
    assert.equal(early.kind, 'wait');
    const late = await evacuateRevokeStep(r, w, deps({ revokeError: silent, now: NOW + 600_001 }).d);
    const failed = applied(late, r);
    assert.equal(failed.workflow?.step, 'evacuate-fail');
    assert.match(failed.workflow?.fault?.message ?? '', /not revoked/);
  });

  it('never places on the dead host, and honours a forced target', async () => {
    const { d, calls } = deps();
    const w = evacWf({ step: 'evacuate-schedule', forceHost: 'hv-3' });
    const next = applied(await evacuateScheduleStep(rec(w), w, d), rec(w));
    assert.deepEqual(calls, ['place exclude=hv-1 force=hv-3']);
    assert.equal(next.host, 'hv-2');
    assert.equal(next.workflow?.step, 'evacuate-spawn', 'no NICs, no volumes: straight to the spawn');
  });

  it('goes through export when the server has volumes', async () => {
    const { d } = deps();
    const w = evacWf({ step: 'evacuate-schedule' });
    const r = rec(w, { volumes: [vol('data')] });
    assert.equal(applied(await evacuateScheduleStep(r, w, d), r).workflow?.step, 'evacuate-export');
  });

  it('no valid host fails the evacuation with NO_VALID_HOST', async () => {
    const none: SelectionResult = { ok: false, noValidHost: { reasons: [], hostCount: 1 } };
    const { d } = deps({ place: () => none });
    const w = evacWf({ step: 'evacuate-schedule' });
    const next = applied(await evacuateScheduleStep(rec(w), w, d), rec(w));
    assert.equal(next.workflow?.step, 'evacuate-fail');
    assert.equal(next.workflow?.fault?.reason, 'NO_VALID_HOST');
  });

  it('spawns with the data volumes and settles ACTIVE, the event closed', async () => {
    const { d, calls, spawned } = deps();
    const w = evacWf({ step: 'evacuate-spawn', targetVmState: 'ACTIVE' });
    const r = rec(w, { host: 'hv-2', volumes: [vol('data')] });
    const o = await evacuateSpawnStep(r, w, d);
    const next = applied(o, r);
    assert.deepEqual(calls, ['spawn', 'attached data']);
    assert.deepEqual(
      spawned[0]?.volumes?.map((v) => v.volumeId),
      ['data'],
    );
    assert.equal(o.kind === 'update' && o.finish?.error, undefined);
    assert.equal(next.vmState, 'ACTIVE');
    assert.equal(next.powerState, 'RUNNING');
    assert.equal(next.taskState, '');
    assert.equal(next.workflow, undefined);
    assert.deepEqual(next.staleOn, ['hv-1'], 'the dead host still holds a stale copy');
  });

  it('a server that was SHUTOFF is stopped again at once (hard)', async () => {
    const { d, calls } = deps();
    const w = evacWf({ step: 'evacuate-spawn', targetVmState: 'SHUTOFF' });
    const r = rec(w, { host: 'hv-2', vmState: 'SHUTOFF' });
    const next = applied(await evacuateSpawnStep(r, w, d), r);
    assert.deepEqual(calls, ['spawn', 'action stop hard=true']);
    assert.equal(next.vmState, 'SHUTOFF');
    assert.equal(next.powerState, 'SHUTDOWN');
  });

  it('a spawn the new host refuses fails the evacuation', async () => {
    const { d } = deps({ agentError: new StratoError('INTERNAL', 'HYPERVISOR_ERROR', 'no') });
    const w = evacWf({ step: 'evacuate-spawn' });
    const r = rec(w, { host: 'hv-2' });
    assert.equal(applied(await evacuateSpawnStep(r, w, d), r).workflow?.step, 'evacuate-fail');
  });

  it('a failure ends in ERROR on the dead host: the copy on the new host goes, the claim goes back', async () => {
    const { d, calls } = deps();
    const fault = { code: 'INTERNAL', reason: 'X', message: 'spawn failed', at: '' };
    const w = evacWf({ step: 'evacuate-fail', fault });
    const r = rec(w, { host: 'hv-2' });
    const o = await evacuateFailStep(r, w, d);
    const next = applied(o, r);
    assert.deepEqual(calls, [`delete ${r.id}`, 'release']);
    assert.equal(o.kind === 'update' && o.finish?.error, 'spawn failed');
    assert.equal(next.vmState, 'ERROR');
    assert.equal(next.host, 'hv-1');
    assert.equal(next.workflow, undefined);
    assert.deepEqual(next.staleOn, [], 'its copy on the dead host is its only one again');
  });

  it('a new host that cannot confirm the removal is marked as holding a stale copy', async () => {
    const { d } = deps({ agentError: silent });
    const w = evacWf({ step: 'evacuate-fail' });
    const r = rec(w, { host: 'hv-2' });
    assert.deepEqual(applied(await evacuateFailStep(r, w, d), r).staleOn, ['hv-2']);
  });
});
