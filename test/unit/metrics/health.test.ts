// Health that means something, with fakes: the gate turns the services that need
// a dependency NOT_SERVING while it is unusable (and only those), the conductor's
// store health follows its probe and its writes, and the agent's Agent service
// follows the hypervisor link.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import type { ServingStatus } from 'grpc-health-check';
import { gateOnHypervisor, LIBVIRT } from '../../../agent/agent-status.ts';
import type { HypervisorEvents } from '../../../agent/hypervisor/hypervisor.ts';
import { unavailable } from '../../../common/errors.ts';
import { allServicesNeed, HealthGate } from '../../../common/grpc/health-gate.ts';
import { StoreHealth } from '../../../conductor/health/store-health.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import type { Store, TxnResult } from '../../../conductor/store/store.ts';
import { quiet } from '../../harness/quiet-log.ts';

/** A server's health as the gate set it (services absent: never touched, still SERVING). */
class FakeServer {
  readonly status = new Map<string, ServingStatus>();
  readonly calls: string[] = [];
  setHealth(service: string, status: ServingStatus): void {
    this.status.set(service, status);
    this.calls.push(`${service || "''"} ${status}`);
  }
  of(service: string): ServingStatus {
    return this.status.get(service) ?? 'SERVING';
  }
}

describe('HealthGate', () => {
  it('gates exactly the services that need a dependency, and sets a status only when it changes', () => {
    const agent = new FakeServer();
    const gate = new HealthGate([{ server: agent, needs: { 'strato.agent.v1.Agent': [LIBVIRT] } }], quiet);
    gate.set(LIBVIRT, 'libvirt unreachable');
    gate.set(LIBVIRT, 'libvirt unreachable');
    assert.equal(agent.of('strato.agent.v1.Agent'), 'NOT_SERVING');
    assert.equal(agent.of('strato.agent.v1.AgentNetwork'), 'SERVING');
    assert.equal(agent.of(''), 'SERVING');
    gate.set(LIBVIRT, undefined);
    assert.deepEqual(agent.calls, ['strato.agent.v1.Agent NOT_SERVING', 'strato.agent.v1.Agent SERVING']);
    assert.deepEqual([...gate.problems()], []);
  });

  it('a service needing two dependencies serves only when both are usable', () => {
    const s = new FakeServer();
    const gate = new HealthGate([{ server: s, needs: allServicesNeed(['a.v1.A'], ['store', 'disk']) }], quiet);
    gate.set('store', 'down');
    gate.set('disk', 'full');
    gate.set('store', undefined);
    assert.equal(s.of('a.v1.A'), 'NOT_SERVING');
    assert.equal(s.of(''), 'NOT_SERVING');
    gate.set('disk', undefined);
    assert.equal(s.of('a.v1.A'), 'SERVING');
    assert.equal(s.of(''), 'SERVING');
  });
});

describe('agent: the Agent service follows the hypervisor link', () => {
  it('NOT_SERVING from the link loss to its return', () => {
    const s = new FakeServer();
    const gate = new HealthGate([{ server: s, needs: { 'strato.agent.v1.Agent': [LIBVIRT] } }], quiet);
    const hv = new EventEmitter<HypervisorEvents>();
    gateOnHypervisor(gate, hv);
    hv.emit('disconnected');
    assert.equal(s.of('strato.agent.v1.Agent'), 'NOT_SERVING');
    assert.equal(gate.problems().get(LIBVIRT), 'libvirt unreachable');
    hv.emit('reconnected');
    assert.equal(s.of('strato.agent.v1.Agent'), 'SERVING');
  });
});

/** A store whose probe transaction (and writes) fail while `broken` says why. */
function breakableStore(inner: Store) {
  const state = { broken: undefined as Error | undefined, probes: 0 };
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (prop === 'txn') {
        return async (...args: Parameters<Store['txn']>): Promise<TxnResult> => {
          if (args[1].length === 0) state.probes++;
          if (state.broken) throw state.broken;
          return target.txn(...args);
        };
      }
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { store, state };
}

describe('conductor: store health', () => {
  function setup() {
    const sqlite = new SqliteStore({ path: ':memory:' });
    const { store, state } = breakableStore(sqlite);
    let now = 1_000_000;
    const changes: (string | undefined)[] = [];
    const health = new StoreHealth({
      store,
      probeIntervalMs: 5000,
      onChange: (p) => changes.push(p),
      log: quiet,
      clock: () => now,
    });
    return {
      health,
      state,
      changes,
      later: (ms: number) => {
        now += ms;
      },
      close: () => sqlite.close(),
    };
  }

  it('a failing probe makes the store unusable until a probe passes', async () => {
    const t = setup();
    try {
      await t.health.probe();
      assert.equal(t.health.problem, undefined);
      // node:sqlite's error for a write lock another process holds.
      t.state.broken = Object.assign(new Error('database is locked'), { errstr: 'database is locked', errcode: 5 });
      await t.health.probe();
      assert.equal(t.health.problem, 'store probe failed: database is locked');
      t.state.broken = undefined;
      await t.health.probe();
      assert.deepEqual(t.changes, ['store probe failed: database is locked', undefined]);
    } finally {
      await t.close();
    }
  });

  it("a write failing for the store's sake counts until a write succeeds; a lost race or a caller's error does not", async () => {
    const t = setup();
    try {
      const store = t.health.store;
      await store.create('/a', 1);
      await assert.rejects(store.create('/a', 2), { code: 'ALREADY_EXISTS' });
      await assert.rejects(store.create('bad key', 2), { code: 'INVALID_ARGUMENT' });
      assert.deepEqual(t.changes, []);
      t.state.broken = Object.assign(new Error('database or disk is full'), { errstr: 'database or disk is full' });
      await assert.rejects(store.txn([], [{ kind: 'put', key: '/b', value: 1 }]));
      assert.equal(t.health.problem, 'store writes failing: database or disk is full');
      t.state.broken = undefined;
      await store.txn([], [{ kind: 'put', key: '/b', value: 1 }]);
      assert.equal(t.health.problem, undefined);
      assert.deepEqual(t.changes, ['store writes failing: database or disk is full', undefined]);
    } finally {
      await t.close();
    }
  });

  it('a write fault with no write since fades after two probe intervals', async () => {
    const t = setup();
    try {
      t.state.broken = unavailable('STORE_CLOSED', 'store closed');
      await assert.rejects(t.health.store.txn([], [{ kind: 'delete', key: '/x' }]));
      t.state.broken = undefined;
      await t.health.probe();
      assert.equal(t.health.problem, 'store writes failing: STORE_CLOSED');
      t.later(10_001);
      await t.health.probe();
      assert.equal(t.health.problem, undefined);
    } finally {
      await t.close();
    }
  });
});
