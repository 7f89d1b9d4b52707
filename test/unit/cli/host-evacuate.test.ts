// strato host evacuate in-process against a fake API: the request it sends, the
// list of what was started, and with --wait each server's outcome (its state and
// new host, or the fault), exiting non-zero when any server was not evacuated.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXIT } from '../../../cli/errors.ts';
import type { ServerEvacuation__Output } from '../../../common/gen/strato/host/v1/ServerEvacuation.ts';
import { assertUsageError, cli, fakeSession } from './helpers.ts';

const evac = (over: Partial<ServerEvacuation__Output>): ServerEvacuation__Output => ({
  serverId: '00000000-0000-4000-8000-000000000001',
  serverName: 'run',
  projectId: 'p',
  action: 'evacuating',
  reason: '',
  targetVmState: 'ACTIVE',
  ...over,
});

const SERVERS = [
  evac({}),
  evac({ serverId: '00000000-0000-4000-8000-000000000002', serverName: 'off', targetVmState: 'SHUTOFF' }),
  evac({
    serverId: '00000000-0000-4000-8000-000000000003',
    serverName: 'busy',
    action: 'skipped',
    reason: 'it is busy (task deleting)',
    targetVmState: '',
  }),
];

function apis(final: Record<string, object>) {
  const asked: unknown[] = [];
  return {
    asked,
    session: fakeSession({
      hosts: {
        EvacuateHost: async (q: unknown) => {
          asked.push(q);
          return { host: 'hv-1', servers: SERVERS };
        },
      },
      servers: {
        GetServer: async (q: { server: string }) => ({
          id: q.server,
          name: q.server,
          taskState: '',
          ...final[q.server],
        }),
      },
    }),
  };
}

describe('host evacuate', () => {
  it('sends the host and target and lists what was started and skipped', async () => {
    const a = apis({});
    const r = await cli(['host', 'evacuate', 'hv-1', '--target-host', 'hv-2'], a.session);
    assert.equal(r.code, EXIT.OK, r.stderr);
    assert.deepEqual(a.asked, [{ host: 'hv-1', targetHost: 'hv-2' }]);
    assert.match(r.stdout, /run\s+\|?\s*evacuating\s+\|?\s*ACTIVE/);
    assert.match(r.stdout, /busy.*skipped.*it is busy \(task deleting\)/);
  });

  it('--wait shows each outcome with its new host', async () => {
    const a = apis({
      [SERVERS[0]!.serverId]: { vmState: 'ACTIVE', host: 'hv-2' },
      [SERVERS[1]!.serverId]: { vmState: 'SHUTOFF', host: 'hv-2' },
    });
    const r = await cli(['host', 'evacuate', 'hv-1', '--wait', '-f', 'json'], a.session);
    assert.equal(r.code, EXIT.OK, r.stderr);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    assert.deepEqual(
      rows.map((x) => [x.serverName, x.outcome, x.newHost]),
      [
        ['run', 'ACTIVE', 'hv-2'],
        ['off', 'SHUTOFF', 'hv-2'],
        ['busy', 'skipped', ''],
      ],
    );
  });

  it('--wait fails when a server ends in ERROR, naming its fault', async () => {
    const a = apis({
      [SERVERS[0]!.serverId]: {
        vmState: 'ERROR',
        host: 'hv-1',
        fault: { message: 'no valid host', code: '', reason: '' },
      },
      [SERVERS[1]!.serverId]: { vmState: 'SHUTOFF', host: 'hv-2' },
    });
    const r = await cli(['host', 'evacuate', 'hv-1', '--wait'], a.session);
    assert.equal(r.code, EXIT.ERROR);
    assert.match(r.stdout, /failed: server .* is in ERROR: no valid host/);
    assert.match(r.stderr, /1 server\(s\) were not evacuated/);
  });

  it('needs a host', async () => {
    await assertUsageError(['host', 'evacuate'], /host/);
  });
});
