// The boot workflow's decisions, with stub collaborators: where a spawn failure
// leads (reschedule with the host excluded, or ERROR after the last attempt or
// for a request no host would take), what "No valid host" leaves behind, and —
// table by table — which failed calls mean "the agent did not answer: ask the
// same host again, holding the claim" rather than "the spawn failed: reschedule",
// up to the build timeout.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Metadata, status } from '@grpc/grpc-js';
import { StratoError } from '../../../common/errors.ts';
import { fromCallError, toGrpcStatus } from '../../../common/grpc/status.ts';
import { log } from '../../../common/log.ts';
import type { AgentApi, AgentDirectory } from '../../../conductor/agents/agent-api.ts';
import { isNoAnswer } from '../../../conductor/agents/no-answer.ts';
import { failStep, scheduleStep, spawnStep } from '../../../conductor/compute/boot-steps.ts';
import type { InstanceRecord, Workflow } from '../../../conductor/compute/instance-record.ts';
import type { Outcome, StepDeps } from '../../../conductor/compute/workflow.ts';
import type { SelectionResult } from '../../../conductor/scheduler/types.ts';
import { bootingRecord, bootWorkflow } from './boot-record.ts';

const wf = bootWorkflow;
const rec = (w: Workflow): InstanceRecord => bootingRecord(w);

const NOW = 1_000_000;
const BUILD_TIMEOUT_MS = 600_000;

