// Host evacuate end to end (issue 12): two simulated hosts, real QEMU under TCG.
// Host A runs an ACTIVE server, a SHUTOFF one and one holding a volume (served by
// host B's tgtd). A dies: kill -9 of its agent, libvirtd, virtlogd and QEMUs. Once
// A is down and disabled, `EvacuateHost` rebuilds the servers on B: ACTIVE and
// SHUTOFF as they were, the same addresses, the guest booting again from a fresh
// disk, the volume exported to B alone, usage exact on both hosts. Then A's
// libvirtd and agent come back: its stale domains are removed without ever
// running (no QEMU process for them appears while A returns) and A ends with no
// domain, instance file or tap of them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Server__Output } from '../../common/gen/strato/compute/v1/Server.ts';
import { tapName } from '../../common/network-names.ts';
import { killHypervisor, qemuPidsOn, startHypervisor } from '../harness/sim-host-restart.ts';
import { waitFor } from '../harness/wait.ts';
import { useCloud } from './lib/fixture.ts';
import { userData } from './lib/guest.ts';
import { linkNames } from './lib/host-network.ts';
import { BOOT_TIMEOUT_MS } from './lib/servers.ts';
import { attach, createVolume } from './lib/volumes.ts';

const NET = 'evac-net';

describe('host evacuate (e2e: two hosts, the first killed)', { timeout: 900_000 }, () => {
  const cloud = useCloud({ hosts: 2, storage: { 1: { backend: 'file' } }, heartbeatS: 1, downTimeS: 5 });
  const ids: Record<string, string> = {};
  const was: Record<string, Server__Output> = {};
  let volumeId = '';

  it('runs an ACTIVE, a SHUTOFF and a volume server on host A', async () => {
    const c = cloud();
    const a = c.hosts[0]!.id;
    await c.admin.networks.CreateNetwork({ name: NET, providerType: 'vxlan' });
    await c.admin.subnets.CreateSubnet({ name: `${NET}-v4`, network: NET, cidr: '10.78.0.0/24' });
    for (const name of ['ev-run', 'ev-off', 'ev-vol']) {
      const s = await c.servers.create({
        name,
        image: 'testvm',
        flavor: 'm1.tiny',
        host: a,
        userData: userData({ marker: name }),
        networks: [{ network: NET, port: '', fixedIp: '' }],
      });
      ids[name] = s.id;
    }
    for (const id of Object.values(ids)) await c.servers.waitForState(id, 'ACTIVE', 'RUNNING', BOOT_TIMEOUT_MS);
    await c.servers.action(ids['ev-off']!, 'stop', { hard: true });
    await c.servers.waitForState(ids['ev-off']!, 'SHUTOFF', 'SHUTDOWN', 60_000);
    const v = await createVolume(c.admin, { name: 'ev-data', sizeGib: 1 });
    volumeId = v.id;
    await attach(c.admin, ids['ev-vol']!, v.id);
    for (const [name, id] of Object.entries(ids)) was[name] = await c.servers.get(id);
  });

  it('evacuates the dead host A: every server comes back on B as it was, usage exact', async () => {
    const c = cloud();
    const [hostA, hostB] = [c.hosts[0]!, c.hosts[1]!];
    // A dies as a host does: agent, hypervisor and guests at once, nothing cleaned up.
    await hostA.agent.kill('SIGKILL');
    await killHypervisor(hostA.sim);
    await waitFor(
      () => c.admin.hosts.GetHost({ host: hostA.id }),
      (h) => h.state === 'down',
      {
        timeoutMs: 30_000,
        intervalMs: 250,
        what: 'host A down',
      },
    );
    await assert.rejects(c.admin.hosts.EvacuateHost({ host: hostA.id, targetHost: '' }), {
      code: 'FAILED_PRECONDITION',
      reason: 'HOST_NOT_DISABLED',
    });
    await c.admin.hosts.SetHostEnabled({ host: hostA.id, enabled: false });
    const t0 = Date.now();
    const res = await c.admin.hosts.EvacuateHost({ host: hostA.id, targetHost: '' });
    assert.deepEqual(Object.fromEntries(res.servers.map((s) => [s.serverName, `${s.action} ${s.targetVmState}`])), {
      'ev-run': 'evacuating ACTIVE',
      'ev-off': 'evacuating SHUTOFF',
      'ev-vol': 'evacuating ACTIVE',
    });
    for (const [name, want, power] of [
      ['ev-run', 'ACTIVE', 'RUNNING'],
      ['ev-off', 'SHUTOFF', 'SHUTDOWN'],
      ['ev-vol', 'ACTIVE', 'RUNNING'],
    ] as const) {
      const s = await c.servers.waitForState(ids[name]!, want, power, BOOT_TIMEOUT_MS);
      assert.equal(s.host, hostB.id, name);
      assert.deepEqual(s.addresses, was[name]!.addresses, `${name} keeps its addresses`);
      assert.equal(await c.servers.domainState(hostB.id, ids[name]!), want === 'ACTIVE' ? 'RUNNING' : 'SHUTOFF');
    }
    process.stderr.write(`evacuate of 3 servers settled in ${Date.now() - t0} ms\n`);
    // The running servers boot again on B from a fresh disk (their config drive says who they are).
    await c.servers.waitForConsole(ids['ev-run']!, 'E2E-MARK ev-run', BOOT_TIMEOUT_MS);
    await c.servers.waitForConsole(ids['ev-vol']!, 'E2E-MARK ev-vol', BOOT_TIMEOUT_MS);
    const vol = await c.admin.volumes.GetVolume({ volume: volumeId });
    assert.equal(vol.status, 'in-use');
    const target = (await hostB.sim.tgtd!.targets()).find((t) => t.iqn.endsWith(volumeId));
    assert.deepEqual(target?.aclNames, [`iqn.2026-01.io.strato:host:${hostB.id}`], 'the target admits B alone');
    const [hA, hB] = [await c.admin.hosts.GetHost({ host: hostA.id }), await c.admin.hosts.GetHost({ host: hostB.id })];
    assert.deepEqual([hA.instanceCount, hA.usage?.vcpus, hA.usage?.ramMib], [0, 0, 0], 'A gave everything back');
    assert.deepEqual([hB.instanceCount, hB.usage?.vcpus, hB.usage?.ramMib], [3, 3, 768], 'B holds each once');
    const events = (await c.admin.servers.ListServerEvents({ server: ids['ev-run']! })).events;
    assert.equal(events.find((e) => e.action === 'evacuate')?.result, 'success');
  });

  it('the returning host A removes its stale copies without ever running them', async () => {
    const c = cloud();
    const hostA = c.hosts[0]!;
    const stale = Object.values(ids).map((id) => `strato-${id}`);
    await startHypervisor(hostA.sim);
    // libvirtd found the killed guests' domains shut off; nothing may start them.
    assert.deepEqual((await c.servers.domainsOn(hostA.id)).filter((d) => stale.includes(d)).sort(), [...stale].sort());
    const seen = new Set<string>();
    const qemus = new Set<number>();
    await hostA.agent.start();
    await waitFor(
      async () => {
        for (const pid of await qemuPidsOn(hostA.sim)) qemus.add(pid);
        const domains = (await c.servers.domainsOn(hostA.id)).filter((d) => stale.includes(d));
        for (const d of domains)
          seen.add(`${d} ${await c.servers.domainState(hostA.id, d.slice(7)).catch(() => 'gone')}`);
        return domains.length;
      },
      (n) => n === 0,
      { timeoutMs: 60_000, intervalMs: 50, retryErrors: true, what: "A's stale domains to go" },
    );
    assert.deepEqual([...qemus], [], 'no QEMU ran on A while it returned');
    assert.ok(
      [...seen].every((s) => s.endsWith(' SHUTOFF') || s.endsWith(' gone')),
      `never running: ${[...seen].join(', ')}`,
    );
    for (const id of Object.values(ids)) assert.deepEqual(await c.servers.instanceFilesOn(hostA.id, id), [], id);
    await waitFor(
      async () => {
        const links = await linkNames(hostA);
        return was['ev-run']!.ports.map((p) => tapName(p.portId)).filter((t) => links.includes(t));
      },
      (taps) => taps.length === 0,
      { timeoutMs: 30_000, intervalMs: 250, what: "A's taps of the evacuated ports to go" },
    );
    // The servers stay on B, untouched by what A reported.
    for (const [name, want] of [
      ['ev-run', 'ACTIVE'],
      ['ev-off', 'SHUTOFF'],
      ['ev-vol', 'ACTIVE'],
    ] as const) {
      const s = await c.servers.get(ids[name]!);
      assert.deepEqual([s.host, s.vmState, s.taskState], [c.hosts[1]!.id, want, ''], name);
    }
    assert.equal((await c.admin.hosts.GetHost({ host: hostA.id })).instanceCount, 0);
  });
});
