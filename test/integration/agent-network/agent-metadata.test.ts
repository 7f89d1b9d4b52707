// The real strato-agent (child process) serving the metadata service (root): the
// conductor (the Registry stub, over mutual TLS) pushes a network whose DHCP serves
// metadata, with one port plugged into a namespace that stands for a guest; the guest
// reads its own metadata at 169.254.169.254 (the agent asked the stub by network and
// source address); after an agent restart it is served again from the restored state;
// a push without metadata stops it. Unique ids and VNI; everything removed in `after`.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Netlink } from '../../../agent/network/netlink/netlink.ts';
import { openNetlink } from '../../../agent/network/netlink/netlink-client.ts';
import type { HostNetworkState } from '../../../common/gen/strato/agent/v1/HostNetworkState.ts';
import { guestIfName } from '../../../common/network-names.ts';
import { makeTestPki } from '../../harness/certs.ts';
import { run } from '../../harness/exec.ts';
import { metadataGet } from '../../harness/metadata-get.ts';
import { removeScratchDir, scratchDir } from '../../harness/scratch-dir.ts';
import { hostDirs, prepareHostDirs, readPid, waitForDaemons } from '../../harness/sim-host-dirs.ts';
import { waitFor } from '../../harness/wait.ts';
import { type AgentProcess, startAgentProcess } from '../agent/agent-harness.ts';
import { RegistryStub, stubImage } from '../agent/registry-stub.ts';
import { forceTeardown } from './host-snapshot.ts';
import { type AgentNetworkApi, agentNetworkApi, type Lan, lan, stateOf } from './lan.ts';

const HOST_ID = `meta-agent-${randomUUID().slice(0, 8)}`;
const INSTANCE = randomUUID();
const oct = 100 + (randomBytes(1)[0]! % 100);
const net: Lan = lan(`10.${oct}.9`, 15_000_000 + (randomBytes(2).readUInt16BE() % 100_000));
const port = net.port(10);
const GUEST_NS = `meta-guest-${randomBytes(3).toString('hex')}`;

const INIT = fileURLToPath(new URL('../../harness/sim-host-init.sh', import.meta.url));

let dir: string | undefined;
let stub: RegistryStub | undefined;
let libvirtHolder: ChildProcess | undefined;
let agent: AgentProcess | undefined;
let netApi: AgentNetworkApi | undefined;
let netlink: Netlink | undefined;
let generation = 0n;

function state(metadata: boolean): HostNetworkState {
  const s = stateOf([net], [port]);
  s.networks![0]!.dhcp!.metadata = metadata;
  s.ports![0]!.attach = { namespace: GUEST_NS };
  return s;
}

const push = (s: HostNetworkState) =>
  netApi!.ApplyNetworkState({ hostId: HOST_ID, generation: String(++generation), state: s });

async function startAgent(): Promise<void> {
  agent = await startAgentProcess({
    hostId: HOST_ID,
    stateDir: join(dir!, 'state'),
    tlsDir: join(dir!, 'tls'),
    conductor: `127.0.0.1:${stub!.port}`,
    logFile: join(dir!, 'agent.log'),
    extraArgs: ['--resync-interval-s', '3', '--libvirt-socket', hostDirs(join(dir!, 'libvirt')).libvirtSocket],
  });
  netApi?.close();
  netApi = await agentNetworkApi(agent.port, join(dir!, 'tls'));
}

async function stopAgent(): Promise<void> {
  if (!agent) return;
  agent.child.kill('SIGTERM');
  assert.equal(await agent.exited, '0');
  agent = undefined;
}

const instanceIdSeen = () =>
  waitFor(
    () => metadataGet(GUEST_NS, '/latest/meta-data/instance-id', { timeoutMs: 2000 }),
    (r) => r.status === 200,
    { timeoutMs: 20_000, intervalMs: 300, what: 'the guest to read its instance id' },
  );

before(async () => {
  dir = await scratchDir('strato-agent-meta-', { traversable: true });
  // The agent needs a libvirtd (it asks its capabilities at start): a private one, in
  // the root network namespace but its own mount namespace (test/harness/sim-host-init.sh).
  const lv = hostDirs(join(dir, 'libvirt'));
  await prepareHostDirs(lv);
  libvirtHolder = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', INIT, lv.dir], {
    stdio: 'ignore',
    detached: true,
  });
  libvirtHolder.unref();
  await waitForDaemons(lv, libvirtHolder.pid!);
  await makeTestPki(join(dir, 'tls'), [HOST_ID]);
  stub = new RegistryStub(await stubImage('img-unused', join(dir, 'tls', 'ca.crt')));
  await stub.start({
    caFile: join(dir, 'tls', 'ca.crt'),
    certFile: join(dir, 'tls', 'conductor.crt'),
    keyFile: join(dir, 'tls', 'conductor.key'),
  });
  stub.guests.set(`${net.id} ${port.ip}`, { instanceId: INSTANCE, name: 'meta-guest' });
  netlink = await openNetlink();
  await run('ip', ['netns', 'add', GUEST_NS]);
  const registered = stub.nextRegister(60_000);
  await startAgent();
  await registered;
});

after(async () => {
  try {
    netApi?.close();
    await stopAgent().catch(() => agent?.child.kill('SIGKILL'));
  } finally {
    if (netlink && dir) {
      await forceTeardown(netlink, { underlayDevice: 'lo', underlayIp: '127.0.0.1' }, join(dir, 'state', 'network'), [
        net.id,
      ]);
      await netlink.close();
    }
    await run('ip', ['netns', 'delete', GUEST_NS]).catch(() => undefined);
    await stub?.stop();
    if (dir) {
      // The private daemons by their pid files, then the namespace holder: only what this test started.
      const lv = hostDirs(join(dir, 'libvirt'));
      for (const f of ['libvirtd.pid', 'virtlogd.pid']) {
        const pid = await readPid(join(lv.run, f));
        if (pid !== undefined) process.kill(pid, 'SIGTERM');
      }
      if (libvirtHolder?.pid !== undefined) process.kill(libvirtHolder.pid, 'SIGKILL');
      await removeScratchDir(dir);
    }
  }
});

test('a guest on a network whose DHCP serves metadata reads its own, through the agent and the conductor', async () => {
  await push(state(true));
  // The guest's side, as its DHCP client would set it up from option 121.
  const ifname = guestIfName(port.id);
  await run('ip', ['-n', GUEST_NS, 'addr', 'add', `${port.ip}/24`, 'dev', ifname]);
  await run('ip', ['-n', GUEST_NS, 'link', 'set', ifname, 'up']);
  await run('ip', ['-n', GUEST_NS, 'route', 'add', '169.254.169.254/32', 'via', `${net.prefix}.2`]);
  assert.deepEqual(await instanceIdSeen(), { status: 200, body: INSTANCE });
  const asked = stub!.metadataCalls.at(-1)!;
  assert.deepEqual([asked.hostId, asked.networkId, asked.ip], [HOST_ID, net.id, port.ip]);
});

test('a restarted agent serves it again from the state it restored', async () => {
  await stopAgent();
  const down = await metadataGet(GUEST_NS, '/latest/meta-data/instance-id', { timeoutMs: 2000 });
  assert.notEqual(down.status, 200, 'nothing serves while the agent is away');
  await startAgent();
  assert.deepEqual(await instanceIdSeen(), { status: 200, body: INSTANCE });
});

test('a push without metadata stops the service', async () => {
  await push(state(false));
  const r = await metadataGet(GUEST_NS, '/latest/meta-data/instance-id', { timeoutMs: 2000 });
  assert.equal(r.status, undefined, JSON.stringify(r));
});
