// The network pusher over an in-memory SQLite store and a stub AgentNetwork
// directory: a port bound to a host makes that host (and the network's other
// host) get a push with increasing generations; nothing unchanged is pushed
// twice; an agent without AgentNetwork is logged once and left until forced;
// a failed push is retried on its own; sync() waits for what was committed
// before it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { StratoError } from '../../../common/errors.ts';
import type { ApplyNetworkStateRequest } from '../../../common/gen/strato/agent/v1/ApplyNetworkStateRequest.ts';
import { log } from '../../../common/log.ts';
import type { HostRecord } from '../../../conductor/hosts/host-record.ts';
import type { Principal } from '../../../conductor/identity/model.ts';
import { createNetworking, type Networking } from '../../../conductor/network/networking.ts';
import type { AgentNetworkDirectory } from '../../../conductor/network-push/agent-network-pool.ts';
import { NetworkPusher } from '../../../conductor/network-push/network-pusher.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { type AgentReader, agentReader } from './wire.ts';

log.level = 'silent';

const admin: Principal = {
  userId: 'u',
  userName: 'admin',
  projectId: 'admin',
  projectName: 'admin',
  role: 'admin',
  tokenHash: '',
  expiresAtMs: Number.MAX_SAFE_INTEGER,
};

const host = (id: string, underlayIp: string): HostRecord => ({
  id,
  address: `127.0.0.1:1`,
  capacity: { vcpus: 1, ramMiB: 1, diskGiB: 1 },
  virtType: 'qemu',
  agentVersion: 't',
  underlayIp,
  enabled: true,
  lastHeartbeatMs: 0,
  registeredAt: '',
});

interface Pushed {
  hostId: string;
  generation: number;
  state: DesiredHostNetwork;
}

/** A started pusher over `hosts` (resync out of the way, short debounce), synced once. */
async function startedPusher(
  store: SqliteStore,
  hosts: HostRecord[],
  agents: AgentNetworkDirectory,
  retryMs: number,
): Promise<NetworkPusher> {
  const pusher = new NetworkPusher({
    store,
    hosts: { list: async () => hosts },
    agents,
    resyncIntervalMs: 3_600_000,
    debounceMs: 5,
    retryMs,
  });
  pusher.start();
  await pusher.sync([]);
  return pusher;
}

