// The workflow driver's back-off for a boot waiting on a host that does not
// answer, on an in-memory store with a stub agent: the waits grow while the
// host stays silent, and a kick (the host registered again) starts them over,
// so a host that is back — but whose channel still fails a call or two while
// it reconnects — is asked again within a second, not after the long wait.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Metadata, status } from '@grpc/grpc-js';
import { currentRequestId, runInContext } from '../../../common/grpc/request-id.ts';
import { fromCallError } from '../../../common/grpc/status.ts';
import type { AgentApi, AgentDirectory } from '../../../conductor/agents/agent-api.ts';
import { type InstanceRecord, instanceKey } from '../../../conductor/compute/instance-record.ts';
import { WorkflowDriver } from '../../../conductor/compute/workflow-driver.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { quiet } from '../../harness/quiet-log.ts';
import { bootingRecord, bootWorkflow } from './boot-record.ts';

const ID = '00000000-0000-4000-8000-0000000000d1';
const building = (): InstanceRecord =>
  bootingRecord(bootWorkflow({ eventKey: `/instance-actions/${ID}/0`, placedAtMs: Date.now() }), { id: ID });

/** A driver whose server is already placed on a host that `agent` serves. */
const driverFor = (store: SqliteStore, agent: AgentApi) =>
  new WorkflowDriver({
    store,
    claimer: {
      place: async () => assert.fail('no placement: the host is chosen'),
      release: async () => assert.fail('the claim is held'),
    },
    hosts: { get: async (id: string) => ({ id, address: '127.0.0.1:1' }) },
    agents: { forHost: () => agent, close() {} } as AgentDirectory,
    log: quiet,
  });

describe('workflow driver: waiting for a host that does not answer', () => {
  const store = new SqliteStore({ path: ':memory:' });
  after(() => store.close());

  it('backs off while the host is silent and starts over when kicked', async () => {
    const spawnsAt: number[] = [];
    let failures = 4;
    const agent: AgentApi = {
      spawn: async () => {
        spawnsAt.push(Date.now());
        if (failures-- > 0)
          throw fromCallError({ code: status.UNAVAILABLE, details: 'ECONNREFUSED', metadata: new Metadata() });
        return { instanceId: ID, powerState: 'running', domainName: `strato-${ID}` };
      },
      delete: async () => assert.fail('a host that did not answer is not cleaned up'),
      action: async () => assert.fail('no action'),
      consoleLog: async () => [],
    };
    const driver = driverFor(store, agent);
    try {
      await store.create(instanceKey(ID), building());
      driver.kick(ID);
      // Waits of 0.5 s and 1 s, then the third failure starts a wait of 2 s.
      while (spawnsAt.length < 3) await sleep(20);
      const gaps = spawnsAt.slice(1).map((t, i) => t - spawnsAt[i]!);
      assert.ok(gaps[0]! >= 450 && gaps[1]! >= 950, `growing waits: ${gaps.join(', ')} ms`);
      await sleep(100);
      // The host registered again: asked at once; its call still fails (the channel reconnects),
      // and the next wait is the first one again (0.5 s), not the fourth (4 s).
      const kickedAt = Date.now();
      driver.kick(ID);
      while ((await store.get<InstanceRecord>(instanceKey(ID))).value.vmState !== 'ACTIVE') {
        assert.ok(Date.now() - kickedAt < 2000, `ACTIVE within 2 s of the kick (spawns at ${spawnsAt.join(', ')})`);
        await sleep(20);
      }
      assert.equal(spawnsAt.length, 5);
    } finally {
      await driver.close();
    }
  });
});

describe('workflow driver: request ids', () => {
  const store = new SqliteStore({ path: ':memory:' });
  after(() => store.close());

  it("calls the agent under the id of the call that started the workflow, not the kicker's", async () => {
    const seen: (string | undefined)[] = [];
    const agent: AgentApi = {
      spawn: async () => {
        seen.push(currentRequestId());
        return { instanceId: ID, powerState: 'running', domainName: `strato-${ID}` };
      },
      delete: async () => assert.fail('no delete'),
      action: async () => assert.fail('no action'),
      consoleLog: async () => [],
    };
    const driver = driverFor(store, agent);
    try {
      const record = building();
      assert.ok(record.workflow);
      record.workflow.requestId = 'req-of-the-create';
      await store.create(instanceKey(ID), record);
      // Kicked from another request's context (as a resumed or swept workflow is).
      runInContext({ requestId: 'req-of-someone-else' }, () => driver.kick(ID));
      while ((await store.get<InstanceRecord>(instanceKey(ID))).value.vmState !== 'ACTIVE') await sleep(20);
      assert.deepEqual(seen, ['req-of-the-create']);
    } finally {
      await driver.close();
    }
  });
});