function deps(spawn: AgentApi['spawn'], place?: () => SelectionResult) {
  const calls: string[] = [];
  const agent: AgentApi = {
    spawn: async (req, o) => {
      calls.push('spawn');
      return spawn(req, o);
    },
    delete: async () => {
      calls.push('delete');
    },
    action: async () => ({ instanceId: '', powerState: '', domainName: '' }),
    consoleLog: async () => [],
  };
  const d: StepDeps = {
    claimer: {
      place: async () => place?.() ?? { ok: true, placement: { hostId: 'hv-2', alternates: [] } },
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
    buildTimeoutMs: BUILD_TIMEOUT_MS,
    now: () => NOW,
    acpiTimeoutS: 1,
    tries: 0,
  };
  return { d, calls };
}

function applied(o: Outcome, r: InstanceRecord): InstanceRecord {
  assert.equal(o.kind, 'update');
  if (o.kind !== 'update') throw new Error('unreachable');
  return o.apply(r, '2026-01-01T00:00:00.000Z', 5);
}

log.level = 'silent';

const checksum = () => Promise.reject(new StratoError('DATA_LOSS', 'IMAGE_CHECKSUM_MISMATCH', 'bad cache'));

describe('boot steps', () => {
  it('a successful spawn settles ACTIVE with the reported power state and closes the event', async () => {
    const { d } = deps(async () => ({ instanceId: 'x', powerState: 'running', domainName: 'd' }));
    const w = wf();
    const o = await spawnStep(rec(w), w, d);
    const r = applied(o, rec(w));
    assert.equal(o.kind === 'update' && o.finish?.error, undefined);
    assert.equal(r.vmState, 'ACTIVE');
    assert.equal(r.powerState, 'RUNNING');
    assert.equal(r.taskState, '');
    assert.equal(r.workflow, undefined);
    assert.equal(r.settledAtMs, 5);
  });

  it('a failed spawn excludes the host, cleans up there and schedules again', async () => {
    const { d, calls } = deps(checksum);
    const w = wf();
    const r = applied(await spawnStep(rec(w), w, d), rec(w));
    assert.deepEqual(calls, ['spawn', 'delete']);
    assert.equal(r.host, '');
    assert.equal(r.taskState, 'scheduling');
    assert.equal(r.workflow?.step, 'schedule');
    assert.deepEqual(r.workflow?.excludeHosts, ['hv-1']);
    assert.match(r.workflow?.failures[0] ?? '', /^hv-1: DATA_LOSS IMAGE_CHECKSUM_MISMATCH/);
  });

  it('the third failure fails the build, naming every host', async () => {
    const { d } = deps(checksum);
    const w = wf({ excludeHosts: ['hv-a', 'hv-b'], failures: ['hv-a: X', 'hv-b: Y'] });
    const r = applied(await spawnStep(rec(w), w, d), rec(w));
    assert.equal(r.workflow?.step, 'fail');
    assert.match(r.workflow?.fault?.message ?? '', /build failed on 3 hosts: hv-a: X; hv-b: Y; hv-1: DATA_LOSS/);
  });

  it('a malformed request is not rescheduled', async () => {
    const { d } = deps(() => Promise.reject(new StratoError('INVALID_ARGUMENT', 'SPEC_INVALID', 'no')));
    const w = wf();
    const r = applied(await spawnStep(rec(w), w, d), rec(w));
    assert.equal(r.workflow?.step, 'fail');
    assert.equal(r.workflow?.fault?.code, 'INVALID_ARGUMENT');
  });

  it('no valid host goes to fail with the per-filter reasons and earlier failures', async () => {
    const { d } = deps(checksum, () => ({
      ok: false,
      noValidHost: {
        hostCount: 2,
        reasons: [{ filter: 'ram', rejected: 2, examples: ['hv-2: needs 256 MiB RAM, 0 free of 0 usable'] }],
      },
    }));
    const w = wf({ step: 'schedule', failures: ['hv-1: DATA_LOSS'] });
    const r = applied(await scheduleStep(rec(w), w, d), rec(w));
    assert.equal(r.workflow?.step, 'fail');
    assert.equal(r.workflow?.fault?.reason, 'NO_VALID_HOST');
    assert.match(r.workflow?.fault?.message ?? '', /ram: 2 hosts rejected .*earlier attempts: hv-1: DATA_LOSS/);
  });

  it('fail releases the claim and leaves ERROR without a host', async () => {
    const { d, calls } = deps(checksum);
    const w = wf({
      step: 'fail',
      fault: { code: 'RESOURCE_EXHAUSTED', reason: 'NO_VALID_HOST', message: 'm', at: '' },
    });
    const o = await failStep(rec(w), w, d);
    const r = applied(o, rec(w));
    assert.deepEqual(calls, ['release']);
    assert.equal(o.kind === 'update' && o.finish?.error, 'm');
    assert.equal(r.vmState, 'ERROR');
    assert.equal(r.host, '');
    assert.equal(r.fault?.reason, 'NO_VALID_HOST');
    assert.equal(r.workflow, undefined);
  });
});

/** A status as grpc-js ends a call by itself, with no answer from the peer (no ErrorInfo trailer). */
const transport = (code: status, details: string) => fromCallError({ code, details, metadata: new Metadata() });
/** What the agent's answer becomes on the conductor's side of the wire. */
const answer = (err: StratoError) => fromCallError(toGrpcStatus(err));

type Verdict = 'same host again' | 'reschedule' | 'fail';

const TABLE: [string, StratoError, Verdict][] = [
  [
    'connection refused (agent down)',
    transport(status.UNAVAILABLE, 'No connection established. Last error: connect ECONNREFUSED 10.0.0.1:8776'),
    'same host again',
  ],
  [
    'connection dropped mid-spawn (agent killed)',
    transport(status.UNAVAILABLE, 'Connection dropped'),
    'same host again',
  ],
  [
    'stream reset by a dying peer',
    transport(status.INTERNAL, 'Received RST_STREAM with code 2 (Internal server error)'),
    'same host again',
  ],
  ['call cancelled by a stopping agent', transport(status.CANCELLED, 'Call cancelled'), 'same host again'],
  ['deadline passed without an answer', transport(status.DEADLINE_EXCEEDED, 'Deadline exceeded'), 'same host again'],
  ['agent: ports not wired', answer(new StratoError('UNAVAILABLE', 'PORT_NOT_WIRED', 'port p')), 'reschedule'],
  ['agent: libvirtd unreachable', answer(new StratoError('UNAVAILABLE', 'LIBVIRT_UNREACHABLE', 'no')), 'reschedule'],
  ['agent: unexpected internal error', answer(new StratoError('INTERNAL', 'INTERNAL_ERROR', 'x')), 'reschedule'],
  [
    'agent: image checksum mismatch',
    answer(new StratoError('DATA_LOSS', 'IMAGE_CHECKSUM_MISMATCH', 'x')),
    'reschedule',
  ],
  ['agent: host full', answer(new StratoError('RESOURCE_EXHAUSTED', 'HOST_FULL', 'x')), 'reschedule'],
  ['agent: instance disk full', answer(new StratoError('RESOURCE_EXHAUSTED', 'HOST_DISK_FULL', 'x')), 'reschedule'],
  [
    'agent: a different domain holds the name',
    answer(new StratoError('FAILED_PRECONDITION', 'INSTANCE_EXISTS_DIFFERENT', 'x')),
    'reschedule',
  ],
  ['agent: malformed request', answer(new StratoError('INVALID_ARGUMENT', 'INVALID_SPAWN_REQUEST', 'x')), 'fail'],
];

describe('spawn errors: agent unreachable (same host again) vs spawn failed (reschedule)', () => {
  for (const [what, err, verdict] of TABLE) {
    it(`${what}: ${verdict}`, async () => {
      assert.equal(isNoAnswer(err), verdict === 'same host again');
      const { d, calls } = deps(() => Promise.reject(err));
      const w = wf({ placedAtMs: NOW - 1000 });
      const o = await spawnStep(rec(w), w, d);
      if (verdict === 'same host again') {
        assert.equal(o.kind, 'wait');
        assert.deepEqual(calls, ['spawn'], 'no clean-up, no claim released');
        return;
      }
      const r = applied(o, rec(w));
      assert.equal(r.workflow?.step, verdict === 'fail' ? 'fail' : 'schedule');
      if (verdict === 'reschedule') {
        assert.deepEqual(r.workflow?.excludeHosts, ['hv-1']);
        assert.deepEqual(calls, ['spawn', 'delete']);
      }
    });
  }

  it('a host no longer registered is given up (there is nobody to ask)', async () => {
    const { d } = deps(() => Promise.reject(new Error('not called')));
    d.hosts = { get: async () => undefined };
    const w = wf();
    const r = applied(await spawnStep(rec(w), w, d), rec(w));
    assert.equal(r.workflow?.step, 'schedule');
    assert.match(r.workflow?.failures[0] ?? '', /HOST_NOT_REGISTERED/);
  });
});

describe('waiting for a host that does not answer', () => {
  const refused = () => Promise.reject(transport(status.UNAVAILABLE, 'connect ECONNREFUSED'));

  it('scheduling records when the host was chosen', async () => {
    const { d } = deps(refused);
    const w = wf({ step: 'schedule' });
    const r = applied(await scheduleStep(rec(w), w, d), rec(w));
    assert.equal(r.workflow?.placedAtMs, 5);
    assert.equal(r.workflow?.step, 'spawn');
  });

  for (const [tries, ms] of [
    [0, 500],
    [1, 1000],
    [3, 4000],
    [10, 10_000],
  ] as const) {
    it(`backs off: after ${tries} waits the next is ${ms} ms`, async () => {
      const { d } = deps(refused);
      d.tries = tries;
      const w = wf({ placedAtMs: NOW - 1000 });
      const o = await spawnStep(rec(w), w, d);
      assert.deepEqual(o.kind === 'wait' && o.ms, ms);
    });
  }

  it('never waits past the build timeout', async () => {
    const { d } = deps(refused);
    d.tries = 10;
    const w = wf({ placedAtMs: NOW - BUILD_TIMEOUT_MS + 200 });
    const o = await spawnStep(rec(w), w, d);
    assert.deepEqual(o.kind === 'wait' && o.ms, 200);
  });

  it('after the build timeout: ERROR that holds the host, its claim and the guest that may run there', async () => {
    const { d, calls } = deps(refused);
    const w = wf({ placedAtMs: NOW - BUILD_TIMEOUT_MS });
    const r = applied(await spawnStep(rec(w), w, d), rec(w));
    assert.equal(r.workflow?.step, 'fail');
    assert.equal(r.workflow?.holdHost, true);
    assert.equal(r.workflow?.fault?.reason, 'BUILD_TIMEOUT');
    assert.match(r.workflow?.fault?.message ?? '', /build timed out after 600 s: host hv-1 did not answer/);
    const done = applied(await failStep(r, r.workflow as Workflow, d), r);
    assert.deepEqual(calls, ['spawn'], 'no release, no delete');
    assert.equal(done.vmState, 'ERROR');
    assert.equal(done.host, 'hv-1');
    assert.equal(done.workflow, undefined);
  });

  it('an answer after the timeout still adopts the guest', async () => {
    const { d } = deps(async () => ({ instanceId: 'x', powerState: 'running', domainName: 'd' }));
    const w = wf({ placedAtMs: NOW - 2 * BUILD_TIMEOUT_MS });
    const r = applied(await spawnStep(rec(w), w, d), rec(w));
    assert.equal(r.vmState, 'ACTIVE');
  });
});
