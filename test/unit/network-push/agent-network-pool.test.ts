// The AgentNetwork client pool: one client per host, a fresh one when the host
// registers at another address, and nothing held for a host once released (a
// host that did not answer) — the next call dials afresh.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { credentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as AgentNetworkProto } from '../../../common/gen/agent_network.ts';
import { log } from '../../../common/log.ts';
import { loadClientObject } from '../../../common/proto-descriptor.ts';
import { AgentNetworkPool } from '../../../conductor/network-push/agent-network-pool.ts';

log.level = 'silent';

describe('AgentNetworkPool', () => {
  const proto = loadClientObject<AgentNetworkProto>('strato/agent/v1/agent_network.proto');
  const pool = new AgentNetworkPool({
    ctor: proto.strato.agent.v1.AgentNetwork,
    credentials: credentials.createInsecure(),
    // Nothing listens at port 1: calls fail fast.
    deadlines: { applyMs: 300, plugMs: 300 },
  });
  after(() => pool.close());
  const apply = (id: string, address: string) =>
    pool.forHost({ id, address }).apply({ hostId: id, generation: '1', state: { networks: [], ports: [] } });

  it('holds one client per host, drops it on release, and dials afresh after', async () => {
    await assert.rejects(apply('hv-a', '127.0.0.1:1'));
    await assert.rejects(apply('hv-a', '127.0.0.1:1'));
    assert.equal(pool.held, 1);
    await assert.rejects(apply('hv-a', '127.0.0.2:1')); // a new address: a new client
    assert.equal(pool.held, 1, 'the replaced client is not counted (it closes after its grace)');
    pool.release('hv-a');
    assert.equal(pool.held, 0);
    pool.release('hv-a'); // idempotent
    await assert.rejects(apply('hv-a', '127.0.0.1:1'));
    assert.equal(pool.held, 1);
  });
});
