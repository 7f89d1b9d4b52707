// Two hosts installed the way docs/install.md tells an operator to: two Debian 12
// containers booted by a real systemd (test/harness/systemd-container.ts), joined by a
// veth pair as their underlay network (10.99.0.0/24, only inside their namespaces).
// hv1 gets `install-host --role all --conductor 10.99.0.1`; the conductor host makes
// hv2's certificate bundle with make-certs, the bundle is copied across, and hv2 gets
// `install-host --role agent --conductor 10.99.0.1 --cert-bundle`. Then hv2 registers,
// a server created with `--host hv2` boots there (a real TCG guest inside hv2's
// container, its image pulled from the conductor over the registry's mutual TLS), and
// the create's request id, as `strato server event list` shows it, is in the
// conductor's journal (the CreateServer call) and in hv2's agent journal (the
// SpawnInstance call the conductor made for it).
import assert from 'node:assert/strict';
import { copyFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe } from 'node:test';
import { bootSystemdContainer, linkContainers, REPO, type SystemdContainer } from '../../harness/systemd-container.ts';
import { testImage } from '../../harness/test-image.ts';
import { seedCloud } from './seed.ts';
import { scenario, until } from './steps.ts';

const CONDUCTOR_IP = '10.99.0.1';
const HV2_IP = '10.99.0.2';
const INSTALL = `${REPO}/scripts/install-host`;
const STRATO = `${REPO}/bin/strato`;

let hv1: SystemdContainer | undefined;
let hv2: SystemdContainer | undefined;

/** The strato CLI on the conductor host, as root (install-host wrote its clouds.yaml). */
const strato = (...args: string[]) => hv1!.run([STRATO, ...args]);
const stratoJson = async <T>(...args: string[]): Promise<T> => JSON.parse(await strato(...args, '-f', 'json')) as T;

