// The NIC steps of the workflows, with a stub ServerNetworking that records
// what it is asked: ports made before scheduling, bound to the scheduled host
// and pushed before the spawn (a failed push reschedules), the spawn carrying
// the ports, a failed boot unbinding them from the host, delete releasing
// them with orphans, hot-plug and unplug settling the NIC list.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StratoError } from '../../../common/errors.ts';
import { log } from '../../../common/log.ts';
import type { AgentApi, AgentDirectory } from '../../../conductor/agents/agent-api.ts';
import { failStep, scheduleStep, spawnStep } from '../../../conductor/compute/boot-steps.ts';
import type { InstanceRecord, Workflow } from '../../../conductor/compute/instance-record.ts';
import { bindStep, plugStep, portsStep, unplugPortStep, unplugStep } from '../../../conductor/compute/nic-steps.ts';
import type { HostPush, InstanceNic, ServerNetworking } from '../../../conductor/compute/nics.ts';
import { deleteStep } from '../../../conductor/compute/teardown-steps.ts';
import type { Outcome, StepDeps } from '../../../conductor/compute/workflow.ts';
import { bootingRecord, bootWorkflow } from './boot-record.ts';

log.level = 'silent';

const nic = (over: Partial<InstanceNic> = {}): InstanceNic => ({
  networkId: 'n1',
  networkName: 'net1',
  portId: '',
  fixedIp: '',
  owned: true,
  mac: '',
  ips: [],
  ...over,
});

const wf = (over: Partial<Workflow> = {}): Workflow => bootWorkflow({ step: 'ports', ...over });

const rec = (w: Workflow, over: Partial<InstanceRecord> = {}): InstanceRecord =>
  bootingRecord(w, { id: 'i-1', taskState: 'networking', host: '', userData: '', nics: [nic()], ...over });

interface Stub {
  net: ServerNetworking;
  calls: string[];
  push: HostPush;
  allocateError?: StratoError;
  attachError?: StratoError;
}

function stubNet(): Stub {
  const s: Stub = { calls: [], push: { ok: true }, net: undefined as unknown as ServerNetworking };
  let made = 0;
  s.net = {
    resolve: async () => [],
    portId: async (_p, ref) => ref,
    allocate: async (owner, nics) => {
      s.calls.push(`allocate ${owner.id} ${nics.length}`);
      if (s.allocateError) throw s.allocateError;
      return nics.map((n) =>
        n.portId ? n : { ...n, portId: `port-${++made}`, mac: 'fa:16:3e:00:00:0' + made, ips: [`10.0.0.${made}`] },
      );
    },
    bindHost: async (ownerId, nics, hostId) => {
      s.calls.push(`bind ${ownerId} ${nics.map((n) => n.portId).join(',')} @${hostId || '-'}`);
    },
    release: async (owner, nics, orphans) => {
      s.calls.push(`release ${owner.id} ${nics.map((n) => n.portId || '?').join(',')}${orphans ? ' +orphans' : ''}`);
    },
    pushHost: async (hostId) => {
      s.calls.push(`push ${hostId}`);
      return s.push;
    },
    pushSoon: () => {
      s.calls.push('push-soon');
    },
    spawnParts: async (nics) => ({
      ports: nics.map((n) => ({ portId: n.portId, mac: n.mac, networkId: n.networkId, ips: n.ips })),
      networkDataJson: JSON.stringify({ links: nics.map((n) => ({ vif_id: n.portId })), networks: [], services: [] }),
    }),
    attach: async (host, instanceId, port) => {
      s.calls.push(`attach ${host.id} ${instanceId} ${port.portId}`);
      if (s.attachError) throw s.attachError;
    },
    detach: async (host, instanceId, portId) => {
      s.calls.push(`detach ${host.id} ${instanceId} ${portId}`);
    },
  };
  return s;
}

function deps(s: Stub) {
  const agentCalls: unknown[] = [];
  const agent: AgentApi = {
    spawn: async (req) => {
      agentCalls.push(req);
      s.calls.push('spawn');
      return { instanceId: req.instanceId ?? '', powerState: 'running', domainName: '' };
    },
    delete: async () => {
      s.calls.push('agent-delete');
    },
    action: async () => ({ instanceId: '', powerState: '', domainName: '' }),
    consoleLog: async () => [],
  };
  const d: StepDeps = {
    claimer: {
      place: async () => ({ ok: true, placement: { hostId: 'hv-2', alternates: [] } }),
      release: async () => {
        s.calls.push('release-claim');
        return true;
      },
    },
    hosts: { get: async (id: string) => (id ? { id, address: '127.0.0.1:1' } : undefined) },
    agents: { forHost: () => agent, close() {} } as AgentDirectory,
    log,
    signal: new AbortController().signal,
    maxBuildAttempts: 3,
    buildTimeoutMs: 600_000,
    now: () => 1_000_000,
    acpiTimeoutS: 1,
    tries: 0,
    net: s.net,
  };
  return { d, agentCalls };
}