describe('network pusher', () => {
  let store: SqliteStore;
  let net: Networking;
  let pusher: NetworkPusher;
  const pushed: Pushed[] = [];
  const behaviour = new Map<string, StratoError>();
  const hosts = [host('h1', '10.0.0.1'), host('h2', '10.0.0.2'), host('old', '10.0.0.3')];
  let portA = '';

  const agents: AgentNetworkDirectory = {
    forHost: (h) => ({
      apply: async (req: ApplyNetworkStateRequest) => {
        const err = behaviour.get(h.id);
        if (err) throw err;
        pushed.push({ hostId: h.id, generation: Number(req.generation), state: read(req) });
        return { appliedGeneration: String(req.generation), steps: 0 };
      },
      attachPort: async () => {},
      detachPort: async () => {},
    }),
    close() {},
  };
  const to = (id: string) => pushed.filter((p) => p.hostId === id);
  let read: AgentReader;

  before(async () => {
    read = await agentReader();
    store = new SqliteStore({ path: ':memory:' });
    net = createNetworking({ store });
    // Identity writes a project's default group with the project; this test has no Identity.
    await net.securityGroups.ensureDefault(admin.projectId);
    behaviour.set('old', new StratoError('UNIMPLEMENTED', 'UNIMPLEMENTED', 'no such service'));
    pusher = await startedPusher(store, hosts, agents, 50);
  });
  after(async () => {
    await pusher?.close();
    await store?.close();
  });

  it('pushes every registered host once at start, even the empty ones', () => {
    assert.deepEqual(pushed.map((p) => p.hostId).sort(), ['h1', 'h2']);
    for (const p of pushed) assert.deepEqual(p.state, { networks: [], ports: [] });
  });

  it('pushes the hosts of a network when a port is bound, each with the other as peer', async () => {
    pushed.length = 0;
    const n = await net.networks.create(admin, { name: 'n', providerType: 'vxlan', physicalBridge: '', mtu: 0 });
    await net.subnets.create(admin, {
      name: 's',
      network: 'n',
      cidr: '10.5.0.0/24',
      gatewayIp: '',
      allocationPools: [],
      dnsServers: [],
      enableDhcp: true,
    });
    const mk = async (bindingHost: string) =>
      net.ports.create(
        admin,
        {
          name: '',
          network: n.id,
          fixedIps: [],
          securityGroups: [],
          noSecurityGroups: false,
          macAddress: '',
          deviceId: 'dev',
          deviceOwner: 'compute:strato',
          bindingHost,
        },
        true,
      );
    portA = (await mk('h1')).id;
    await mk('h2');
    // The watch drives it: wait for both hosts to see the peer.
    for (let i = 0; i < 200; i++) {
      const h1 = to('h1').at(-1)?.state.networks[0]?.vxlanPeers;
      const h2 = to('h2').at(-1)?.state.networks[0]?.vxlanPeers;
      if (h1?.[0] === '10.0.0.2' && h2?.[0] === '10.0.0.1') break;
      await sleep(10);
    }
    assert.deepEqual(to('h1').at(-1)?.state.networks[0]?.vxlanPeers, ['10.0.0.2']);
    assert.deepEqual(to('h2').at(-1)?.state.networks[0]?.vxlanPeers, ['10.0.0.1']);
    const gens = pushed.map((p) => p.generation);
    assert.deepEqual(
      gens,
      [...gens].sort((a, b) => a - b),
      'generations increase',
    );
    assert.equal(new Set(gens).size, gens.length);
  });

  it('does not push an unchanged state again, but does when forced', async () => {
    pushed.length = 0;
    const r = await pusher.sync([]);
    assert.equal(pushed.length, 0);
    assert.deepEqual(r.get('h1'), { kind: 'applied' });
    await pusher.sync(['h1']);
    assert.deepEqual(
      pushed.map((p) => p.hostId),
      ['h1'],
    );
  });

  it('a host registering reaches the VXLAN filter of every host with networks before it has a port', async () => {
    assert.deepEqual(to('h1').at(-1)?.state.underlayPeers, ['10.0.0.2', '10.0.0.3']);
    pushed.length = 0;
    hosts.push(host('h5', '10.0.0.5'));
    try {
      await pusher.sync([]);
      assert.deepEqual(pushed.map((p) => p.hostId).sort(), ['h1', 'h2'], 'the new, empty host is not pushed');
      assert.deepEqual(to('h1').at(-1)?.state.underlayPeers, ['10.0.0.2', '10.0.0.3', '10.0.0.5']);
      assert.deepEqual(to('h2').at(-1)?.state.underlayPeers, ['10.0.0.1', '10.0.0.3', '10.0.0.5']);
    } finally {
      hosts.pop();
      await pusher.sync([]);
    }
  });

  it('reports an agent without AgentNetwork as unimplemented and skips it until forced', async () => {
    const r = await pusher.sync(['old']);
    assert.deepEqual(r.get('old'), { kind: 'unimplemented' });
    assert.deepEqual((await pusher.sync([])).get('old'), { kind: 'unimplemented' });
    assert.deepEqual((await pusher.sync(['nope'])).get('nope'), { kind: 'unknown-host' });
  });

  it('retries a failed push on its own and reports the failure to a waiting caller', async () => {
    behaviour.set('h1', new StratoError('UNAVAILABLE', 'DOWN', 'agent down'));
    const r = await pusher.sync(['h1']);
    assert.equal(r.get('h1')?.kind, 'failed');
    pushed.length = 0;
    behaviour.delete('h1');
    for (let i = 0; i < 100 && to('h1').length === 0; i++) await sleep(10);
    assert.equal(to('h1').length, 1, 'pushed again after the retry delay');
  });

  it('sync() sees what was committed before it: an unbound port leaves its host', async () => {
    await net.ports.unbind(portA, 'dev');
    const r = await pusher.sync([]);
    assert.deepEqual(r.get('h1'), { kind: 'applied' });
    assert.deepEqual(to('h1').at(-1)?.state, { networks: [], ports: [] });
  });
});

describe('network pusher and an unreachable host', () => {
  let store: SqliteStore;
  let pusher: NetworkPusher;
  const calls: string[] = [];
  const released: string[] = [];
  const hosts = [host('up-1', '10.1.0.1'), host('gone-1', '10.1.0.2')];
  const agents: AgentNetworkDirectory = {
    forHost: (h) => ({
      apply: async (req: ApplyNetworkStateRequest) => {
        calls.push(h.id);
        if (h.id === 'gone-1') throw new StratoError('UNAVAILABLE', 'DOWN', 'connection refused');
        return { appliedGeneration: String(req.generation), steps: 0 };
      },
      attachPort: async () => {},
      detachPort: async () => {},
    }),
    release: (id) => released.push(id),
    close() {},
  };
  const count = (id: string) => calls.filter((c) => c === id).length;

  before(async () => {
    store = new SqliteStore({ path: ':memory:' });
    pusher = await startedPusher(store, hosts, agents, 300);
  });
  after(async () => {
    await pusher?.close();
    await store?.close();
  });

  it('releases its channel and leaves it to its own backoff, not to cycles started for others', async () => {
    assert.equal(count('gone-1'), 1, 'tried once at start');
    assert.deepEqual(released, ['gone-1']);
    for (let i = 0; i < 5; i++) await pusher.sync(['up-1']);
    assert.equal(count('up-1'), 6);
    assert.equal(count('gone-1'), 1, 'not dialled by the other host’s cycles');
    for (let i = 0; i < 100 && count('gone-1') < 2; i++) await sleep(20);
    assert.equal(count('gone-1'), 2, 'retried when its backoff was due');
  });

  it('is pushed at once when it registers again', async () => {
    const before = count('gone-1');
    pusher.hostRegistered('gone-1');
    await pusher.sync([]);
    assert.equal(count('gone-1'), before + 1);
  });
});
