// Which hosts get a network push: table-tested over plain data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HostNetworkState } from '../../../common/gen/strato/agent/v1/HostNetworkState.ts';
import {
  type DesiredHostState,
  desiredHostState,
  EMPTY_STATE_HASH,
  nextGeneration,
  type PushPlanInput,
  planPushes,
} from '../../../conductor/network-push/push-plan.ts';

const stateWith = (portId: string): HostNetworkState => ({
  networks: [{ networkId: 'n1', type: 'NETWORK_TYPE_VXLAN', vni: 1001, mtu: 1450, vxlanPeers: [] }],
  ports: [{ portId, networkId: 'n1', mac: 'fa:16:3e:00:00:01', ips: [], rules: [] }],
  underlayPeers: [],
});

const A = desiredHostState(stateWith('a'));
const A2 = desiredHostState(stateWith('a2'));

function plan(over: Partial<PushPlanInput>): string[] {
  const input: PushPlanInput = {
    hosts: ['h1'],
    desired: new Map<string, DesiredHostState>(),
    acked: new Map(),
    unimplemented: new Set(),
    force: new Set(),
    ...over,
  };
  return planPushes(input).map((p) => `${p.hostId}:${p.why}`);
}

describe('network push planning', () => {
  const cases: Array<[string, Partial<PushPlanInput>, string[]]> = [
    ['a new host with nothing is left alone', {}, []],
    ['a new host with ports is pushed', { desired: new Map([['h1', A]]) }, ['h1:unknown']],
    [
      'an acknowledged, unchanged state is not pushed again',
      { desired: new Map([['h1', A]]), acked: new Map([['h1', A.hash]]) },
      [],
    ],
    ['a changed state is pushed', { desired: new Map([['h1', A2]]), acked: new Map([['h1', A.hash]]) }, ['h1:changed']],
    [
      'a host whose ports all went is pushed the empty state',
      { desired: new Map(), acked: new Map([['h1', A.hash]]) },
      ['h1:changed'],
    ],
    ['a failed push is tried again, even for an empty state', { acked: new Map([['h1', '']]) }, ['h1:changed']],
    [
      'forced hosts are pushed unchanged',
      { acked: new Map([['h1', EMPTY_STATE_HASH]]), force: new Set(['h1']) },
      ['h1:forced'],
    ],
    [
      'an UNIMPLEMENTED host waits for a forced push',
      { desired: new Map([['h1', A]]), unimplemented: new Set(['h1']) },
      [],
    ],
    [
      'the resync forces every registered host, in id order',
      { hosts: ['h2', 'h1'], unimplemented: new Set(['h2']), force: 'all' },
      ['h1:forced', 'h2:forced'],
    ],
    ['only registered hosts are pushed', { hosts: ['h1'], desired: new Map([['h9', A]]), force: new Set(['h9']) }, []],
    [
      'a failed host backing off waits, even when its state changed',
      { desired: new Map([['h1', A2]]), acked: new Map([['h1', '']]), backingOff: new Set(['h1']) },
      [],
    ],
    [
      'the resync skips a host backing off',
      { hosts: ['h1', 'h2'], acked: new Map([['h1', '']]), backingOff: new Set(['h1']), force: 'all' },
      ['h2:forced'],
    ],
    [
      'a host backing off is pushed when forced by name (it registered again)',
      { acked: new Map([['h1', '']]), backingOff: new Set(['h1']), force: new Set(['h1']) },
      ['h1:forced'],
    ],
  ];
  for (const [name, input, want] of cases) {
    it(name, () => assert.deepEqual(plan(input), want));
  }

  it('hashes equal states equally and different states differently', () => {
    assert.equal(desiredHostState(stateWith('a')).hash, A.hash);
    assert.notEqual(A.hash, A2.hash);
    assert.equal(EMPTY_STATE_HASH, desiredHostState({ networks: [], ports: [], underlayPeers: [] }).hash);
    assert.deepEqual(A.state, stateWith('a'));
  });

  it('generations only go up, tracking the clock in µs', () => {
    assert.equal(nextGeneration(0, 1_000), 1_000_000);
    assert.equal(nextGeneration(1_000_000, 1_000), 1_000_001);
    // A clock that stepped back never makes a generation go down.
    assert.equal(nextGeneration(5_000_000, 1_000), 5_000_001);
    let g = 0;
    for (let i = 0; i < 5; i++) {
      const next = nextGeneration(g, 42);
      assert.ok(next > g);
      g = next;
    }
  });
});