function applied(o: Outcome, r: InstanceRecord): InstanceRecord {
  assert.equal(o.kind, 'update');
  if (o.kind !== 'update') throw new Error('unreachable');
  return o.apply(r, '2026-01-01T00:00:00.000Z', 5);
}

describe('NIC steps', () => {
  it('ports: makes the ports, records them, then schedules', async () => {
    const s = stubNet();
    const r0 = rec(wf(), { nics: [nic(), nic({ portId: 'given', owned: false })] });
    const r = applied(await portsStep(r0, wf(), deps(s).d), r0);
    assert.deepEqual(s.calls, ['allocate i-1 2']);
    assert.deepEqual(
      r.nics?.map((n) => n.portId),
      ['port-1', 'given'],
    );
    assert.equal(r.workflow?.step, 'schedule');
    assert.equal(r.taskState, 'scheduling');
  });

  it('ports: a port that cannot be made ends the boot in ERROR via fail', async () => {
    const s = stubNet();
    s.allocateError = new StratoError('RESOURCE_EXHAUSTED', 'IP_POOL_EXHAUSTED', 'no free address');
    const r0 = rec(wf());
    const r = applied(await portsStep(r0, wf(), deps(s).d), r0);
    assert.equal(r.workflow?.step, 'fail');
    assert.equal(r.workflow?.fault?.reason, 'IP_POOL_EXHAUSTED');
  });

  it('ports: store contention is retried, not turned into ERROR', async () => {
    const s = stubNet();
    s.allocateError = new StratoError('ABORTED', 'PORT_CONTENDED', 'retry');
    const r0 = rec(wf());
    await assert.rejects(portsStep(r0, wf(), deps(s).d), (e: StratoError) => e.code === 'ABORTED');
  });

  it('schedule leads to bind for a server with NICs, straight to spawn without', async () => {
    const s = stubNet();
    const w = wf({ step: 'schedule' });
    const withNics = applied(await scheduleStep(rec(w), w, deps(s).d), rec(w));
    assert.equal(withNics.workflow?.step, 'bind');
    assert.equal(withNics.host, 'hv-2');
    const bare = rec(w, { nics: undefined });
    assert.equal(applied(await scheduleStep(bare, w, deps(s).d), bare).workflow?.step, 'spawn');
  });

  it('bind: binds to the scheduled host and pushes it before the spawn', async () => {
    const s = stubNet();
    const w = wf({ step: 'bind' });
    const r0 = rec(w, { host: 'hv-2', nics: [nic({ portId: 'port-1' })] });
    const r = applied(await bindStep(r0, w, deps(s).d), r0);
    assert.deepEqual(s.calls, ['bind i-1 port-1 @hv-2', 'push hv-2']);
    assert.equal(r.workflow?.step, 'spawn');
    assert.equal(r.taskState, 'spawning');
  });

  it('bind: a host that answers it cannot take its network state is excluded and the boot rescheduled', async () => {
    const s = stubNet();
    s.push = { ok: false, error: new StratoError('INTERNAL', 'NETWORK_APPLY_FAILED', 'bridge refused') };
    const w = wf({ step: 'bind' });
    const r0 = rec(w, { host: 'hv-2', nics: [nic({ portId: 'port-1' })] });
    const r = applied(await bindStep(r0, w, deps(s).d), r0);
    assert.equal(r.workflow?.step, 'schedule');
    assert.deepEqual(r.workflow?.excludeHosts, ['hv-2']);
    assert.equal(r.host, '');
  });

  it('bind: a host that does not answer the push is asked again, bound and claimed', async () => {
    const s = stubNet();
    s.push = { ok: false, error: new StratoError('UNAVAILABLE', 'UNAVAILABLE', 'connect ECONNREFUSED') };
    const w = wf({ step: 'bind', placedAtMs: 1_000_000 - 5_000 });
    const r0 = rec(w, { host: 'hv-2', nics: [nic({ portId: 'port-1' })] });
    const o = await bindStep(r0, w, deps(s).d);
    assert.equal(o.kind, 'wait');
    assert.deepEqual(s.calls, ['bind i-1 port-1 @hv-2', 'push hv-2'], 'nothing unbound, no claim released');
  });

  it('spawn: passes the ports and network_data.json', async () => {
    const s = stubNet();
    const { d, agentCalls } = deps(s);
    const w = wf({ step: 'spawn' });
    const r0 = rec(w, { host: 'hv-2', nics: [nic({ portId: 'port-1', mac: 'fa:16:3e:00:00:01', ips: ['10.0.0.1'] })] });
    const r = applied(await spawnStep(r0, w, d), r0);
    assert.equal(r.vmState, 'ACTIVE');
    const req = agentCalls[0] as { ports: { portId: string }[]; networkDataJson: string };
    assert.deepEqual(
      req.ports.map((p) => p.portId),
      ['port-1'],
    );
    assert.equal(JSON.parse(req.networkDataJson).links[0].vif_id, 'port-1');
  });

  it('fail holding the host (build timeout): claim, host and port bindings stay', async () => {
    const s = stubNet();
    const fault = { code: 'DEADLINE_EXCEEDED', reason: 'BUILD_TIMEOUT', message: 'm', at: '' };
    const w = wf({ step: 'fail', holdHost: true, fault });
    const r0 = rec(w, { host: 'hv-2', nics: [nic({ portId: 'port-1' })] });
    const r = applied(await failStep(r0, w, deps(s).d), r0);
    assert.deepEqual(s.calls, []);
    assert.equal(r.vmState, 'ERROR');
    assert.equal(r.host, 'hv-2');
    assert.equal(r.fault?.reason, 'BUILD_TIMEOUT');
  });

  it('fail: the ports leave the host but stay the server’s', async () => {
    const s = stubNet();
    const w = wf({ step: 'fail', fault: { code: 'X', reason: 'Y', message: 'm', at: '' } });
    const r0 = rec(w, { host: '', nics: [nic({ portId: 'port-1' })] });
    const r = applied(await failStep(r0, w, deps(s).d), r0);
    assert.deepEqual(s.calls, ['release-claim', 'bind i-1 port-1 @-', 'push-soon']);
    assert.equal(r.vmState, 'ERROR');
    assert.equal(r.nics?.length, 1);
  });

  it('delete: guest first, then the ports (with any orphans), then the claim', async () => {
    const s = stubNet();
    const w = wf({ kind: 'delete', step: 'delete' });
    const r0 = rec(w, { host: 'hv-2', nics: [nic({ portId: 'port-1' }), nic()] });
    const r1 = applied(await deleteStep(r0, w, deps(s).d), r0);
    assert.equal(r1.workflow?.step, 'unplug');
    const r2 = applied(await unplugStep(r1, w, deps(s).d), r1);
    assert.equal(r2.workflow?.step, 'release');
    assert.deepEqual(s.calls, ['agent-delete', 'release i-1 port-1,? +orphans', 'push-soon']);
  });

  it('plug: makes the port, binds it, pushes, then attaches; settles with the new NIC', async () => {
    const s = stubNet();
    const w = wf({ kind: 'action', step: 'plug' });
    const r0 = rec(w, { vmState: 'ACTIVE', host: 'hv-2', nics: [nic({ portId: 'port-0' }), nic({ networkId: 'n2' })] });
    const r = applied(await plugStep(r0, w, deps(s).d), r0);
    assert.deepEqual(s.calls, ['allocate i-1 2', 'bind i-1 port-1 @hv-2', 'push hv-2', 'attach hv-2 i-1 port-1']);
    assert.deepEqual(
      r.nics?.map((n) => n.portId),
      ['port-0', 'port-1'],
    );
    assert.equal(r.workflow, undefined);
    assert.equal(r.taskState, '');
  });

  it('plug: a refused attach gives the port back and leaves the NICs as they were', async () => {
    const s = stubNet();
    s.attachError = new StratoError('INTERNAL', 'HYPERVISOR_REFUSED', 'no slot');
    const w = wf({ kind: 'action', step: 'plug' });
    const r0 = rec(w, { vmState: 'ACTIVE', host: 'hv-2', nics: [nic({ portId: 'port-0' }), nic({ networkId: 'n2' })] });
    const o = await plugStep(r0, w, deps(s).d);
    assert.equal(o.kind === 'update' && o.finish?.error?.includes('HYPERVISOR_REFUSED'), true);
    const r = applied(o, r0);
    assert.deepEqual(
      r.nics?.map((n) => n.portId),
      ['port-0'],
    );
    assert.ok(s.calls.includes('release i-1 port-1'));
  });

  it('unplug-port: detaches, then deletes or unbinds the port, and drops the NIC', async () => {
    const s = stubNet();
    const w = wf({ kind: 'action', step: 'unplug-port', portId: 'port-2' });
    const r0 = rec(w, {
      vmState: 'ACTIVE',
      host: 'hv-2',
      nics: [nic({ portId: 'port-1' }), nic({ portId: 'port-2' })],
    });
    const r = applied(await unplugPortStep(r0, w, deps(s).d), r0);
    assert.deepEqual(s.calls, ['detach hv-2 i-1 port-2', 'release i-1 port-2', 'push-soon']);
    assert.deepEqual(
      r.nics?.map((n) => n.portId),
      ['port-1'],
    );
  });
});
