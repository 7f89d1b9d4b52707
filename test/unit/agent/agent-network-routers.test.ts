// ApplyNetworkState with routers, through the AgentNetwork adapter and the real
// NetworkState over the fake driver: a router arrives in the driver as pushed, an
// impossible one is STATE_INVALID naming the field with the driver's reason, and a
// refused push changes nothing.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { InstanceManager } from '../../../agent/compute/instance-manager.ts';
import { FakeNetworkDriver } from '../../../agent/network/fake/fake-network-driver.ts';
import { NetworkState } from '../../../agent/network/network-state.ts';
import { agentNetworkService } from '../../../agent/server/agent-network-service.ts';
import { isStratoError } from '../../../common/errors.ts';
import type { HostNetworkState__Output } from '../../../common/gen/strato/agent/v1/HostNetworkState.ts';
import type { CallContext } from '../../../common/grpc/handlers.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { desiredMessage } from '../network-agent/fixtures.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const conductor = { peer: () => ({ commonName: 'conductor' }) } as unknown as CallContext;
const EXT = '77777777-2222-3333-4444-555555555555';

function routed(): HostNetworkState__Output {
  const m = desiredMessage();
  m.networks.push({
    networkId: EXT,
    type: 'NETWORK_TYPE_FLAT',
    vni: 0,
    physicalBridge: 'br-ext',
    mtu: 0,
    vxlanPeers: [],
    dhcp: null,
  });
  m.routers.push({
    routerId: 'r1',
    interfaces: [
      { portId: 'qr1', networkId: m.networks[0]!.networkId, mac: 'fa:16:3e:00:01:01', ipCidr: '10.0.0.1/24' },
    ],
    gateway: {
      portId: 'qg1',
      networkId: EXT,
      mac: 'fa:16:3e:00:01:02',
      ipCidr: '192.0.2.2/24',
      gatewayIp: '192.0.2.1',
      enableSnat: true,
    },
    floatingIps: [{ floatingIp: '192.0.2.10', fixedIp: '10.0.0.10' }],
    metadata: false,
  });
  return m;
}

test('ApplyNetworkState carries routers to the driver and refuses impossible ones by field', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'strato-routers-'));
  dirs.push(dir);
  const driver = new FakeNetworkDriver({ physicalBridges: { 'br-ext': 1500 } });
  const state = new NetworkState({ driver, dir, linkExists: async () => true, log: quiet });
  const svc = agentNetworkService({ hostId: 'h1', state, manager: {} as InstanceManager });
  const push = (generation: string, s: HostNetworkState__Output) => ({ hostId: 'h1', generation, state: s });

  const bad = routed();
  bad.routers[0]!.floatingIps[0]!.fixedIp = '10.9.9.9';
  await assert.rejects(
    async () => svc.ApplyNetworkState(push('1', bad), conductor),
    (e) =>
      isStratoError(e, 'INVALID_ARGUMENT') &&
      e.reason === 'STATE_INVALID' &&
      e.details.driverReason === 'INVALID_FIXED_IP' &&
      e.details.field === 'state.routers[0].floating_ips[0].fixed_ip',
  );
  assert.equal(driver.history.length, 0, 'the refused push changed nothing');

  const { steps } = await svc.ApplyNetworkState(push('2', routed()), conductor);
  assert.ok((steps ?? 0) > 0);
  assert.deepEqual(driver.router('r1')?.floatingIps, [{ floatingIp: '192.0.2.10', fixedIp: '10.0.0.10' }]);
  assert.equal((await svc.ApplyNetworkState(push('3', routed()), conductor)).steps, 0, 'the same routers: no work');
  await state.close();
});