/** The JSON log lines of a unit's journal, parsed. */
async function journalLines(c: SystemdContainer, unit: string): Promise<Record<string, unknown>[]> {
  const out = await c.run(['journalctl', '--no-pager', '-o', 'cat', '-u', unit]);
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('two hosts installed by install-host', { timeout: 600_000 }, () => {
  const { step, failed } = scenario();

  before(async () => {
    const image = await testImage();
    hv1 = await bootSystemdContainer({ binds: [{ path: dirname(image.disk) }] });
    hv2 = await bootSystemdContainer();
    await linkContainers(hv1, hv2, {
      ifname: 'underlay0',
      addressA: `${CONDUCTOR_IP}/24`,
      addressB: `${HV2_IP}/24`,
    });
  });

  after(async () => {
    if (failed()) {
      for (const [c, units] of [
        [hv1, ['strato-conductor', 'strato-agent']],
        [hv2, ['strato-agent']],
      ] as const) {
        for (const u of units) {
          const text = await c?.journal(u, 60).catch((err: unknown) => String(err));
          process.stderr.write(`--- ${c?.machine} ${u}\n${text}\n`);
        }
      }
    }
    await hv2?.stop();
    await hv1?.stop();
  });

  step('the conductor host: install-host --role all', async () => {
    const out = await hv1!.run([INSTALL, '--role', 'all', '--conductor', CONDUCTOR_IP, '--host-id', 'hv1'], {
      timeoutMs: 300_000,
    });
    assert.match(out, /strato installed on this host \(role all\)/);
  });

  step('the second host: a bundle from the conductor host, install-host --role agent', async () => {
    const makeCerts = [`${REPO}/scripts/make-certs`, '--dir', '/etc/strato/tls', '--name', 'hv2', '--ip', HV2_IP];
    await hv1!.run([...makeCerts, '--bundle', '/root/hv2.tar']);
    // The operator's trusted channel (scp) is this machine, which sees both roots.
    await copyFile(join(hv1!.root, 'root/hv2.tar'), join(hv2!.root, 'root/hv2.tar'));
    const agentArgs = ['--role', 'agent', '--conductor', CONDUCTOR_IP, '--host-id', 'hv2'];
    const bundleArgs = ['--agent-listen', `${HV2_IP}:8776`, '--cert-bundle', '/root/hv2.tar'];
    const out = await hv2!.run([INSTALL, ...agentArgs, ...bundleArgs], { timeoutMs: 300_000 });
    assert.match(out, /strato installed on this host \(role agent\)/);
    // READY comes once the agent serves; registering follows (its status says so).
    const serving = /^serving as hv2, registered with conductor 10\.99\.0\.1:8775$/;
    await until('hv2 serving and registered', async () => {
      const status = await hv2!.run(['systemctl', 'show', '-p', 'StatusText', '--value', 'strato-agent']);
      return serving.test(status.trim()) ? true : undefined;
    });
  });

  step('the conductor sees both hosts up', async () => {
    const hosts = await until('hv1 and hv2 up', async () => {
      const list = await stratoJson<{ id: string; state: string; address: string }[]>('host', 'list');
      return list.filter((h) => h.state === 'up').length === 2 ? list : undefined;
    });
    assert.deepEqual(hosts.map((h) => [h.id, h.address]).sort(), [
      ['hv1', `${CONDUCTOR_IP}:8776`],
      ['hv2', `${HV2_IP}:8776`],
    ]);
  });

  step("a server created with --host hv2 boots on hv2; its request id is in both daemons' logs", async () => {
    await seedCloud(strato);
    await writeFile(join(hv1!.root, 'root/user-data'), '#!/bin/sh\necho TWO-HOSTS-USERDATA-RAN\n');
    const args = ['--image', 'testvm', '--flavor', 'm1.tiny', '--network', 'net1', '--host', 'hv2'];
    await strato('server', 'create', ...args, '--user-data', '/root/user-data', '--wait', 'vm1');
    const vm = await stratoJson<{ id: string; host: string; vmState: string }>('server', 'show', 'vm1');
    assert.deepEqual([vm.host, vm.vmState], ['hv2', 'ACTIVE']);
    const domains = async (c: SystemdContainer) =>
      (await c.run(['virsh', '-c', 'qemu:///system', 'list', '--name'])).split('\n').filter(Boolean);
    assert.deepEqual(await domains(hv2!), [`strato-${vm.id}`], 'the guest runs on hv2');
    assert.deepEqual(await domains(hv1!), [], 'and not on hv1');
    // The guest really booted there: its console (read through the conductor from hv2).
    await until(
      'the guest to run its user data',
      async () => ((await strato('console', 'log', 'vm1')).includes('TWO-HOSTS-USERDATA-RAN') ? true : undefined),
      180_000,
    );

    const events = await stratoJson<{ action: string; requestId: string }[]>('server', 'event', 'list', 'vm1');
    const requestId = events.find((e) => e.action === 'create')?.requestId ?? '';
    assert.match(requestId, /^[0-9a-f-]{36}$/, 'the create has a request id');
    const conductorLog = (await journalLines(hv1!, 'strato-conductor')).filter((l) => l.requestId === requestId);
    assert.ok(
      conductorLog.some((l) => l.msg === 'grpc call' && l.method === '/strato.compute.v1.Servers/CreateServer'),
      `the conductor logged the CreateServer call ${requestId}`,
    );
    const agentLog = (await journalLines(hv2!, 'strato-agent')).filter((l) => l.requestId === requestId);
    assert.ok(
      agentLog.some((l) => l.msg === 'grpc call' && l.method === '/strato.agent.v1.Agent/SpawnInstance'),
      `hv2's agent logged the SpawnInstance call of ${requestId}: ${JSON.stringify(agentLog.map((l) => l.msg))}`,
    );
    const hv1AgentLog = (await journalLines(hv1!, 'strato-agent')).filter((l) => l.method !== undefined);
    assert.ok(
      !hv1AgentLog.some((l) => l.requestId === requestId && l.method === '/strato.agent.v1.Agent/SpawnInstance'),
      "hv1's agent spawned nothing for it",
    );
  });
});
